using System.Globalization;
using System.Text.RegularExpressions;

namespace Facilities.Core.Tracker.Reporting;

/// <summary>A reporting period: a month ("2026-03"), a quarter ("2026-Q1") or a year ("2026"), first and last day included.</summary>
/// <param name="Label">As written, e.g. "2026-Q1".</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day.</param>
public sealed partial record ReportPeriod(string Label, DateOnly Start, DateOnly End)
{
    /// <summary>Parses "yyyy", "yyyy-MM" or "yyyy-Qn"; null for anything else.</summary>
    public static ReportPeriod? TryParse(string? text)
    {
        var m = Pattern().Match(text ?? "");
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 1901 or > 2199)
        {
            return null;
        }

        if (m.Groups["q"].Success)
        {
            var q = int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture);
            var start = new DateOnly(year, (3 * (q - 1)) + 1, 1);
            return new ReportPeriod(text!, start, start.AddMonths(3).AddDays(-1));
        }

        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var start = new DateOnly(year, month, 1);
            return new ReportPeriod(text!, start, start.AddMonths(1).AddDays(-1));
        }

        return new ReportPeriod(text!, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    /// <summary>The period of the same kind just before this one (2026-Q1 → 2025-Q4).</summary>
    public ReportPeriod Previous()
    {
        var months = ((End.Year - Start.Year) * 12) + End.Month - Start.Month + 1;
        var start = Start.AddMonths(-months);
        var label = months switch
        {
            12 => start.Year.ToString(CultureInfo.InvariantCulture),
            3 => $"{start.Year}-Q{((start.Month - 1) / 3) + 1}",
            _ => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
        return new ReportPeriod(label, start, Start.AddDays(-1));
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-Q(?<q>[1-4])|-(?<m>0[1-9]|1[0-2]))?$")]
    private static partial Regex Pattern();
}
