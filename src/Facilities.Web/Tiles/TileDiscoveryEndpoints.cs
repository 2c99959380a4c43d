using System.Globalization;
using System.Text.Json;
using Facilities.Core.Schema;
using Facilities.Reports.Styles;
using Facilities.Web.Endpoints;

namespace Facilities.Web.Tiles;

/// <summary>
/// /tiles/parcels.json (TileJSON 3.0.0), /tiles/style.json (MapLibre/Mapbox GL style, version 8, every layer of the app)
/// and /tiles/parcels/style.json (the tile layers only): what QGIS's "Vector Tiles" connection (style URL) and any
/// MapLibre client need to find and style the app's layers. URLs inside
/// are absolute, built from the request (scheme, host, path base), as GL clients resolve them against nothing else.
/// </summary>
internal static class TileDiscoveryEndpoints
{
    public const string TileJsonType = "application/json";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/tiles/parcels.json", (HttpRequest r, ParcelTiles tiles) =>
            Results.Text(TileJson.Build(BaseUrl(r), tiles).ToJsonString(), TileJsonType));

        // For QGIS's "Vector Tiles" connection (its style URL): the tile layers only (see MapStyle.BuildTilesOnly).
        app.MapGet("/tiles/parcels/style.json", (HttpRequest r, ParcelTiles tiles) =>
            Results.Text(MapStyle.BuildTilesOnly(BaseUrl(r), tiles.MinZoom).ToJsonString(), TileJsonType));

        app.MapGet("/tiles/style.json", (HttpRequest r, DatasetService d, ParcelTiles tiles) =>
        {
            // The wards of one deficit answer: ?level=&year=&method=… as /api/deficit, the level defaulting as the app's.
            var (query, error) = ResultQuery.Parse(r.Query, MetaEndpoints.BaseYear, false);
            if (error is not null)
            {
                return error;
            }

            var levels = DatasetSchema.Levels;
            query = query!.Level is null ? query with { Level = levels[Math.Min(1, levels.Count - 1)] } : query;
            var choropleth = WardChoropleth.DeficitRooms(WardValues(ResultEndpoints.DeficitAnswer(d, query), "deficit_rooms"));
            var deficitUrl = string.Create(CultureInfo.InvariantCulture, $"{BaseUrl(r)}/api/deficit?level={query.Level}&year={query.Year}&method={query.Method}");
            var areas = LayerEndpoints.Whole.Where(n => n != "wards" && d.HasLayer(n)).ToList();
            return Results.Text(MapStyle.Build(BaseUrl(r), tiles.MinZoom, deficitUrl, choropleth, areas).ToJsonString(), TileJsonType);
        });
    }

    private static string BaseUrl(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    /// <summary>The field of every ward with school data in a GeoJSON answer (no-data wards do not set the classes, as in the app).</summary>
    private static List<double?> WardValues(byte[] geoJson, string field)
    {
        using var doc = JsonDocument.Parse(geoJson);
        var values = new List<double?>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            if (p.TryGetProperty(WardChoropleth.StatusField, out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == WardChoropleth.NoDataCode)
            {
                continue;
            }

            values.Add(p.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null);
        }

        return values;
    }
}
