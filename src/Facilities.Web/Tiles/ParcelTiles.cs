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
    private readonly Lazy<ParcelIndex> _index;

    /// <summary>Creates the tiler; nothing is read yet.</summary>
    public ParcelTiles(DatasetService dataset) =>
        _index = new Lazy<ParcelIndex>(() => ParcelIndex.Load(dataset.Path), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The parcels (loads them on first use).</summary>
    public ParcelIndex Index => _index.Value;

    /// <summary>Loads the parcels now, so the first tile does not wait for them.</summary>
    public void Warm() => _ = _index.Value;

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

        var layer = new Layer { Name = "parcels" };
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
