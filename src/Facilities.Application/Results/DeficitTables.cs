using Facilities.Core.Results;

namespace Facilities.Application.Results;

/// <summary>
/// The tables of a deficit run, what every output of it shows (the CLI's CSV, XLSX and GeoPackage, /api/deficit and the
/// OGC collection): the admin method's ward rows, or the catchment method's ward rows and school loads.
/// </summary>
public static class DeficitTables
{
    /// <summary>One row per ward and level (key <c>ward:level</c>), drawn as the ward; named deficit or catchment after the method.</summary>
    public static ResultTable Wards(DatasetContext d, Computed<DeficitRun> run)
    {
        var geometry = d.WardGeometry();
        return run.Result.Catchment is { } catchment
            ? ResultTable.Build("catchment", catchment.Wards, CatchmentColumns.Wards, r => r.WardCode + ":" + r.Level, r => geometry.GetValueOrDefault(r.WardCode), run.Stamp)
            : ResultTable.Build("deficit", run.Result.Admin.Rows, DeficitColumns.All, r => r.WardCode + ":" + r.Level, r => geometry.GetValueOrDefault(r.WardCode), run.Stamp);
    }

    /// <summary>With the catchment method, one row per school and level (key <c>school:level</c>) drawn as the school; else null.</summary>
    public static ResultTable? Schools(DatasetContext d, Computed<DeficitRun> run)
    {
        if (run.Result.Catchment is not { } catchment)
        {
            return null;
        }

        var geometry = d.SchoolGeometry();
        return ResultTable.Build("school_load", catchment.Schools, CatchmentColumns.Schools, r => r.Id + ":" + r.Level,
            r => geometry.GetValueOrDefault((r.Id, r.Level)), run.Stamp);
    }
}
