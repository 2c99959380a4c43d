using System.Text.Json;
using Facilities.Core.Catchment;
using Facilities.Core.Compliance;
using Facilities.Core.Deficit;
using Facilities.Core.Schema;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Core.Teachers;
using Facilities.IO;
using Facilities.IO.Results;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Endpoints;

/// <summary>
/// /api/deficit, /api/teachers, /api/compliance, /api/sites: the same engines, options, stamps and columns as the
/// CLI commands of the same names, so a popup shows exactly the CLI CSV's numbers (docs/web-api.md).
/// </summary>
internal static class ResultEndpoints
{
    private static readonly CrsDefinition Wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deficit", (HttpRequest r, DatasetService d) => Answer(r, d, "deficit", true, Deficit));
        app.MapGet("/api/teachers", (HttpRequest r, DatasetService d) => Answer(r, d, "teachers", true, Teachers));
        app.MapGet("/api/compliance", (HttpRequest r, DatasetService d) => Answer(r, d, "compliance", false, Compliance));
        app.MapGet("/api/sites", (HttpRequest r, DatasetService d) => Answer(r, d, "sites", true, Sites));
    }

    private static IResult Answer(HttpRequest r, DatasetService d, string name, bool levelRequired, Func<DatasetService, ResultQuery, byte[]> compute)
    {
        var (query, error) = ResultQuery.Parse(r.Query, MetaEndpoints.BaseYear, levelRequired);
        if (error is not null)
        {
            return error;
        }

        return Results.Bytes(d.Answer(name + "?" + query!.Key, () => compute(d, query)), GeoJson.ContentType);
    }

    private static byte[] Deficit(DatasetService d, ResultQuery q)
    {
        var city = d.City;
        var options = new DeficitOptions(q.Year)
        {
            Levels = [q.Level!],
            TwoSessions = q.TwoSessions,
            PublicOnly = q.PublicOnly,
            PreschoolByAge = q.PreschoolByAge,
            Method = q.Method,
        };
        var result = AdminDeficitCalculator.Compute(city, d.Norms, options);
        var unconfirmed = result.UnconfirmedNormsUsed().Select(n => n.Key).ToList();
        var geometry = WardGeometry(d);
        if (q.Method == "catchment")
        {
            var catchmentOptions = new CatchmentOptions { CapacityLimited = q.CapacityLimited, GridSpacingMetres = q.GridMetres };
            var catchment = CatchmentCalculator.Compute(city, d.Norms, options, catchmentOptions);
            unconfirmed.AddRange(catchment.UnconfirmedServiceRadii());
            var cstamp = d.Stamp("deficit", options.Describe() + "; " + catchmentOptions.Describe(), unconfirmed, With(d.Warnings(), catchment.MissingSchoolDataWarnings()));
            return Collection(cstamp, w => GeoJson.ResultFeatures(w, catchment.Wards, CatchmentColumns.Wards, x => x.WardCode, x => geometry.GetValueOrDefault(x.WardCode), cstamp.Id));
        }

        var stamp = d.Stamp("deficit", options.Describe(), unconfirmed, With(d.Warnings(), result.MissingSchoolDataWarnings()));
        return Collection(stamp, w => GeoJson.ResultFeatures(w, result.Rows, DeficitColumns.All, x => x.WardCode, x => geometry.GetValueOrDefault(x.WardCode), stamp.Id));
    }

    private static byte[] Teachers(DatasetService d, ResultQuery q)
    {
        // As `facilities teachers`: every level is computed (the stamp says so), the answer keeps one level's wards;
        // with method=catchment the classes come from the pupils the catchment method sends to each school.
        var options = new DeficitOptions(q.Year) { PublicOnly = q.PublicOnly, Method = q.Method };
        var deficit = AdminDeficitCalculator.Compute(d.City, d.Norms, options);
        var catchment = q.Method == "catchment";
        var catchmentOptions = new CatchmentOptions { CapacityLimited = q.CapacityLimited, GridSpacingMetres = q.GridMetres };
        var catchmentResult = catchment ? CatchmentCalculator.Compute(d.City, d.Norms, options, catchmentOptions) : null;
        var (wards, _) = catchmentResult is not null
            ? TeacherCalculator.ComputeCatchment(d.City, catchmentResult)
            : TeacherCalculator.Compute(d.City, deficit);
        var unconfirmed = deficit.UnconfirmedNormsUsed().Select(n => n.Key)
            .Concat(d.Norms.Values.Where(v => v.IsUnconfirmed && v.Key.StartsWith("teachers_per_class.", StringComparison.Ordinal)).Select(v => v.Key))
            .Concat(catchmentResult?.UnconfirmedServiceRadii() ?? []);
        var describe = catchment ? options.Describe() + "; " + catchmentOptions.Describe() : options.Describe();
        // As the CLI: the warning counts the wards of every level computed, the answer keeps one level's rows.
        var stamp = d.Stamp("teachers", describe, unconfirmed, With(d.Warnings(), TeacherCalculator.MissingSchoolDataWarnings(wards)));
        var geometry = WardGeometry(d);
        var rows = wards.Where(w => w.Level == q.Level).ToList();
        var columns = catchment ? TeacherColumns.Catchment : TeacherColumns.All;
        return Collection(stamp, w => GeoJson.ResultFeatures(w, rows, columns, x => x.WardCode, x => geometry.GetValueOrDefault(x.WardCode), stamp.Id));
    }

    private static byte[] Compliance(DatasetService d, ResultQuery q)
    {
        var city = d.City;
        if (!city.HasSchoolsLayer)
        {
            throw new DataFileException("layer-absent", d.FileName, "schools",
                "bộ dữ liệu chưa có lớp schools: không có trường nào để kiểm tra.", "the dataset has no schools layer: there is no school to check.");
        }

        var all = ComplianceChecker.Check(city, d.Norms, DatasetSchema.Levels, q.TwoSessions);
        var unconfirmed = all.SelectMany(x => x.Checks).Select(c => c.NormKey).Distinct().Where(k => d.Norms.Contains(k) && d.Norms.Get(k).IsUnconfirmed);
        var stamp = d.Stamp("compliance", $"two_sessions={(q.TwoSessions ? "yes" : "no")}", unconfirmed,
            With(d.Warnings(), ComplianceChecker.MissingSchoolDataWarnings(city, DatasetSchema.Levels)));
        var rows = q.Level is null ? all : [.. all.Where(x => x.Level == q.Level)];
        var schools = d.Layer("schools")!;
        var geometry = schools.Features.GroupBy(f => (Text(f["id"]), Text(f["level"]))).ToDictionary(g => g.Key, g => g.First().Geometry);
        return Collection(stamp, w => GeoJson.ResultFeatures(w, rows, ComplianceColumns.All, x => x.SchoolId + ":" + x.Level,
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
        var city = d.City;
        var result = new ParcelScreener(city, d.Norms, options).Screen(DatasetLoader.StreamParcels(d.Path, city.MetricCrs));
        var stamp = d.Stamp("sites", options.Describe(), result.UnconfirmedNormsUsed().Select(n => n.Key), With(d.Warnings(), result.MissingSchoolDataWarnings()));
        return Collection(stamp, w =>
        {
            GeoJson.ResultFeatures(w, result.Candidates, SiteColumns.Candidates(options), x => x.Id, x => Reprojector.Transform(x.Geometry, city.MetricCrs, Wgs84), stamp.Id);
            w.WriteStartObject("summary");
            foreach (var (key, _, count) in SiteColumns.Summary(result))
            {
                w.WriteNumber(key, count);
            }

            w.WriteEndObject();
        });
    }

    /// <summary>The city's warnings, then the result's own (wards without school data), in English as the CLI stamp has them.</summary>
    private static IReadOnlyList<string> With(IReadOnlyList<string> city, IEnumerable<Core.Validation.LocalizedText> result) =>
        [.. city, .. result.Select(w => w.En)];

    private static Dictionary<string, Geometry?> WardGeometry(DatasetService d) =>
        d.Layer("wards")!.Features.GroupBy(f => Text(f["code"])).ToDictionary(g => g.Key, g => g.First().Geometry, StringComparer.Ordinal);

    private static byte[] Collection(Core.Provenance.ResultStamp stamp, Action<Utf8JsonWriter> features) => GeoJson.Document(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        GeoJson.Stamp(w, stamp);
        features(w);
        w.WriteEndObject();
    });

    private static string Text(object? v) => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
