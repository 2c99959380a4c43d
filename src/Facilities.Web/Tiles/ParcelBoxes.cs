using System.Collections.Concurrent;
using Facilities.Storage.Sqlite.GeoPackage;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Tiles;

/// <summary>
/// The parcels of one GeoPackage, read per tile through the layer's own R-tree (gpkg_rtree_index) on a small pool of
/// read-only connections, instead of every parcel held in memory: the server starts without reading a row. One per
/// dataset snapshot (<see cref="DatasetService"/>); disposed when the data changes, its connections closing as the
/// requests using them finish. Thread-safe.
/// </summary>
public sealed class ParcelBoxes : IDisposable
{
    /// <summary>Idle connections kept (more are opened under load and closed when returned).</summary>
    private const int MaxIdle = 8;

    private readonly GeoPackageBoxLayer _layer;
    private readonly ConcurrentBag<GeoPackageBoxReader> _idle = [];
    private readonly Lazy<int[]> _densest;
    private volatile bool _closed;

    private readonly Facilities.Storage.Sqlite.Datasets.GeoPackageStore? _store;

    private ParcelBoxes(GeoPackageBoxLayer layer, Facilities.Storage.Sqlite.Datasets.GeoPackageStore? store)
    {
        _layer = layer;
        _store = store;
        _densest = new Lazy<int[]>(Density, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The parcels layer of the GeoPackage at <paramref name="path"/> read by box, or null (and
    /// <paramref name="reason"/>, English) when it has no complete R-tree to read by.
    /// </summary>
    /// <remarks>With the dataset's <paramref name="store"/> (the server's), keeping the density in the file leaves the
    /// store's change token as it was (<see cref="Facilities.Storage.Sqlite.Datasets.GeoPackageStore.KeptValue"/>).</remarks>
    public static ParcelBoxes? Open(string path, out string reason, Facilities.Storage.Sqlite.Datasets.GeoPackageStore? store = null)
    {
        var layer = GeoPackageBoxLayer.Find(path, ParcelTiles.LayerName, out reason);
        return layer is null ? null : new ParcelBoxes(layer, store);
    }

    /// <summary>Parcels (by the centre of their R-tree box) in the densest tile of each zoom 0..<see cref="ParcelIndex.DensityZoom"/>; read once.</summary>
    public int DensestTile(int z) => _densest.Value[z];

    /// <summary>The parcels whose envelope meets <paramref name="wgs84"/>, in layer order.</summary>
    public List<GeoPackageBoxRow> Read(Envelope wgs84) => With(r => r.Read(wgs84));

    /// <summary>Whether this instance counted the R-tree's leaves (false: the counts were read back from the file).</summary>
    internal bool Counted { get; private set; }

    /// <summary>Closes the idle connections; those in use close when their request returns them.</summary>
    public void Dispose()
    {
        _closed = true;
        while (_idle.TryTake(out var r))
        {
            r.Dispose();
        }
    }

    /// <summary>
    /// Kept in the file (<see cref="GeoPackageKeptValue"/>): read back on the next start instead of counting the
    /// R-tree's leaves again (~0.35 s and ~40 MB at 1,000,000 parcels), recounted when the data changed. The key
    /// names what else the counts depend on: the rule's version, the zooms counted and the layer's CRS.
    /// </summary>
    private int[] Density()
    {
        var crs = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_layer.Crs.Wkt)))[..16];
        var key = FormattableString.Invariant($"tile density v1; zooms 0-{ParcelIndex.DensityZoom}; srs {_layer.Crs.Srid} {crs}");
        var name = "tile_density:" + _layer.Table;
        string Counts() => string.Join(',', Count().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        bool counted;
        var kept = _store is not null && string.Equals(_store.Path, _layer.Path, StringComparison.Ordinal)
            ? _store.KeptValue(name, key, Counts, out counted)
            : GeoPackageKeptValue.GetOrCompute(_layer.Path, name, key, Counts, out counted);
        Counted = counted;
        var densest = kept.Split(',').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return densest.Length == ParcelIndex.DensityZoom + 1 ? densest : Count();
    }

    private int[] Count()
    {
        var centres = With(r => r.Centres());
        var density = new TileDensity();
        for (var i = 0; i < centres.Length; i += 2)
        {
            density.Add(centres[i], centres[i + 1]);
        }

        return density.Densest();
    }

    private T With<T>(Func<GeoPackageBoxReader, T> read)
    {
        var reader = _idle.TryTake(out var idle) ? idle : new GeoPackageBoxReader(_layer);
        try
        {
            return read(reader);
        }
        finally
        {
            if (_closed || _idle.Count >= MaxIdle)
            {
                reader.Dispose();
            }
            else
            {
                _idle.Add(reader);
                // Closed while this request ran: the Dispose above may have missed it.
                if (_closed && _idle.TryTake(out var late))
                {
                    late.Dispose();
                }
            }
        }
    }
}
