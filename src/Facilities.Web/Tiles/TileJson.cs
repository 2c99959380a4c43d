using System.Text.Json.Nodes;
using Facilities.Web.Endpoints;

namespace Facilities.Web.Tiles;

/// <summary>
/// The TileJSON 3.0.0 document of the parcel tiles (/tiles/parcels.json): where the tiles are, the zooms served, the
/// parcels' extent and the one vector layer with its fields, so a MapLibre client or a style's vector source finds
/// them without typing.
/// </summary>
internal static class TileJson
{
    /// <summary>The tile URL template below <paramref name="baseUrl"/> (scheme, host and path base of the server).</summary>
    public static string TileTemplate(string baseUrl) => baseUrl + "/tiles/parcels/{z}/{x}/{y}.mvt";

    /// <summary>The document; loads the parcels (their extent is the bounds).</summary>
    public static JsonObject Build(string baseUrl, ParcelTiles tiles)
    {
        var minZoom = tiles.MinZoom;
        var extent = tiles.Index.Extent();
        // TileJSON's default bounds (the whole Web Mercator world) when the dataset has no parcels.
        double[] bounds = extent.IsNull ? [-180, -85.05112877980659, 180, 85.05112877980659] : [extent.MinX, extent.MinY, extent.MaxX, extent.MaxY];
        var fields = new JsonObject();
        foreach (var (name, type) in ParcelTiles.Fields)
        {
            fields[name] = type;
        }

        return new JsonObject
        {
            ["tilejson"] = "3.0.0",
            ["name"] = "Facilities parcels",
            ["description"] = "Thửa đất của bộ dữ liệu / the dataset's parcels",
            ["version"] = "1.0.0",
            ["scheme"] = "xyz",
            ["tiles"] = new JsonArray(TileTemplate(baseUrl)),
            ["minzoom"] = minZoom,
            ["maxzoom"] = TileEndpoints.MaxZoom,
            ["bounds"] = new JsonArray([.. bounds.Select(b => (JsonNode)b)]),
            ["center"] = new JsonArray((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, minZoom),
            ["vector_layers"] = new JsonArray(new JsonObject
            {
                ["id"] = ParcelTiles.LayerName,
                ["description"] = "Thửa đất: mã, loại đất, diện tích (m²) / parcels: id, land use, area (m²)",
                ["minzoom"] = minZoom,
                ["maxzoom"] = TileEndpoints.MaxZoom,
                ["fields"] = fields,
            }),
        };
    }
}
