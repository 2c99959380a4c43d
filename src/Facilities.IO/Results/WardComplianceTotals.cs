using Facilities.Core.Compliance;

namespace Facilities.IO.Results;

/// <summary>Per ward and check: how many schools pass, fail or are unknown.</summary>
/// <param name="WardCode">Ward code.</param>
/// <param name="Check">Check key.</param>
/// <param name="Pass">Schools that pass.</param>
/// <param name="Fail">Schools that fail.</param>
/// <param name="Unknown">Schools whose data is missing.</param>
public sealed record WardComplianceTotals(string WardCode, string Check, long Pass, long Fail, long Unknown)
{
    /// <summary>Columns for outputs.</summary>
    public static readonly IReadOnlyList<ResultColumn<WardComplianceTotals>> Columns =
    [
        new("ward_code", "Mã xã/phường", r => r.WardCode),
        new("check", "Tiêu chí", r => r.Check),
        new("pass", "Đạt", r => r.Pass),
        new("fail", "Không đạt", r => r.Fail),
        new("unknown", "Chưa rõ", r => r.Unknown),
    ];

    /// <summary>Totals of school rows, in ward then check order.</summary>
    public static IReadOnlyList<WardComplianceTotals> Of(IEnumerable<ComplianceRow> rows) =>
    [
        .. rows.GroupBy(r => r.WardCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => ComplianceChecker.CheckNames.Select(name => new WardComplianceTotals(g.Key, name,
                g.Count(r => r[name].Status == CheckStatus.Pass), g.Count(r => r[name].Status == CheckStatus.Fail), g.Count(r => r[name].Status == CheckStatus.Unknown)))),
    ];
}
