using Facilities.Core.Results;
using Facilities.Core.Spatial;

namespace Facilities.Application.Results;

/// <summary>The tables of a screening run (CLI outputs, /api/sites, the OGC collection).</summary>
public static class SitesTables
{
    private static readonly CrsDefinition Wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);

    /// <summary>The candidate sites, best first (key: the site id), drawn in EPSG:4326.</summary>
    public static ResultTable Candidates(DatasetContext d, Computed<SitesRun> run) => Candidates(d, run, drawn: true);

    /// <summary>
    /// The candidate sites, best first; drawn in EPSG:4326 only when <paramref name="drawn"/> (a CSV has no geometry
    /// column, and reprojecting 23,000 sites cost about 0.2 s of a cold <c>sites</c> at a million parcels).
    /// </summary>
    public static ResultTable Candidates(DatasetContext d, Computed<SitesRun> run, bool drawn)
    {
        var (result, metric) = (run.Result.Result, d.City.MetricCrs);
        return ResultTable.Build("candidate_sites", result.Candidates, SiteColumns.Candidates(result.Options), s => s.Id,
            drawn ? s => Reprojector.Transform(s.Geometry, metric, Wgs84) : _ => null, run.Stamp);
    }

    /// <summary>The summary: parcels screened, passed, rejected by first failing constraint, merged sites, listed.</summary>
    public static ResultTable Summary(Computed<SitesRun> run) =>
        ResultTable.Build("screening_summary", SiteColumns.Summary(run.Result.Result), SiteColumns.SummaryColumns, s => s.Key, _ => null, run.Stamp);

    /// <summary>The rejected parcels when the run recorded them; else null.</summary>
    public static ResultTable? Rejections(Computed<SitesRun> run) => run.Result.Result.Options.RecordRejections
        ? ResultTable.Build("rejected_parcels", run.Result.Result.Rejections, SiteColumns.Rejections, r => r.ParcelId, _ => null, run.Stamp)
        : null;
}
