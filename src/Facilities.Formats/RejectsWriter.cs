using System.Globalization;
using System.Text;
using Facilities.Core.Features;
using Facilities.Core.Validation;
using Facilities.Formats.Writers;
using MiniExcelLibs;

namespace Facilities.Formats;

/// <summary>
/// Writes the rows an import refused (<c>--keep-valid --rejects FILE</c>) with their source columns as read, the
/// geometry as WKT in the source CRS, and the reasons in Vietnamese and English, so the agency can fix and re-send
/// them. A .csv is UTF-8 with a BOM (Excel then reads the Vietnamese right); an .xlsx has one sheet.
/// </summary>
public static class RejectsWriter
{
    /// <summary>The column holding the source row number.</summary>
    public const string RowColumn = "Dòng / Row";

    /// <summary>The column holding the reasons in Vietnamese.</summary>
    public const string ReasonViColumn = "Lý do";

    /// <summary>The column holding the reasons in English.</summary>
    public const string ReasonEnColumn = "Reason";

    /// <summary>The column holding the geometry as WKT, in the source CRS.</summary>
    public const string WktColumn = "WKT";

    /// <summary>Whether <paramref name="path"/> names a format this writer can write (.csv or .xlsx).</summary>
    public static bool Supports(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".xlsx";

    /// <summary>Writes the refused rows of <paramref name="source"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, FeatureLayer source, IReadOnlyDictionary<int, IReadOnlyList<ValidationIssue>> rejected)
    {
        var columns = new List<string> { RowColumn };
        columns.AddRange(source.Fields.Select(f => f.Name));
        columns.AddRange([WktColumn, ReasonViColumn, ReasonEnColumn]);
        var rows = source.Features.Where(f => rejected.ContainsKey(f.Ordinal)).Select(f =>
        {
            var row = new Dictionary<string, object?> { [RowColumn] = (long)f.Ordinal };
            foreach (var field in source.Fields)
            {
                row[field.Name] = f[field.Name];
            }

            row[WktColumn] = f.Geometry?.AsText();
            row[ReasonViColumn] = Reasons(rejected[f.Ordinal], Language.Vi);
            row[ReasonEnColumn] = Reasons(rejected[f.Ordinal], Language.En);
            return row;
        }).ToList();
        if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.Write(path, temp => MiniExcel.SaveAs(temp, rows, printHeader: true, sheetName: "Tu choi - Rejected", excelType: ExcelType.XLSX, overwriteFile: true));
            return;
        }

        var sb = new StringBuilder();
        sb.Append(string.Join(",", columns.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            sb.Append(string.Join(",", columns.Select(c => Quote(Text(row.GetValueOrDefault(c)))))).Append("\r\n");
        }

        AtomicFile.Write(path, temp => File.WriteAllText(temp, sb.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)));
    }

    private static string Reasons(IReadOnlyList<ValidationIssue> issues, Language language) =>
        string.Join("; ", issues.Select(i =>
            (i.Field is null ? "" : $"{i.Field}: ") + (language == Language.Vi ? i.Message.Vi : i.Message.En) + $" [{i.Code}]"));

    private static string Text(object? v) => v switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
