using System.Text.Json.Nodes;
using Facilities.Web.Tiles;

namespace Facilities.Web.Ogc;

/// <summary>
/// The OpenAPI 3.0 document of /ogc (the landing page's <c>service-desc</c>), built from the dataset's collections so
/// it cannot drift from them; OgcOpenApiTests checks its paths against the routes the app maps. Each collection's
/// items path lists the collection's queryables as form parameters, which is where QGIS reads them, and
/// <c>components.parameters.limit</c> carries the page size QGIS and GDAL use.
/// </summary>
internal static class OgcOpenApi
{
    public static JsonObject Document(string root, DatasetService d, ParcelTiles p)
    {
        var ids = OgcCollections.Ids(d);
        var paths = new JsonObject
        {
            ["/"] = Get("landing", "Trang đầu / landing page", Json("links to the API definition, conformance and collections")),
            ["/api"] = Get("api", "Tài liệu OpenAPI này / this OpenAPI 3.0 document", Content(OgcLinks.OpenApiType, "the API definition")),
            ["/api.html"] = Get("apiHtml", "Tài liệu dạng trang web / this document as a web page", Content("text/html", "the API definition, readable")),
            ["/conformance"] = Get("conformance", "Các lớp phù hợp / conformance classes", Json("the conformance classes implemented")),
            ["/collections"] = Get("collections", "Các tập đối tượng / the collections", Json("the collections")),
            ["/collections/{collectionId}"] = Get("collection", "Mô tả một tập / one collection", Json("the collection"), Ref("collectionId")),
            ["/collections/{collectionId}/queryables"] = Get("queryables", "Các thuộc tính lọc được / queryables", Content(OgcQueryables.ContentType, "the queryable properties as a JSON Schema"), Ref("collectionId")),
            ["/collections/{collectionId}/items/{featureId}"] = Get("feature", "Một đối tượng / one feature", GeoJsonContent("the feature"), Ref("collectionId"), Ref("featureId"), Ref("crs")),
        };
        foreach (var id in ids)
        {
            var parameters = new List<JsonNode> { Ref("limit"), Ref("offset"), Ref("bbox"), Ref("bbox-crs"), Ref("crs"), Ref("datetime") };
            if (OgcResults.IsResult(id))
            {
                // A result's run parameters, declared as queryables so QGIS turns a filter on level/year/method into them;
                // its other properties are listed at /queryables (declaring them here would compute every result).
                parameters.AddRange(OgcResults.Parameters(id).Select(n => (JsonNode)FormParameter(n, OgcResults.Describe(n), OgcResults.Schema(n))));
                paths[$"/collections/{id}/items"] = Get("items_" + id, OgcCollections.Title(id), GeoJsonContent("a page of the result's features (numberMatched, numberReturned, links next, stamps)"), [.. parameters]);
                continue;
            }

            foreach (var f in new OgcSource(id, d, p).Fields)
            {
                parameters.Add(FormParameter(f.Name, $"chỉ lấy đối tượng có {f.Name} bằng giá trị này / only features whose {f.Name} equals this", new JsonObject { ["type"] = OgcQueryables.SchemaType(f.Type) }));
            }

            paths[$"/collections/{id}/items"] = Get("items_" + id, OgcCollections.Title(id), GeoJsonContent("a page of features (numberMatched, numberReturned, links next)"), [.. parameters]);
        }

        var collectionIds = new JsonArray();
        ids.ForEach(i => collectionIds.Add(i));
        var crsUris = new JsonArray();
        foreach (var c in OgcCrs.Supported)
        {
            crsUris.Add(c.Uri);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Facilities OGC API – Features: " + d.FileName,
                ["version"] = DatasetService.ToolVersion,
                ["description"] = "Lớp dữ liệu của bộ dữ liệu, chỉ đọc / the dataset's layers, read-only (OGC API – Features Parts 1, 2, 3 queryables).",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = root }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["parameters"] = new JsonObject
                {
                    ["collectionId"] = PathParameter("collectionId", "mã tập / collection id", new JsonObject { ["type"] = "string", ["enum"] = collectionIds }),
                    ["featureId"] = PathParameter("featureId", "mã đối tượng / feature id", new JsonObject { ["type"] = "string" }),
                    ["limit"] = FormParameter("limit", $"số đối tượng mỗi trang, mặc định {OgcItemsQuery.DefaultLimit}, tối đa {OgcItemsQuery.MaxLimit} / features per page, default {OgcItemsQuery.DefaultLimit}, at most {OgcItemsQuery.MaxLimit}",
                        new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = OgcItemsQuery.MaxLimit, ["default"] = OgcItemsQuery.DefaultLimit }),
                    ["offset"] = FormParameter("offset", "bỏ qua bấy nhiêu đối tượng đầu / features to skip", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 }),
                    ["bbox"] = FormParameter("bbox", "khung: góc dưới, góc trên theo thứ tự trục của bbox-crs (mặc định CRS84: minLon,minLat,maxLon,maxLat) / lower corner, upper corner in bbox-crs axis order (default CRS84 minLon,minLat,maxLon,maxLat)",
                        new JsonObject { ["type"] = "array", ["minItems"] = 4, ["maxItems"] = 4, ["items"] = new JsonObject { ["type"] = "number" } }),
                    ["bbox-crs"] = FormParameter("bbox-crs", "hệ tọa độ của bbox / CRS of bbox", new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crsUris.DeepClone(), ["default"] = OgcCrs.Crs84Uri }),
                    ["crs"] = FormParameter("crs", "hệ tọa độ của kết quả (header Content-Crs) / CRS of the answer (Content-Crs header)", new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crsUris, ["default"] = OgcCrs.Crs84Uri }),
                    ["datetime"] = FormParameter("datetime", "dữ liệu không có thời gian: mọi đối tượng đều khớp / features carry no time: every feature matches", new JsonObject { ["type"] = "string" }),
                },
            },
        };
    }

    private static JsonObject Get(string operationId, string summary, JsonObject ok, params JsonNode[] parameters)
    {
        var op = new JsonObject
        {
            ["operationId"] = operationId,
            ["summary"] = summary,
            ["responses"] = new JsonObject
            {
                ["200"] = ok,
                ["400"] = Json("a parameter is malformed or unknown (error.vi, error.en name it)"),
                ["404"] = Json("no such collection or feature"),
            },
        };
        if (parameters.Length > 0)
        {
            op["parameters"] = new JsonArray(parameters);
        }

        return new JsonObject { ["get"] = op };
    }

    private static JsonObject Json(string description) => Content("application/json", description);

    private static JsonObject GeoJsonContent(string description) => Content(GeoJson.ContentType, description);

    private static JsonObject Content(string type, string description) =>
        new() { ["description"] = description, ["content"] = new JsonObject { [type] = new JsonObject { ["schema"] = new JsonObject { ["type"] = type == "text/html" ? "string" : "object" } } } };

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/parameters/" + name };

    private static JsonObject PathParameter(string name, string description, JsonObject schema) =>
        new() { ["name"] = name, ["in"] = "path", ["required"] = true, ["description"] = description, ["schema"] = schema };

    // style form, explode false: what OGC API – Features specifies, and what QGIS requires to take a parameter as a queryable.
    private static JsonObject FormParameter(string name, string description, JsonObject schema) =>
        new() { ["name"] = name, ["in"] = "query", ["required"] = false, ["style"] = "form", ["explode"] = false, ["description"] = description, ["schema"] = schema };
}
