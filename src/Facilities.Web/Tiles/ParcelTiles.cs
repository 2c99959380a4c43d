using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace Facilities.Web.Tiles;

/// <summary>
/// Parcels as Mapbox vector tiles (layer "parcels"; properties id, land_use, area_m2). From a GeoPackage whose parcels
/// carry their R-tree (every layer Facilities writes does), each tile reads only its own rows through it
/// (<see cref="ParcelBoxes"/>), so the server starts without reading the layer; otherwise (a PostGIS dataset, a
/// GeoPackage written by another tool without the index) they are cut from the in-memory <see cref="ParcelIndex"/>,
/// built on first use, and a line on standard error says so. Both give the same tiles (ParcelTilesRtreeTests).
/// </summary>
public sealed class ParcelTiles
{
    private readonly DatasetService _dataset;
    private readonly bool _inMemory;
    private readonly object _gate = new();
    private volatile IndexOf _index;

    /// <summary>Creates the tiler; nothing is read yet. <paramref name="inMemory"/> forces the in-memory index (the tests' and benchmark's comparison).</summary>
    public ParcelTiles(DatasetService dataset, bool inMemory = false)
    {
        _dataset = dataset;
        _inMemory = inMemory;
        _index = For(dataset.Context);
    }

    /// <summary>Where the line saying the tiles come from memory goes (standard error unless replaced).</summary>
    public Action<string> Log { get; set; } = m => Console.Error.WriteLine(m);

    /// <summary>Whether tiles are read through the GeoPackage's R-tree (false: the in-memory index).</summary>
    public bool ReadsByBox => Current.Boxes.Value is not null;

    /// <summary>The tiles' one layer.</summary>
    public const string LayerName = "parcels";

    /// <summary>The properties every parcel carries in the tiles, with their TileJSON types.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id"] = "String",
        ["land_use"] = "String",
        ["area_m2"] = "Number",
    };

    /// <summary>Which encoder writes the tiles (the benchmark compares them).</summary>
    public TileWriter Writer { get; set; } = TileWriter.Direct;

    /// <summary>
    /// The parcels of the dataset as it is now, in memory (loads them on first use, and again after the data changed):
    /// the tiles' source when there is no R-tree to read by, and the OGC API's parcels collection.
    /// </summary>
    public ParcelIndex Index => Current.Index.Value;

    private IndexOf Current
    {
        get
        {
            var context = _dataset.Context;
            var current = _index;
            if (!ReferenceEquals(current.Context, context))
            {
                lock (_gate)
                {
                    if (!ReferenceEquals(_index.Context, context))
                    {
                        var old = _index;
                        _index = For(context);
                        if (old.Boxes.IsValueCreated)
                        {
                            old.Boxes.Value?.Dispose();
                        }
                    }

                    current = _index;
                }
            }

            return current;
        }
    }

    /// <summary>
    /// Most parcels a tile should carry (a few milliseconds to encode, a few hundred KiB): the parcels are served from
    /// the first zoom whose densest tile holds no more.
    /// </summary>
    public const int MaxParcelsPerTile = 5000;

    /// <summary>Lowest zoom served.</summary>
    public const int LowestZoom = 14;

    /// <summary>
    /// The first zoom with parcels: 14, or higher where parcels are so dense that a z14 tile would hold more than
    /// <see cref="MaxParcelsPerTile"/> (a 1,000,000-parcel city on 16 × 12 km has ~27,000 in a z14 tile). Loads the parcels.
    /// </summary>
    public int MinZoom
    {
        get
        {
            var z = LowestZoom;
            var current = Current;
            Func<int, int> densest = current.Boxes.Value is { } boxes ? boxes.DensestTile : current.Index.Value.DensestTile;
            while (z < ParcelIndex.DensityZoom && densest(z) > MaxParcelsPerTile)
            {
                z++;
            }

            return z;
        }
    }

    /// <summary>
    /// Gets the first tile ready now, right after start: through the R-tree, the zoom the parcels start at (the R-tree's
    /// leaves, no row); otherwise the whole in-memory index.
    /// </summary>
    public void Warm() => _ = MinZoom;

    private IndexOf For(Application.DatasetContext context) => new(context,
        new Lazy<ParcelIndex>(() => ParcelIndex.Load(context.Store, context.HasLayer("parcels")), LazyThreadSafetyMode.ExecutionAndPublication),
        new Lazy<ParcelBoxes?>(() => OpenBoxes(context), LazyThreadSafetyMode.ExecutionAndPublication));

    private ParcelBoxes? OpenBoxes(Application.DatasetContext context)
    {
        if (_inMemory)
        {
            return null;
        }

        if (Application.DatasetLocation.FilePath(context.Store) is not { } path)
        {
            Log("thửa đất: ô bản đồ cắt từ chỉ mục trong bộ nhớ (bộ dữ liệu PostGIS) / parcels: tiles cut from an in-memory index (PostGIS dataset), built on first use");
            return null;
        }

        var boxes = ParcelBoxes.Open(path, out var reason, context.Store as Facilities.Storage.Sqlite.Datasets.GeoPackageStore);
        if (boxes is null && context.HasLayer(LayerName))
        {
            Log($"thửa đất: lớp parcels của {Path.GetFileName(path)} không có chỉ mục R-tree đầy đủ, ô bản đồ cắt từ chỉ mục trong bộ nhớ (lần đầu lâu; "
                + $"chạy 'facilities import' để ghi lại kèm chỉ mục) / parcels: layer parcels of {Path.GetFileName(path)} has {reason}; tiles are cut from an "
                + "in-memory index built on first use (slow on a large layer; rewrite the dataset with 'facilities import' to add the index)");
        }

        return boxes;
    }

    private sealed record IndexOf(Application.DatasetContext Context, Lazy<ParcelIndex> Index, Lazy<ParcelBoxes?> Boxes);

    /// <summary>The encoded tile, or null when no parcel meets it.</summary>
    public byte[]? Tile(int z, int x, int y)
    {
        var tile = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z);
        var box = new Envelope(tile.Left, tile.Right, tile.Bottom, tile.Top);
        var current = Current;
        if (current.Boxes.Value is { } boxes && Writer == TileWriter.Direct)
        {
            return BoxTile(boxes.Read(box), z, x, y);
        }

        var index = current.Index.Value;
        var hits = index.Query(box);
        if (hits.Count == 0)
        {
            return null;
        }

        if (Writer == TileWriter.NetTopologySuite)
        {
            return NtsTile(index, tile, hits);
        }

        var encoder = new MvtEncoder(z, x, y);
        var attributes = new (string Key, object? Value)[3];
        foreach (var i in hits)
        {
            attributes[0] = ("id", index.Ids[i]);
            attributes[1] = ("land_use", index.LandUse[i]);
            attributes[2] = ("area_m2", index.AreaM2[i] is double a ? Math.Round(a, 1) : null);
            encoder.AddPolygonal(index.Geometry[i], attributes);
        }

        return encoder.Count == 0 ? null : encoder.Finish(LayerName);
    }

    /// <summary>The tile of the rows read through the R-tree (layer order, as the in-memory path's hits).</summary>
    private static byte[]? BoxTile(List<Facilities.Storage.Sqlite.GeoPackage.GeoPackageBoxRow> rows, int z, int x, int y)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var encoder = new MvtEncoder(z, x, y);
        var attributes = new (string Key, object? Value)[3];
        foreach (var row in rows)
        {
            attributes[0] = ("id", row.Id);
            attributes[1] = ("land_use", row.LandUse);
            attributes[2] = ("area_m2", row.AreaM2 is double a ? Math.Round(a, 1) : null);
            encoder.AddPolygonal(row.Geometry, attributes);
        }

        return encoder.Count == 0 ? null : encoder.Finish(LayerName);
    }

    /// <summary>The same tile through NetTopologySuite.IO.VectorTiles' MapboxTileWriter (kept for the benchmark's comparison).</summary>
    private static byte[] NtsTile(ParcelIndex index, NetTopologySuite.IO.VectorTiles.Tiles.Tile tile, List<int> hits)
    {
        var layer = new Layer { Name = LayerName };
        foreach (var i in hits)
        {
            var attributes = new AttributesTable { { "id", index.Ids[i] }, { "land_use", index.LandUse[i] } };
            if (index.AreaM2[i] is double a)
            {
                attributes.Add("area_m2", Math.Round(a, 1));
            }

            layer.Features.Add(new Feature(index.Geometry[i], attributes));
        }

        var vt = new VectorTile { TileId = tile.Id };
        vt.Layers.Add(layer);
        using var buffer = new MemoryStream();
        vt.Write(buffer, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent);
        return buffer.ToArray();
    }
}
