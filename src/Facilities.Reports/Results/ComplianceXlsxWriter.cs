using Facilities.Core.Compliance;
using Facilities.Core.Norms;
using Facilities.Core.Presentation;
using Facilities.Core.Results;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes the compliance workbook: the school sheet, the per-ward counts with a totals row, a summary sheet (per
/// check, how many school rows pass, fail, are unknown or not applicable), the norms and the stamp.
/// </summary>
public static class ComplianceXlsxWriter
{
    /// <summary>Writes the workbook of the school table <paramref name="schools"/> (rows <paramref name="rows"/>) and the ward table.</summary>
    public static void Write(ResultTable schools, ResultTable wards, IReadOnlyList<ComplianceRow> rows, NormsSet norms, string path)
    {
        var wardSheet = ResultWorkbook.Sheet(wards);
        ResultWorkbook.AddTotals(wardSheet, wards.Fields, ["pass", "fail", "unknown"], "check");
        ResultWorkbook.Save(new Dictionary<string, object>
        {
            ["Trường học"] = ResultWorkbook.Sheet(schools),
            ["Theo xã-phường"] = wardSheet,
            ["Tổng hợp"] = Summary(rows),
            ["Định mức"] = ResultWorkbook.NormsSheet(norms),
            ["Dấu kiểm"] = ResultWorkbook.StampSheet(schools.Stamp),
        }, path);
    }

    /// <summary>Per check, the school rows by outcome: the console's table.</summary>
    public static List<Dictionary<string, object>> Summary(IReadOnlyList<ComplianceRow> rows) =>
    [
        .. ComplianceChecker.CheckNames.Select(name => new Dictionary<string, object>
        {
            ["Tiêu chí"] = Labels.Check.Vi(name),
            [Labels.Compliance.Vi("pass")] = (long)rows.Count(r => r[name].Status == CheckStatus.Pass),
            [Labels.Compliance.Vi("fail")] = (long)rows.Count(r => r[name].Status == CheckStatus.Fail),
            [Labels.Compliance.Vi("unknown")] = (long)rows.Count(r => r[name].Status == CheckStatus.Unknown),
            [Labels.Compliance.Vi("n/a")] = (long)rows.Count(r => r[name].Status == CheckStatus.NotApplicable),
            ["Số trường (theo cấp học)"] = (long)rows.Count,
        }),
    ];
}
