using System.Globalization;
using System.Text.Json;
using Facilities.Application;
using Facilities.Core.Programme;
using Facilities.Core.Spatial;
using Facilities.Core.Tracker;
using Facilities.Optimisation.OrTools;
using Facilities.Web.Tracker;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Endpoints;

/// <summary>
/// /api/programme: the build programme of <c>facilities programme</c> (docs/programme.md) for the map: its projects as
/// GeoJSON (each a point at its site or school) and the unmet need per ward and year before and after it, stamped as
/// the CLI's result. The tracker's cases are the server's own tracker store, so the land readiness is the one the
/// tracker shows.
/// </summary>
internal static class ProgrammeEndpoints
{
    private static readonly CrsDefinition Wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/programme", async (HttpRequest r, DatasetService d, TrackerContext tracker) =>
        {
            var (query, error) = ProgrammeQuery.Parse(r.Query);
            if (error is not null)
            {
                return error;
            }

            var cases = await tracker.Store.ListCasesAsync(cancel: r.HttpContext.RequestAborted);
            var asOf = DateOnly.FromDateTime(tracker.Time.GetLocalNow().DateTime);
            // The answer depends on the tracker too: a case moved (or another day) is another programme.
            var key = string.Create(CultureInfo.InvariantCulture, $"programme?{query!.Key};as_of={asOf:yyyy-MM-dd};cases={CasesKey(cases)}");
            return Results.Bytes(d.Answer(key, () => Compute(d, query, asOf, cases)), GeoJson.ContentType);
        });

    /// <summary>The run the endpoint serves (the tests compare it with the answer).</summary>
    internal static Computed<ProgrammeResult> Run(DatasetService d, ProgrammeQuery q, DateOnly asOf, IReadOnlyList<StoredCase> cases) =>
        ProgrammeComputation.Run(d.Context, q.Options(asOf), q.Solver == "greedy" ? null : new OrToolsProgrammeSolver("SCIP"), cases);

    private static string CasesKey(IReadOnlyList<StoredCase> cases) =>
        string.Join(",", cases.OrderBy(c => c.Site.SiteId, StringComparer.Ordinal)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Site.SiteId}:{c.Events.Count}:{(c.Events.Count > 0 ? c.Events[^1].At.UtcTicks : 0)}")));

    private static byte[] Compute(DatasetService d, ProgrammeQuery q, DateOnly asOf, IReadOnlyList<StoredCase> cases)
    {
        var run = Run(d, q, asOf, cases);
        var (result, stamp, metric) = (run.Result, run.Stamp, d.City.MetricCrs);
        var s = result.Base;
        return GeoJson.Document(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            GeoJson.Stamp(w, stamp);
            w.WriteStartArray("features");
            foreach (var p in s.Projects())
            {
                Project(w, result, p, p.Action.Location is Geometry g ? Reprojector.Transform(g.InteriorPoint, metric, Wgs84) : null, stamp.Id);
            }

            w.WriteEndArray();
            Summary(w, q, s, result, d.Context.Norms);
            Trajectory(w, result, s);
            w.WriteStartArray("warnings");
            foreach (var warning in run.Warnings)
            {
                w.WriteStartObject();
                w.WriteString("vi", warning.Vi);
                w.WriteString("en", warning.En);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Project(Utf8JsonWriter w, ProgrammeResult result, ProgrammeProject p, Geometry? point, string stampId)
    {
        var a = p.Action;
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", a.Id);
        w.WritePropertyName("geometry");
        GeoJson.Geometry(w, point);
        w.WriteStartObject("properties");
        w.WriteString("id", a.Id);
        w.WriteString("kind", a.Kind.Code());
        w.WriteString("name", a.Name);
        w.WriteString("ward_code", a.WardCode);
        w.WriteString("ward_name", result.WardName(a.WardCode));
        w.WriteString("level", a.Level);
        w.WriteNumber("classrooms", a.Classrooms);
        w.WriteNumber("land_m2", Math.Round(a.LandM2, 0));
        w.WriteNumber("cost_vnd", a.CostVnd);
        w.WriteStartObject("cost_by_year");
        foreach (var year in Years(result))
        {
            if (p.CostIn(year) is > 0 and var cost)
            {
                w.WriteNumber(year.ToString(CultureInfo.InvariantCulture), cost);
            }
        }

        w.WriteEndObject();
        w.WriteNumber("start_year", p.Start);
        w.WriteNumber("finish_year", p.Finish);
        w.WriteNumber("serves_from", p.Serves);
        w.WriteString("land_status", a.LandStatus);
        w.WriteBoolean("land_overdue", a.LandOverdue);
        w.WriteString("need_source", a.NeedSource);
        w.WriteString("stamp_id", stampId);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static IEnumerable<int> Years(ProgrammeResult result) => Enumerable.Range(result.Options.FromYear, result.Options.ToYear - result.Options.FromYear + 1);

    private static void Summary(Utf8JsonWriter w, ProgrammeQuery q, ProgrammeScenario s, ProgrammeResult result, Core.Norms.NormsSet norms)
    {
        w.WriteStartObject("programme");
        w.WriteNumber("from", q.From);
        w.WriteNumber("to", q.To);
        w.WriteString("solver", result.Solver);
        w.WriteString("method", q.Method);
        Equity(w, q.Equity, s);
        Scenarios(w, result);
        UnitCosts(w, result, norms);
        w.WriteString("status", s.Chosen.Status.ToString());
        w.WritePropertyName("gap");
        GeoJson.Value(w, s.Chosen.Gap);
        w.WriteNumber("pupil_years_before", Math.Round(s.ChosenOutcome.BaselinePupilYears, 1));
        w.WriteNumber("pupil_years_after", Math.Round(s.ChosenOutcome.PupilYears, 1));
        w.WriteNumber("greedy_pupil_years_after", Math.Round(s.GreedyOutcome.PupilYears, 1));
        w.WriteStartObject("budget_vnd");
        foreach (var year in s.Instance.Years)
        {
            w.WriteNumber(year.ToString(CultureInfo.InvariantCulture), s.Instance.Budget.Of(year));
        }

        w.WriteEndObject();
        w.WriteStartObject("spend_vnd");
        foreach (var year in s.Instance.Years)
        {
            w.WriteNumber(year.ToString(CultureInfo.InvariantCulture), s.ChosenOutcome.Spend.GetValueOrDefault(year));
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The equity rule asked for and whether the programme keeps it (null without one).</summary>
    private static void Equity(Utf8JsonWriter w, EquityRule? rule, ProgrammeScenario s)
    {
        if (rule is null)
        {
            w.WriteNull("equity");
            return;
        }

        w.WriteStartObject("equity");
        w.WriteNumber("share", rule.Share);
        w.WriteNumber("year", rule.Year);
        w.WriteBoolean("kept", !s.ChosenOutcome.Violations.Any(v => v.StartsWith("ward ", StringComparison.Ordinal)));
        w.WriteEndObject();
    }

    /// <summary>Every scenario solved, base first, side by side (the dossier's scenario table).</summary>
    private static void Scenarios(Utf8JsonWriter w, ProgrammeResult result)
    {
        w.WriteStartArray("scenarios");
        foreach (var x in result.Scenarios)
        {
            var projects = x.Projects();
            w.WriteStartObject();
            w.WriteString("name", x.Name);
            w.WriteNumber("projects", projects.Count);
            w.WriteNumber("classrooms", projects.Sum(p => p.Action.Classrooms));
            w.WriteNumber("cost_vnd", projects.Sum(p => p.Action.CostVnd));
            w.WriteNumber("budget_vnd", x.Instance.Years.Sum(y => x.Instance.Budget.Of(y)));
            w.WriteNumber("spend_vnd", x.ChosenOutcome.Spend.Values.Sum());
            w.WriteNumber("pupil_years_before", Math.Round(x.ChosenOutcome.BaselinePupilYears, 1));
            w.WriteNumber("pupil_years_after", Math.Round(x.ChosenOutcome.PupilYears, 1));
            w.WriteNumber("greedy_pupil_years_after", Math.Round(x.GreedyOutcome.PupilYears, 1));
            w.WriteString("status", x.Chosen.Status.ToString());
            w.WritePropertyName("gap");
            GeoJson.Value(w, x.Chosen.Gap);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The unit costs the programme priced its projects with (norms' cost.* keys of the levels asked), each with its status and source.</summary>
    private static void UnitCosts(Utf8JsonWriter w, ProgrammeResult result, Core.Norms.NormsSet norms)
    {
        w.WriteStartArray("unit_costs");
        foreach (var key in result.Options.Levels.SelectMany(ProgrammeCosts.Keys).Distinct(StringComparer.Ordinal).Where(norms.Contains))
        {
            var v = norms.Get(key);
            w.WriteStartObject();
            w.WriteString("key", v.Key);
            w.WriteNumber("value", v.Value);
            w.WriteString("unit", v.Unit);
            w.WriteString("status", v.Status);
            w.WriteString("source", v.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// Pupils without a place per ward and year (summed over the levels asked), before and after the programme, with
    /// each level's share: the rows of the workbook's trajectory sheet, one per ward and year for the map's slider.
    /// </summary>
    private static void Trajectory(Utf8JsonWriter w, ProgrammeResult result, ProgrammeScenario s)
    {
        w.WriteStartArray("trajectory");
        foreach (var g in s.Trajectory().GroupBy(x => (x.WardCode, x.Year)).OrderBy(g => g.Key.WardCode, StringComparer.Ordinal).ThenBy(g => g.Key.Year))
        {
            w.WriteStartObject();
            w.WriteString("ward_code", g.Key.WardCode);
            w.WriteString("ward_name", result.WardName(g.Key.WardCode));
            w.WriteNumber("year", g.Key.Year);
            w.WriteNumber("before", Math.Round(g.Sum(x => x.Before), 1));
            w.WriteNumber("after", Math.Round(g.Sum(x => x.After), 1));
            w.WriteStartObject("levels");
            foreach (var c in g)
            {
                w.WriteStartObject(c.Level);
                w.WriteNumber("before", Math.Round(c.Before, 1));
                w.WriteNumber("after", Math.Round(c.After, 1));
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
