using Facilities.Core.Compliance;
using Facilities.Core.Deficit;
using Facilities.Core.Presentation;
using Facilities.Core.Results;
using static Facilities.Core.Results.ResultColumns;

namespace Facilities.Application.Results;

/// <summary>Per ward and check: how many schools pass, fail or are unknown; a ward without any school in the data says so.</summary>
/// <param name="WardCode">Ward code.</param>
/// <param name="Check">Check key.</param>
/// <param name="Pass">Schools that pass.</param>
/// <param name="Fail">Schools that fail.</param>
/// <param name="Unknown">Schools whose data is missing.</param>
/// <param name="Schools">School rows (one per school and level) of the ward in the data.</param>
public sealed record WardComplianceTotals(string WardCode, string Check, long Pass, long Fail, long Unknown, long Schools)
{
    /// <summary>Columns for outputs.</summary>
    public static readonly IReadOnlyList<ResultColumn<WardComplianceTotals>> Columns =
    [
        Text<WardComplianceTotals>("ward_code", "Mã xã/phường", "Ward code", r => r.WardCode),
        Label<WardComplianceTotals>("check", "Tiêu chí", "Check", Labels.Check, r => r.Check),
        Integer<WardComplianceTotals>("pass", "Đạt", "Pass", r => r.Pass),
        Integer<WardComplianceTotals>("fail", "Không đạt", "Fail", r => r.Fail),
        Integer<WardComplianceTotals>("unknown", "Chưa rõ", "Unknown", r => r.Unknown),
        Integer<WardComplianceTotals>("schools_in_data", "Số trường trong dữ liệu", "Schools in the data", r => r.Schools),
        DataStatus<WardComplianceTotals>("data_status", "Dữ liệu trường", "School data", r => r.DataStatus),
    ];

    /// <summary>"no_school_data" for a ward without any school in the data (0 passes there is not 0 fails), else "ok".</summary>
    public string DataStatus => SchoolDataStatus.Of((int)Schools);

    /// <summary>
    /// Totals of school rows for every ward of <paramref name="wardCodes"/> (and any other ward the rows name), in ward
    /// then check order; a ward with no school row gets zero counts and data_status no_school_data.
    /// </summary>
    public static IReadOnlyList<WardComplianceTotals> Of(IEnumerable<ComplianceRow> rows, IEnumerable<string> wardCodes)
    {
        var byWard = rows.GroupBy(r => r.WardCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return
        [
            .. wardCodes.Concat(byWard.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .SelectMany(w => ComplianceChecker.CheckNames.Select(name =>
                {
                    var g = byWard.GetValueOrDefault(w) ?? [];
                    return new WardComplianceTotals(w, name, g.Count(r => r[name].Status == CheckStatus.Pass), g.Count(r => r[name].Status == CheckStatus.Fail),
                        g.Count(r => r[name].Status == CheckStatus.Unknown), g.Count);
                })),
        ];
    }
}
