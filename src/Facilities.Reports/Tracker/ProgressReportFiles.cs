using System.Globalization;
using System.Text;
using Facilities.Formats.Writers;
using Facilities.Reports.Results;

namespace Facilities.Reports.Tracker;

/// <summary>Writes the periodic report's tables as an .xlsx (date cells, totals row, summary sheet) or a printable HTML page.</summary>
public static class ProgressReportFiles
{
    /// <summary>The tables as a workbook, one sheet each, atomically.</summary>
    public static void SaveXlsx(IReadOnlyList<ReportTable> tables, string path)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var t in tables)
        {
            sheets[t.Title] = t.Rows.Select(row =>
            {
                var d = new Dictionary<string, object>();
                for (var i = 0; i < t.Headers.Count; i++)
                {
                    d[t.Headers[i]] = row[i] ?? "";
                }

                return d;
            }).ToList();
        }

        ResultWorkbook.Save(sheets, path);
    }

    /// <summary>A self-contained page (inline CSS, no script, no external resource) for printing.</summary>
    public static string Html(IReadOnlyList<ReportTable> tables, string title)
    {
        // Only the markup characters: WebUtility.HtmlEncode would also turn Vietnamese letters into numeric entities.
        static string E(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
        static string Cell(object? v) => v switch
        {
            null => "",
            DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            double x => x.ToString("0.#", CultureInfo.InvariantCulture),
            long n => n.ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        };
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
            .Append("body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;margin:1.5cm}h1{font-size:15pt}h2{font-size:12pt;margin-top:1.2em}")
            .Append("table{border-collapse:collapse;width:100%;margin:.4em 0;page-break-inside:auto}th,td{border:1px solid #888;padding:2px 5px;text-align:left}")
            .Append("td.n{text-align:right}th{background:#eee}tr.total td{font-weight:bold}@media print{body{margin:1cm}h2{page-break-after:avoid}}")
            .Append("</style></head><body><h1>").Append(E(title)).Append("</h1>");
        foreach (var t in tables)
        {
            b.Append("<h2>").Append(E(t.Title)).Append(" / ").Append(E(t.TitleEn)).Append("</h2><table><thead><tr>");
            foreach (var h in t.Headers)
            {
                b.Append("<th>").Append(E(h)).Append("</th>");
            }

            b.Append("</tr></thead><tbody>");
            foreach (var row in t.Rows)
            {
                var total = row.Count > 0 && row[0] is string s && s.StartsWith("TỔNG", StringComparison.Ordinal);
                b.Append(total ? "<tr class=\"total\">" : "<tr>");
                foreach (var v in row)
                {
                    b.Append(v is long or double ? "<td class=\"n\">" : "<td>").Append(E(Cell(v))).Append("</td>");
                }

                b.Append("</tr>");
            }

            b.Append("</tbody></table>");
        }

        return b.Append("</body></html>\n").ToString();
    }

    /// <summary>Writes the page atomically.</summary>
    public static void SaveHtml(IReadOnlyList<ReportTable> tables, string title, string path) =>
        AtomicFile.Write(path, temp => File.WriteAllText(temp, Html(tables, title), new UTF8Encoding(false)));
}
