using System.Globalization;
using Facilities.Core.Import;

namespace Facilities.Cli.Commands;

/// <summary>Prints the mapping report of an import (<c>import --dry-run</c>): one line per source column.</summary>
internal static class ColumnMappingTable
{
    public static void Write(Ui u, IReadOnlyList<ColumnMapping> columns, string layer, string file, int rows)
    {
        u.Out.WriteLine(u.T(
            $"Ánh xạ cột {file} → lớp '{layer}' ({rows} dòng):",
            $"Column mapping {file} → layer '{layer}' ({rows} rows):"));
        var header = new[]
        {
            u.T("Cột nguồn", "Source column"), u.T("Trường", "Field"), u.T("Giá trị mẫu (đã chuyển)", "Sample values (converted)"),
            u.T("Trống", "Empty"), u.T("Lỗi", "Invalid"),
        };
        var lines = columns.Select(c => new[]
        {
            c.Source,
            c.Role switch
            {
                ColumnRole.Field => c.Target,
                ColumnRole.IdTemplate => u.T($"{c.Target} (ghép từ mẫu)", $"{c.Target} (built from the template)"),
                ColumnRole.Geometry => u.T(c.TargetVi ?? c.Target, c.Target),
                _ => u.T("giữ là trường phụ ", "kept as extra ") + c.Target
                     + (c.Closest is { } x ? u.T($", gần nhất: {x}", $", closest: {x}") : ""),
            },
            string.Join(" | ", c.Samples),
            c.Empty.ToString(CultureInfo.InvariantCulture),
            c.Invalid.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length)
            .Select(i => Math.Min(48, lines.Select(l => l[i].Length).Append(header[i].Length).Max()))
            .ToArray();
        string Row(string[] cells) => "  " + string.Join("  ", cells.Select((c, i) => Fit(c, widths[i]).PadRight(widths[i]))).TrimEnd();
        u.Out.WriteLine(Row(header));
        foreach (var l in lines)
        {
            u.Out.WriteLine(Row(l));
        }
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
