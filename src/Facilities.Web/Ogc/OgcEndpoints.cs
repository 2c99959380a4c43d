using System.Globalization;
using System.Text.Json;
using Facilities.Web.Endpoints;
using Facilities.Web.Tiles;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Ogc;

/// <summary>
/// OGC API – Features, Part 1 (Core, GeoJSON) under /ogc, read-only: QGIS or <c>ogrinfo OAPIF:http://127.0.0.1:port/ogc</c>
/// add the dataset's layers straight from the running app. Coordinates are CRS84 (lon, lat), as stored.
/// </summary>
internal static class OgcEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    private static readonly string[] Conformance =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    ];

    private static readonly Dictionary<string, (string Vi, string En)> Titles = new(StringComparer.Ordinal)
    {
        ["wards"] = ("Xã, phường, đặc khu", "Wards and communes"),
        ["schools"] = ("Trường học (mỗi cấp một dòng)", "Schools (one row per level)"),
        ["urban_areas"] = ("Khu đô thị mới", "New urban areas"),
        ["industrial_zones"] = ("Khu công nghiệp", "Industrial zones"),
        ["parcels"] = ("Thửa đất", "Land parcels"),
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/ogc", (HttpRequest r, DatasetService d) => Json(new
        {
            title = "Facilities: " + d.FileName,
            description = "Lớp dữ liệu của bộ dữ liệu (chỉ đọc) / the dataset's layers (read-only)",
            links = new[]
            {
                Link(r, "/ogc", "self", "application/json", "this document"),
                Link(r, "/ogc/conformance", "conformance", "application/json", "conformance classes"),
                Link(r, "/ogc/collections", "data", "application/json", "collections"),
            },
        }));
        app.MapGet("/ogc/conformance", () => Json(new { conformsTo = Conformance }));
        app.MapGet("/ogc/collections", (HttpRequest r, DatasetService d, ParcelTiles p) => Json(new
        {
            links = new[] { Link(r, "/ogc/collections", "self", "application/json", "collections") },
            collections = Collections(d).Select(name => Collection(r, d, p, name)).ToList(),
        }));
        app.MapGet("/ogc/collections/{id}", (string id, HttpRequest r, DatasetService d, ParcelTiles p) =>
            Collections(d).Contains(id) ? Json(Collection(r, d, p, id)) : NoCollection(id));
        app.MapGet("/ogc/collections/{id}/items", Items);
        app.MapGet("/ogc/collections/{id}/items/{featureId}", (string id, string featureId, DatasetService d, ParcelTiles p) =>
        {
            if (!Collections(d).Contains(id))
            {
                return NoCollection(id);
            }

            var source = new OgcSource(id, d, p);
            var index = source.Find(featureId);
            return index < 0
                ? ApiError.NotFound($"không có đối tượng '{featureId}' trong {id}.", $"no feature '{featureId}' in {id}.")
                : Results.Bytes(GeoJson.Document(w => source.Write(w, index)), GeoJson.ContentType);
        });
    }

    private static IResult Items(string id, HttpRequest r, DatasetService d, ParcelTiles p)
    {
        if (!Collections(d).Contains(id))
        {
            return NoCollection(id);
        }

        var limit = DefaultLimit;
        if (r.Query["limit"].ToString() is { Length: > 0 } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return ApiError.BadParameter("limit", $"số nguyên 1..{MaxLimit}", $"a whole number 1..{MaxLimit}");
        }

        limit = Math.Min(limit, MaxLimit);
        var offset = 0;
        if (r.Query["offset"].ToString() is { Length: > 0 } o && !int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return ApiError.BadParameter("offset", "số nguyên không âm", "a whole number, 0 or more");
        }

        Envelope? box = null;
        if (r.Query["bbox"].ToString() is { Length: > 0 } b)
        {
            var parts = b.Split(',');
            var v = new double[parts.Length];
            if (parts.Length != 4 || parts.Select((s, i) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v[i])).Any(ok => !ok) || v[0] > v[2] || v[1] > v[3])
            {
                return ApiError.BadParameter("bbox", "minLon,minLat,maxLon,maxLat", "minLon,minLat,maxLon,maxLat");
            }

            box = new Envelope(v[0], v[2], v[1], v[3]);
        }

        var source = new OgcSource(id, d, p);
        var matched = source.Matching(box);
        var page = matched.Skip(offset).Take(limit).ToList();
        var bytes = GeoJson.Document(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteNumber("numberMatched", matched.Count);
            w.WriteNumber("numberReturned", page.Count);
            w.WriteStartArray("links");
            WriteLink(w, ItemsLink(r, id, limit, offset, b: r.Query["bbox"]), "self");
            if (offset + page.Count < matched.Count)
            {
                WriteLink(w, ItemsLink(r, id, limit, offset + page.Count, r.Query["bbox"]), "next");
            }

            w.WriteEndArray();
            w.WriteStartArray("features");
            foreach (var i in page)
            {
                source.Write(w, i);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return Results.Bytes(bytes, GeoJson.ContentType);
    }

    private static List<string> Collections(DatasetService d) =>
        [.. LayerEndpoints.Whole.Append("parcels").Where(d.HasLayer)];

    private static object Collection(HttpRequest r, DatasetService d, ParcelTiles p, string id)
    {
        var extent = new OgcSource(id, d, p).Extent();
        return new
        {
            id,
            title = Titles[id].Vi + " / " + Titles[id].En,
            itemType = "feature",
            crs = new[] { "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
            extent = new
            {
                spatial = new
                {
                    bbox = extent.IsNull ? [] : new[] { new[] { extent.MinX, extent.MinY, extent.MaxX, extent.MaxY } },
                    crs = "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                },
            },
            links = new[]
            {
                Link(r, $"/ogc/collections/{id}", "self", "application/json", Titles[id].En),
                Link(r, $"/ogc/collections/{id}/items", "items", GeoJson.ContentType, Titles[id].En + " (GeoJSON)"),
            },
        };
    }

    private static string ItemsLink(HttpRequest r, string id, int limit, int offset, string? b) =>
        Base(r) + $"/ogc/collections/{id}/items?limit={limit}&offset={offset}" + (string.IsNullOrEmpty(b) ? "" : "&bbox=" + Uri.EscapeDataString(b));

    private static void WriteLink(Utf8JsonWriter w, string href, string rel)
    {
        w.WriteStartObject();
        w.WriteString("href", href);
        w.WriteString("rel", rel);
        w.WriteString("type", GeoJson.ContentType);
        w.WriteEndObject();
    }

    private static object Link(HttpRequest r, string path, string rel, string type, string title) => new { href = Base(r) + path, rel, type, title };

    private static string Base(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    private static IResult Json(object body) => Results.Json(body, contentType: "application/json");

    private static IResult NoCollection(string id) => ApiError.NotFound($"không có tập '{id}'.", $"no collection '{id}'.");
}
