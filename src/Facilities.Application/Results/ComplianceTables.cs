using Facilities.Core.Compliance;
using Facilities.Core.Results;

namespace Facilities.Application.Results;

/// <summary>The tables of a compliance run (CLI outputs, /api/compliance, the OGC collections).</summary>
public static class ComplianceTables
{
    /// <summary>One row per school and level (key <c>school:level</c>) with each check and the overall status, drawn as the school.</summary>
    public static ResultTable Schools(DatasetContext d, Computed<IReadOnlyList<ComplianceRow>> run)
    {
        var geometry = d.SchoolGeometry();
        return ResultTable.Build("compliance", run.Result, ComplianceColumns.WithOverall, r => r.SchoolId + ":" + r.Level,
            r => geometry.GetValueOrDefault((r.SchoolId, r.Level)), run.Stamp);
    }

    /// <summary>
    /// Per ward and check, the school rows that pass, fail or are unknown (key <c>ward:check</c>), drawn as the ward;
    /// with <paramref name="level"/> only that level's schools are counted.
    /// </summary>
    public static ResultTable Wards(DatasetContext d, Computed<IReadOnlyList<ComplianceRow>> run, string? level = null)
    {
        var geometry = d.WardGeometry();
        var totals = WardComplianceTotals.Of(run.Result.Where(r => level is null || r.Level == level), d.City.Wards.Select(w => w.Code));
        return ResultTable.Build("compliance_wards", totals, WardComplianceTotals.Columns, r => r.WardCode + ":" + r.Check,
            r => geometry.GetValueOrDefault(r.WardCode), run.Stamp);
    }
}
