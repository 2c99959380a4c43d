using System.Globalization;
using System.Net;
using System.Text;
using Facilities.Core.Presentation;
using Facilities.Core.Programme;
using Facilities.Core.Provenance;
using Facilities.Core.Validation;
using NetTopologySuite.Geometries;

namespace Facilities.Reports.Results;

/// <summary>
/// The programme dossier: one self-contained HTML file, Vietnamese first and English in smaller type: the summary,
/// the map of projects by start year, the projects per year, the trajectory of unmet need, the budget per year, the
/// scenarios side by side, what the result cannot account for and the stamp. Strings from the data are escaped;
/// nothing is fetched from the network.
/// </summary>
public static class ProgrammeReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private const string Css = """
        body{font-family:"DejaVu Sans","Noto Sans",sans-serif;max-width:980px;margin:2em auto;color:#222;line-height:1.4}
        h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}
        .en{display:block;font-size:.8em;color:#666;font-weight:normal}
        table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left}
        td.n{text-align:right}th{background:#f3f3f3}
        .ward{fill:#f7f7f7;stroke:#999;stroke-width:.6}.axis{stroke:#444}
        .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
        .bar{display:inline-block;height:10px;background:#2166ac}.warn{color:#8a4b00}
        code{font-size:.85em}
        """;

    /// <summary>The dossier's HTML text.</summary>
    /// <param name="result">The programme.</param>
    /// <param name="stamp">Its stamp.</param>
    /// <param name="warnings">What it cannot account for.</param>
    /// <param name="wards">Ward outlines in the metric CRS, for the map.</param>
    public static string Build(ProgrammeResult result, ResultStamp stamp, IReadOnlyList<LocalizedText> warnings, IReadOnlyCollection<Geometry> wards)
    {
        var s = result.Base;
        var o = result.Options;
        var projects = s.Projects();
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n<title>")
            .Append(E($"Chương trình đầu tư trường học {o.FromYear}–{o.ToYear}")).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<h1>Chương trình đầu tư xây dựng trường học ").Append(Inv, $"{o.FromYear}–{o.ToYear}")
            .Append(" <span class=\"en\">School build programme</span></h1>\n");

        Heading(h, "summary", "1. Tóm tắt", "Summary");
        Table(h, ["Mục / Item", "Giá trị / Value"],
        [
            [Bi("Số dự án", "Projects"), N(projects.Count)],
            [Bi("Phòng học thêm", "Classrooms added"), N(projects.Sum(p => p.Action.Classrooms))],
            [Bi("Tổng mức đầu tư (triệu đồng)", "Total cost (million VND)"), Money(projects.Sum(p => p.Action.CostVnd))],
            [Bi("Ngân sách cả kỳ (triệu đồng)", "Budget over the period (million VND)"), Money(s.Instance.Years.Sum(y => s.Instance.Budget.Of(y)))],
            [Bi("Lượt HS-năm thiếu chỗ trước chương trình", "Unmet pupil-years before"), N(s.ChosenOutcome.BaselinePupilYears)],
            [Bi("Sau chương trình", "After the programme"), N(s.ChosenOutcome.PupilYears)],
            [Bi("Sau phương án tham lam (thiếu nhiều làm trước)", "After greedy (largest deficit first)"), N(s.GreedyOutcome.PupilYears)],
            [Bi("Tối ưu tiết kiệm thêm so với tham lam (lượt HS-năm, có trọng số)", "Pupil-years the optimum saves over greedy (weighted)"), E(s.SavedOverGreedy.ToString("N1", Inv))],
            [Bi("Lời giải", "Solution"), E($"{s.Chosen.Solver}: {s.Chosen.Status}" + (s.Chosen.Gap is double g ? $", gap {g:P2}" : "") + $", {s.Chosen.Seconds:0.0} s")],
            [Bi("Quy tắc công bằng", "Equity rule"), o.Equity is { } eq ? E($"≤ {eq.Share:P0} @ {eq.Year}") : Bi("không", "none")],
        ]);

        Heading(h, "map", "2. Bản đồ dự án theo năm khởi công", "Map of projects by start year");
        h.Append(ProgrammeSvg.Map(wards, projects, o.FromYear)).Append("<p class=\"legend\">");
        foreach (var y in s.Instance.Years)
        {
            h.Append("<span style=\"background:").Append(ProgrammeSvg.YearColour(y, o.FromYear)).Append("\"></span>").Append(y.ToString(Inv));
        }
        h.Append("</p>\n");

        Heading(h, "projects", "3. Dự án theo năm", "Projects per year");
        Table(h, ["Năm KC / Start", "Hoàn thành / Finish", "Dự án / Project", "Phường / Ward", "Cấp / Level", "Phòng / Rooms", "Vốn (tr.đ) / Cost (M VND)", "Đất / Land"],
        [
            .. projects.Select(p => new[]
            {
                N(p.Start), N(p.Finish), E(p.Action.Name), E(result.WardName(p.Action.WardCode)), E(Labels.Level.Vi(p.Action.Level)),
                N(p.Action.Classrooms), Money(p.Action.CostVnd), E(p.Action.LandStatus) + (p.Action.LandOverdue ? " <b class=\"warn\">⚠</b>" : ""),
            }),
        ]);

        Heading(h, "trajectory", "4. Học sinh thiếu chỗ theo năm", "Unmet pupils by year");
        h.Append(ProgrammeSvg.Trajectory(s));

        Heading(h, "budget", "5. Ngân sách và chi theo năm", "Budget and spending per year");
        var top = Math.Max(1m, s.Instance.Years.Max(y => Math.Max(s.Instance.Budget.Of(y), s.ChosenOutcome.Spend[y])));
        Table(h, ["Năm / Year", "Ngân sách (tr.đ) / Budget (M VND)", "Chi (tr.đ) / Spent (M VND)", ""],
        [
            .. s.Instance.Years.Select(y => new[]
            {
                N(y), Money(s.Instance.Budget.Of(y)), Money(s.ChosenOutcome.Spend[y]),
                string.Create(Inv, $"<span class=\"bar\" style=\"width:{(double)(s.ChosenOutcome.Spend[y] / top) * 300:0}px\"></span>"),
            }),
        ]);
        h.Append("<p>").Append(Bi(s.Instance.Budget.CarryOver ? "Vốn chưa dùng được chuyển sang năm sau." : "Vốn chưa dùng không được chuyển sang năm sau.",
            s.Instance.Budget.CarryOver ? "Unspent money carries over." : "Unspent money does not carry over.")).Append("</p>\n");

        Heading(h, "scenarios", "6. So sánh kịch bản", "Scenarios side by side");
        Table(h, ["Kịch bản / Scenario", "Trước / Before", "Tối ưu / Optimum", "Tham lam / Greedy", "Tiết kiệm / Saved", "Chi (tr.đ) / Spent", "Dự án / Projects", "Lời giải / Solution"],
        [
            .. result.Scenarios.Select(x => new[]
            {
                E(x.Name), N(x.ChosenOutcome.BaselinePupilYears), N(x.ChosenOutcome.PupilYears), N(x.GreedyOutcome.PupilYears),
                E(x.SavedOverGreedy.ToString("N1", Inv)), Money(x.ChosenOutcome.Spend.Values.Sum()), N(x.Projects().Count),
                E($"{x.Chosen.Status}" + (x.Chosen.Gap is double g ? $" {g:P2}" : "")),
            }),
        ]);

        Heading(h, "caveats", "7. Chưa tính đến", "Not accounted for");
        h.Append("<ul>\n");
        foreach (var w in warnings)
        {
            h.Append("<li>").Append(E(w.Vi)).Append("<span class=\"en\">").Append(E(w.En)).Append("</span></li>\n");
        }
        foreach (var n in stamp.UnconfirmedNorms)
        {
            h.Append("<li class=\"warn\">").Append(Bi($"định mức chưa xác nhận: {n}", $"unconfirmed norm: {n}")).Append("</li>\n");
        }
        h.Append("</ul>\n");

        Heading(h, "stamp", "8. Dấu kiểm", "Stamp");
        Table(h, ["Mục / Item", "Giá trị / Value"], [.. stamp.Lines().Prepend(("stamp_id", stamp.Id)).Select(l => new[] { E(l.Item1), "<code>" + E(l.Item2) + "</code>" })]);
        return h.Append("</body>\n</html>\n").ToString();
    }

    private static void Heading(StringBuilder h, string id, string vi, string en) =>
        h.Append("<h2 id=\"").Append(id).Append("\">").Append(E(vi)).Append(" <span class=\"en\">").Append(E(en)).Append("</span></h2>\n");

    private static void Table(StringBuilder h, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        h.Append("<table>\n<tr>");
        foreach (var c in headers)
        {
            h.Append("<th>").Append(E(c)).Append("</th>");
        }
        h.Append("</tr>\n");
        foreach (var r in rows)
        {
            h.Append("<tr>");
            foreach (var c in r)
            {
                h.Append("<td>").Append(c).Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</table>\n");
    }

    private static string Bi(string vi, string en) => E(vi) + " <span class=\"en\">" + E(en) + "</span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double v) => v.ToString("N0", Inv);

    private static string N(long v) => v.ToString("N0", Inv);

    private static string Money(decimal vnd) => (vnd / 1_000_000m).ToString("N0", Inv);
}
