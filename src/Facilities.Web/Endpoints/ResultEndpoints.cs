using System.Text.Json;
using Facilities.Core.Results;
using Facilities.Reports.Results;

namespace Facilities.Web.Endpoints;

/// <summary>
/// /api/deficit, /api/teachers, /api/compliance, /api/sites: the same engines, options, stamps and tables as the
/// CLI commands of the same names, written by the same GeoJSON writer, so a popup shows exactly the CLI CSV's
/// numbers (docs/web-api.md).
/// </summary>
internal static class ResultEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deficit", (HttpRequest r, DatasetService d) => Answer(r, d, "deficit", true, Deficit));
        app.MapGet("/api/teachers", (HttpRequest r, DatasetService d) => Answer(r, d, "teachers", true, Teachers));
        app.MapGet("/api/compliance", (HttpRequest r, DatasetService d) => Answer(r, d, "compliance", false, Compliance));
        app.MapGet("/api/sites", (HttpRequest r, DatasetService d) => Answer(r, d, "sites", true, Sites));
    }

    /// <summary>The /api/deficit answer of <paramref name="q"/> from the same cache (the style.json classes its wards).</summary>
    internal static byte[] DeficitAnswer(DatasetService d, ResultQuery q) => d.Answer("deficit?" + q.Key, () => Deficit(d, q));

    private static IResult Answer(HttpRequest r, DatasetService d, string name, bool levelRequired, Func<DatasetService, ResultQuery, byte[]> compute)
    {
        var (query, error) = ResultQuery.Parse(r.Query, MetaEndpoints.BaseYear, levelRequired);
        if (error is not null)
        {
            return error;
        }

        return Results.Bytes(d.Answer(name + "?" + query!.Key, () => compute(d, query)), GeoJson.ContentType);
    }

    // One level's wards: a feature's id is its ward code.
    private static byte[] Deficit(DatasetService d, ResultQuery q) => Collection(ResultRuns.Deficit(d, q), WardCode);

    private static byte[] Teachers(DatasetService d, ResultQuery q) => Collection(ResultRuns.Teachers(d, q), WardCode);

    private static byte[] Compliance(DatasetService d, ResultQuery q) => Collection(ResultRuns.ComplianceSchools(d, q), r => r.Key);

    private static byte[] Sites(DatasetService d, ResultQuery q)
    {
        var (candidates, summary) = ResultRuns.Sites(d, q);
        var (key, count) = (summary.IndexOf("key"), summary.IndexOf("count"));
        return Collection(candidates, r => r.Key, w =>
        {
            w.WriteStartObject("summary");
            foreach (var row in summary.Rows)
            {
                w.WriteNumber((string)row.Values[key]!, (long)row.Values[count]!);
            }

            w.WriteEndObject();
        });
    }

    private static string WardCode(ResultRow row) => row.Key[..row.Key.IndexOf(':', StringComparison.Ordinal)];

    private static byte[] Collection(ResultTable table, Func<ResultRow, string> id, Action<Utf8JsonWriter>? extra = null) =>
        GeoJson.Document(w => ResultGeoJson.Collection(w, table, id, extra));
}
