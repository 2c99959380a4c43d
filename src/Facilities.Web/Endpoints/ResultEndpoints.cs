using System.Text.Json;
using Facilities.Application;
using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.IO.Results;

namespace Facilities.Web.Endpoints;

/// <summary>
/// /api/deficit, /api/teachers, /api/compliance, /api/sites: the same engines, options, stamps and columns as the
/// CLI commands of the same names, so a popup shows exactly the CLI CSV's numbers (docs/web-api.md).
/// </summary>
internal static class ResultEndpoints
{
    private static readonly CrsDefinition Wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);

    /// <summary>
    /// The CLI's compliance columns and, for the map, each school's overall status as Core decides it (the browser
    /// colours and labels by it and computes nothing).
    /// </summary>
    internal static readonly IReadOnlyList<ResultColumn<Core.Compliance.ComplianceRow>> ComplianceMapColumns = ComplianceGeoPackageWriter.Columns;

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

    private static CatchmentOptions Catchment(ResultQuery q) => new() { CapacityLimited = q.CapacityLimited, GridSpacingMetres = q.GridMetres };

    private static byte[] Deficit(DatasetService d, ResultQuery q)
    {
        var options = new DeficitOptions(q.Year)
        {
            Levels = [q.Level!],
            TwoSessions = q.TwoSessions,
            PublicOnly = q.PublicOnly,
            PreschoolByAge = q.PreschoolByAge,
            Method = q.Method,
        };
        var run = DeficitComputation.Run(d.Context, options, Catchment(q));
        var (stamp, geometry) = (run.Stamp, d.Context.WardGeometry());
        return run.Result.Catchment is { } catchment
            ? Collection(stamp, w => GeoJson.ResultFeatures(w, catchment.Wards, CatchmentColumns.Wards, x => x.WardCode, x => geometry.GetValueOrDefault(x.WardCode), stamp.Id))
            : Collection(stamp, w => GeoJson.ResultFeatures(w, run.Result.Admin.Rows, DeficitColumns.All, x => x.WardCode, x => geometry.GetValueOrDefault(x.WardCode), stamp.Id));
    }

    private static byte[] Teachers(DatasetService d, ResultQuery q)
    {
        // As `facilities teachers`: every level is computed (the stamp and its warnings say so), the answer keeps one level's wards.
        var run = TeachersComputation.Run(d.Context, new DeficitOptions(q.Year) { PublicOnly = q.PublicOnly, Method = q.Method }, Catchment(q));
        var (stamp, geometry) = (run.Stamp, d.Context.WardGeometry());
        var rows = run.Result.Wards.Where(w => w.Level == q.Level).ToList();
        return Collection(stamp, w => GeoJson.ResultFeatures(w, rows, run.Result.Columns, x => x.WardCode, x => geometry.GetValueOrDefault(x.WardCode), stamp.Id));
    }

    private static byte[] Compliance(DatasetService d, ResultQuery q)
    {
        var run = ComplianceComputation.Run(d.Context, q.TwoSessions);
        var stamp = run.Stamp;
        var rows = q.Level is null ? run.Result : [.. run.Result.Where(x => x.Level == q.Level)];
        var geometry = d.Context.SchoolGeometry();
        return Collection(stamp, w => GeoJson.ResultFeatures(w, rows, ComplianceMapColumns, x => x.SchoolId + ":" + x.Level,
            x => geometry.GetValueOrDefault((x.SchoolId, x.Level)), stamp.Id));
    }

    private static byte[] Sites(DatasetService d, ResultQuery q)
    {
        var options = new ScreeningOptions(q.Level!, q.Year)
        {
            Top = q.Top,
            TwoSessions = q.TwoSessions,
            PublicOnly = q.PublicOnly,
            CapacityLimited = q.CapacityLimited,
        };
        var run = SitesComputation.Run(d.Context, options);
        var (result, stamp, metric) = (run.Result.Result, run.Stamp, d.City.MetricCrs);
        return Collection(stamp, w =>
        {
            GeoJson.ResultFeatures(w, result.Candidates, SiteColumns.Candidates(options), x => x.Id, x => Reprojector.Transform(x.Geometry, metric, Wgs84), stamp.Id);
            w.WriteStartObject("summary");
            foreach (var (key, _, count) in SiteColumns.Summary(result))
            {
                w.WriteNumber(key, count);
            }

            w.WriteEndObject();
        });
    }

    private static byte[] Collection(Core.Provenance.ResultStamp stamp, Action<Utf8JsonWriter> features) => GeoJson.Document(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        GeoJson.Stamp(w, stamp);
        features(w);
        w.WriteEndObject();
    });

}
