using Facilities.Core.Catchment;
using Facilities.Core.Features;
using Facilities.Core.Norms;

namespace Facilities.Web.Endpoints;

/// <summary>/api/layers/{name}: a dataset layer as GeoJSON, every field under its dataset name (docs/schema.md).</summary>
internal static class LayerEndpoints
{
    /// <summary>The layers served whole; parcels go out as vector tiles and through OGC API paging.</summary>
    public static readonly IReadOnlyList<string> Whole = ["wards", "schools", "urban_areas", "industrial_zones"];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/layers/{name}", (string name, DatasetService d) =>
        {
            if (!Whole.Contains(name))
            {
                return ApiError.NotFound($"không có lớp '{name}'; các lớp: {string.Join(", ", Whole)} (thửa đất: /tiles/parcels)",
                    $"no layer '{name}'; layers: {string.Join(", ", Whole)} (parcels: /tiles/parcels)");
            }

            var bytes = d.Answer("layer?" + name, () =>
            {
                var layer = d.Layer(name);
                return GeoJson.Document(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("type", "FeatureCollection");
                    w.WriteString("name", name);
                    w.WriteStartArray("features");
                    foreach (var f in layer?.Features ?? [])
                    {
                        WriteFeature(w, name, f, d.Norms);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            });
            return Results.Bytes(bytes, GeoJson.ContentType);
        });

    /// <summary>The id of a feature: the ward code, or the id (schools have a row per level: id:level).</summary>
    public static string FeatureId(string layer, FeatureRecord f) => layer switch
    {
        "wards" => Text(f["code"]),
        "schools" => Text(f["id"]) + ":" + Text(f["level"]),
        _ => f["id"] is null ? f.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) : Text(f["id"]),
    };

    public static void WriteFeature(System.Text.Json.Utf8JsonWriter w, string layer, FeatureRecord f, NormsSet norms)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", FeatureId(layer, f));
        w.WritePropertyName("geometry");
        GeoJson.Geometry(w, f.Geometry);
        w.WriteStartObject("properties");
        foreach (var (k, v) in f.Attributes)
        {
            w.WritePropertyName(k);
            GeoJson.Value(w, v);
        }

        if (layer == "schools")
        {
            var (capacity, load) = Load(f, norms);
            w.WritePropertyName("capacity");
            GeoJson.Value(w, capacity);
            w.WritePropertyName("load_ratio");
            GeoJson.Value(w, load);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// Seats (<see cref="SchoolCapacity"/>, as the catchment method counts them) and pupils per seat, rounded for the
    /// answer; null when the level, classrooms or pupils are unknown.
    /// </summary>
    public static (double? Capacity, double? Load) Load(FeatureRecord school, NormsSet norms)
    {
        var capacity = SchoolCapacity.Of(Text(school["level"]), school["classrooms"] as long?, norms);
        var load = SchoolCapacity.LoadRatio(school["pupils"] as long?, capacity);
        return (capacity is double c ? Math.Round(c, 2) : null, load is double l ? Math.Round(l, 4) : null);
    }

    private static string Text(object? v) => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
