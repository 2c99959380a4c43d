using Facilities.Application;
using Facilities.Application.Results;
using Facilities.Core.Catchment;
using Facilities.Core.Compliance;
using Facilities.Core.Deficit;
using Facilities.Core.Results;
using Facilities.Core.Schema;
using Facilities.Core.Screening;

namespace Facilities.Web;

/// <summary>
/// A result request's options (<see cref="ResultQuery"/>) as the application layer's options, run, and the run's
/// tables: the one place /api and the OGC collections turn a query into a computation, as the CLI commands do.
/// </summary>
internal static class ResultRuns
{
    /// <summary>The deficit ward table of <paramref name="q"/>'s method, for its level or (none asked) every level.</summary>
    public static ResultTable Deficit(DatasetService d, ResultQuery q)
    {
        var options = new DeficitOptions(q.Year)
        {
            Levels = q.Level is null ? DatasetSchema.Levels : [q.Level],
            TwoSessions = q.TwoSessions,
            PublicOnly = q.PublicOnly,
            PreschoolByAge = q.PreschoolByAge,
            Method = q.Method,
        };
        return DeficitTables.Wards(d.Context, DeficitComputation.Run(d.Context, options, Catchment(q)));
    }

    /// <summary>
    /// The teachers ward table, kept to <paramref name="q"/>'s level if any: as `facilities teachers`, every level is
    /// computed (the stamp and its warnings say so).
    /// </summary>
    public static ResultTable Teachers(DatasetService d, ResultQuery q)
    {
        var table = TeachersTables.Wards(d.Context, TeachersComputation.Run(d.Context, new DeficitOptions(q.Year) { PublicOnly = q.PublicOnly, Method = q.Method }, Catchment(q)));
        return q.Level is null ? table : table.Where("level", q.Level);
    }

    /// <summary>The compliance run of <paramref name="q"/> (every level is checked).</summary>
    public static Computed<IReadOnlyList<ComplianceRow>> Compliance(DatasetService d, ResultQuery q) => ComplianceComputation.Run(d.Context, q.TwoSessions);

    /// <summary>The compliance school table, kept to <paramref name="q"/>'s level if any.</summary>
    public static ResultTable ComplianceSchools(DatasetService d, ResultQuery q)
    {
        var table = ComplianceTables.Schools(d.Context, Compliance(d, q));
        return q.Level is null ? table : table.Where("level", q.Level);
    }

    /// <summary>The screening of <paramref name="q"/>'s level: the candidate table and the summary table.</summary>
    public static (ResultTable Candidates, ResultTable Summary) Sites(DatasetService d, ResultQuery q)
    {
        var options = new ScreeningOptions(q.Level!, q.Year)
        {
            Top = q.Top,
            TwoSessions = q.TwoSessions,
            PublicOnly = q.PublicOnly,
            CapacityLimited = q.CapacityLimited,
        };
        var run = SitesComputation.Run(d.Context, options);
        return (SitesTables.Candidates(d.Context, run), SitesTables.Summary(run));
    }

    private static CatchmentOptions Catchment(ResultQuery q) => new() { CapacityLimited = q.CapacityLimited, GridSpacingMetres = q.GridMetres };
}
