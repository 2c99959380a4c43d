using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace Facilities.Web.Tiles;

/// <summary>
/// Parcels as Mapbox vector tiles (layer "parcels"; properties id, land_use, area_m2) cut from the in-memory
/// <see cref="ParcelIndex"/>, which is built on first use (or by <see cref="Warm"/> right after start).
/// </summary>
public sealed class ParcelTiles
{
    private readonly DatasetService _dataset;
    private volatile IndexOf _index;

    /// <summary>Creates the tiler; nothing is read yet.</summary>
    public ParcelTiles(DatasetService dataset)
    {
        _dataset = dataset;
        _index = For(dataset.Context);
    }

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

    /// <summary>The parcels of the dataset as it is now (loads them on first use, and again after the data changed).</summary>
    public ParcelIndex Index
    {
        get
        {
            var context = _dataset.Context;
            var current = _index;
            if (!ReferenceEquals(current.Context, context))
            {
                current = _index = For(context);
            }

            return current.Index.Value;
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
            while (z < ParcelIndex.DensityZoom && Index.DensestTile(z) > MaxParcelsPerTile)
            {
                z++;
            }

            return z;
        }
    }

    /// <summary>Loads the parcels now, so the first tile does not wait for them.</summary>
    public void Warm() => _ = Index;

    private static IndexOf For(Application.DatasetContext context) => new(context,
        new Lazy<ParcelIndex>(() => ParcelIndex.Load(context.Store, context.HasLayer("parcels")), LazyThreadSafetyMode.ExecutionAndPublication));

    private sealed record IndexOf(Application.DatasetContext Context, Lazy<ParcelIndex> Index);

    /// <summary>The encoded tile, or null when no parcel meets it.</summary>
    public byte[]? Tile(int z, int x, int y)
    {
        var tile = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z);
        var box = new Envelope(tile.Left, tile.Right, tile.Bottom, tile.Top);
        var hits = Index.Query(box);
        if (hits.Count == 0)
        {
            return null;
        }

        if (Writer == TileWriter.NetTopologySuite)
        {
            return NtsTile(tile, hits);
        }

        var encoder = new MvtEncoder(z, x, y);
        var attributes = new (string Key, object? Value)[3];
        foreach (var i in hits)
        {
            attributes[0] = ("id", Index.Ids[i]);
            attributes[1] = ("land_use", Index.LandUse[i]);
            attributes[2] = ("area_m2", Index.AreaM2[i] is double a ? Math.Round(a, 1) : null);
            encoder.AddPolygonal(Index.Geometry[i], attributes);
        }

        return encoder.Count == 0 ? null : encoder.Finish(LayerName);
    }

    /// <summary>The same tile through NetTopologySuite.IO.VectorTiles' MapboxTileWriter (kept for the benchmark's comparison).</summary>
    private byte[] NtsTile(NetTopologySuite.IO.VectorTiles.Tiles.Tile tile, List<int> hits)
    {
        var layer = new Layer { Name = LayerName };
        foreach (var i in hits)
        {
            var attributes = new AttributesTable { { "id", Index.Ids[i] }, { "land_use", Index.LandUse[i] } };
            if (Index.AreaM2[i] is double a)
            {
                attributes.Add("area_m2", Math.Round(a, 1));
            }

            layer.Features.Add(new Feature(Index.Geometry[i], attributes));
        }

        var vt = new VectorTile { TileId = tile.Id };
        vt.Layers.Add(layer);
        using var buffer = new MemoryStream();
        vt.Write(buffer, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent);
        return buffer.ToArray();
    }
}
