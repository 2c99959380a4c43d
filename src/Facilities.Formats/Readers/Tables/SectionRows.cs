using Facilities.Core.Validation;

namespace Facilities.Formats.Readers.Tables;

/// <summary>
/// The data rows of one table: below the header, without blank rows, the column-number row, lone notes, and
/// everything from the totals/signature block down. Every row left out is named in a notice (or a warning when it
/// carries coordinates).
/// </summary>
internal static class SectionRows
{
    public static List<TableRow> Select(TableSection section, IReadOnlyList<int> geometryColumns, IssueList issues)
    {
        var (table, header) = (section.Table, section.Header);
        var sheet = table.Sheet;
        var data = new List<TableRow>();
        var blanks = new List<int>();
        var pendingBlanks = new List<int>();
        var notes = new List<int>();
        for (var i = header.DataStart; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            if (row.Cells.All(CellText.IsBlank))
            {
                pendingBlanks.Add(row.Number);
                continue;
            }

            if (i == header.DataStart && TrailerRows.IsColumnNumbers(row))
            {
                issues.Notice("column-numbers-row", null, null,
                    $"{TableLocation.Vi(sheet, row.Number)} chỉ đánh số cột (1, 2, 3 …), không phải dữ liệu; bỏ qua.",
                    $"{TableLocation.En(sheet, row.Number)} only numbers the columns (1, 2, 3 …), it is not data; skipped.");
                continue;
            }

            var geometryEmpty = !HasCoordinates(row, geometryColumns);
            if (geometryEmpty && TrailerRows.IsTrailer(row))
            {
                Stop(table, i, geometryColumns, issues);
                break;
            }

            blanks.AddRange(pendingBlanks);
            pendingBlanks.Clear();
            if (geometryEmpty && row.Cells.Count(c => !CellText.IsBlank(c)) == 1 && row.Cells.First(c => !CellText.IsBlank(c)) is string)
            {
                notes.Add(row.Number);
                continue;
            }

            data.Add(row);
        }

        if (blanks.Count > 0)
        {
            issues.Notice("blank-rows-skipped", null, null,
                $"{Where(sheet, "vi")}bỏ qua {blanks.Count} dòng trống giữa các dòng dữ liệu (dòng {Rows(blanks)}).",
                blanks.Count == 1
                    ? $"{Where(sheet, "en")}skipped a blank row between the data rows (row {Rows(blanks)})."
                    : $"{Where(sheet, "en")}skipped {blanks.Count} blank rows between the data rows (rows {Rows(blanks)}).");
        }

        if (notes.Count > 0)
        {
            issues.Notice("note-rows-skipped", null, null,
                $"{Where(sheet, "vi")}bỏ qua {notes.Count} dòng chỉ có một ô chữ và không có toạ độ (tiêu đề nhóm hoặc ghi chú): dòng {Rows(notes)}.",
                $"{Where(sheet, "en")}skipped {notes.Count} rows with a single text cell and no coordinates (group titles or notes): rows {Rows(notes)}.");
        }

        return data;
    }

    private static void Stop(RawTable table, int index, IReadOnlyList<int> geometryColumns, IssueList issues)
    {
        var row = table.Rows[index];
        var first = row.Cells.Select(CellText.Of).First(t => t.Length > 0);
        var below = table.Rows.Skip(index + 1).Where(r => !r.Cells.All(CellText.IsBlank)).ToList();
        issues.Notice("table-end", null, null,
            below.Count == 0
                ? $"{TableLocation.Vi(table.Sheet, row.Number)} ('{first}') kết thúc danh sách và không được nhập."
                : $"{TableLocation.Vi(table.Sheet, row.Number)} ('{first}') kết thúc danh sách; dòng này và {below.Count} dòng không trống bên dưới (tổng cộng, ký tên) không được nhập.",
            below.Count == 0
                ? $"{TableLocation.En(table.Sheet, row.Number)} ('{first}') ends the list and is not imported."
                : $"{TableLocation.En(table.Sheet, row.Number)} ('{first}') ends the list; it and the {below.Count} non-blank rows below (totals, signatures) are not imported.");
        var withCoordinates = below.Where(r => HasCoordinates(r, geometryColumns)).Select(r => r.Number).ToList();
        if (withCoordinates.Count > 0)
        {
            issues.Warning("rows-after-table-end", null, null,
                $"{Where(table.Sheet, "vi")}các dòng {Rows(withCoordinates)} nằm dưới dòng '{first}' nhưng có toạ độ và không được nhập; chuyển chúng lên trên dòng đó hoặc sang trang tính khác.",
                withCoordinates.Count == 1
                    ? $"{Where(table.Sheet, "en")}row {Rows(withCoordinates)} is below the '{first}' row but has coordinates and is not imported; move it above that row or to another sheet."
                    : $"{Where(table.Sheet, "en")}rows {Rows(withCoordinates)} are below the '{first}' row but have coordinates and are not imported; move them above that row or to another sheet.");
        }
    }

    // A coordinate or WKT in a geometry column; a signature line ("Hải Phòng, ngày …") that happens to sit in the X
    // column is not one.
    private static bool HasCoordinates(TableRow row, IReadOnlyList<int> geometryColumns) => geometryColumns.Any(c =>
        CellText.TryNumber(row[c], out _) || CellText.TryDecimalComma(CellText.Of(row[c]), out _)
        || CellText.Of(row[c]).TrimStart().StartsWith("POINT", StringComparison.OrdinalIgnoreCase)
        || CellText.Of(row[c]).TrimStart().StartsWith("POLYGON", StringComparison.OrdinalIgnoreCase)
        || CellText.Of(row[c]).TrimStart().StartsWith("MULTI", StringComparison.OrdinalIgnoreCase));

    private static string Where(string? sheet, string language) =>
        sheet is null ? "" : language == "vi" ? $"trang tính '{sheet}': " : $"sheet '{sheet}': ";

    private static string Rows(List<int> rows) =>
        string.Join(", ", rows.Take(10).Select(TableLayerBuilder.Count)) + (rows.Count > 10 ? " …" : "");
}
