using System.Text.Json;
using System.Text.Json.Nodes;
using Facilities.Web.Tiles;

namespace Facilities.Web.Ogc;

/// <summary>
/// OGC API – Features under /ogc, read-only: Part 1 (Core, GeoJSON, OpenAPI 3.0), Part 2 (CRS by reference) and the
/// queryables of Part 3, so QGIS's own OAPIF provider, GDAL's OAPIF driver and ArcGIS Pro add the dataset's layers
/// and its results (<see cref="OgcResults"/>) straight from the running app. Stored coordinates are CRS84 (lon, lat); <c>crs</c> reprojects (docs/web-api.md).
/// </summary>
internal static class OgcEndpoints
{
    /// <summary>What /ogc/conformance declares; each class is implemented and tested (OgcConformanceTests).</summary>
    public static readonly IReadOnlyList<string> Conformance =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/ogc", (HttpRequest r, DatasetService d) =>
        {
            var root = OgcLinks.Root(r);
            return Json(new JsonObject
            {
                ["title"] = "Facilities: " + d.FileName,
                ["description"] = "Lớp dữ liệu của bộ dữ liệu (chỉ đọc) / the dataset's layers (read-only)",
                ["links"] = new JsonArray(
                    OgcLinks.Link(root, "self", "application/json", "this document"),
                    OgcLinks.Link(root + "/api", "service-desc", OgcLinks.OpenApiType, "the API definition (OpenAPI 3.0)"),
                    OgcLinks.Link(root + "/api.html", "service-doc", "text/html", "the API documentation"),
                    OgcLinks.Link(root + "/conformance", "conformance", "application/json", "conformance classes"),
                    OgcLinks.Link(root + "/collections", "data", "application/json", "collections")),
            });
        });
        app.MapGet("/ogc/api", (HttpRequest r, DatasetService d, ParcelTiles p) =>
            Results.Text(OgcOpenApi.Document(OgcLinks.Root(r), d, p).ToJsonString(Options), OgcLinks.OpenApiType));
        app.MapGet("/ogc/api.html", (HttpRequest r, DatasetService d, ParcelTiles p) =>
            Results.Text(OgcServiceDoc.Html(OgcOpenApi.Document(OgcLinks.Root(r), d, p)), "text/html; charset=utf-8"));
        app.MapGet("/ogc/conformance", () => Json(new JsonObject { ["conformsTo"] = new JsonArray([.. Conformance.Select(c => JsonValue.Create(c))]) }));
        app.MapGet("/ogc/collections", (HttpRequest r, DatasetService d, ParcelTiles p) =>
        {
            var root = OgcLinks.Root(r);
            return Json(new JsonObject
            {
                ["links"] = new JsonArray(OgcLinks.Link(root + "/collections", "self", "application/json", "collections")),
                ["collections"] = new JsonArray([.. OgcCollections.Ids(d).Select(id => OgcCollections.Describe(root, d, p, id))]),
            });
        });
        app.MapGet("/ogc/collections/{id}", (string id, HttpRequest r, DatasetService d, ParcelTiles p) =>
            OgcCollections.Ids(d).Contains(id) ? Json(OgcCollections.Describe(OgcLinks.Root(r), d, p, id)) : NoCollection(id));
        app.MapGet("/ogc/collections/{id}/queryables", (string id, HttpRequest r, DatasetService d, ParcelTiles p) =>
            OgcItems.Source(id, r, d, p, out var error) is { } source
                ? Results.Text(OgcQueryables.Document($"{OgcLinks.Root(r)}/collections/{id}/queryables", source).ToJsonString(Options), OgcQueryables.ContentType)
                : error!);
        app.MapGet("/ogc/collections/{id}/items", OgcItems.Page);
        app.MapGet("/ogc/collections/{id}/items/{featureId}", OgcItems.One);
    }

    public static IResult NoCollection(string id) => ApiError.NotFound($"không có tập '{id}'.", $"no collection '{id}'.");

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(Options), "application/json");
}
