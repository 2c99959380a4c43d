using Facilities.Core.Norms;
using Facilities.Core.Presentation;
using Facilities.Core.Provenance;
using Facilities.IO.Writers;
using MiniExcelLibs;

namespace Facilities.IO.Results;

/// <summary>Sheets shared by result workbooks: a table with Vietnamese headers, the norms used, the stamp.</summary>
public static class ResultWorkbook
{
    /// <summary>Rows as a sheet with the columns' Vietnamese headers (levels in Vietnamese).</summary>
    public static List<Dictionary<string, object>> Sheet<T>(IEnumerable<T> rows, IReadOnlyList<ResultColumn<T>> columns) =>
        [.. rows.Select(r => columns.ToDictionary(c => c.Vi, c => c.Name == "level" ? Labels.Level.Vi((string)c.Value(r)) : (c.ViValue ?? c.Value)(r)))];

    /// <summary>
    /// Appends a totals row to a sheet made by <see cref="Sheet{T}"/>: "TỔNG" in the first column and, in each column of
    /// <paramref name="summed"/> (snake_case names), the sum of the cells as shown (so it equals Excel's SUM of the
    /// column; empty cells, unknown values, are not added and the note column says how many there were).
    /// </summary>
    public static void AddTotals<T>(List<Dictionary<string, object>> sheet, IReadOnlyList<ResultColumn<T>> columns, IReadOnlyCollection<string> summed, string noteColumn)
    {
        var total = columns.ToDictionary(c => c.Vi, _ => (object)"");
        total[columns[0].Vi] = "TỔNG";
        var blanks = 0;
        foreach (var c in columns.Where(c => summed.Contains(c.Name)))
        {
            var cells = sheet.Select(r => r[c.Vi]).ToList();
            blanks += cells.Count(v => v is string);
            total[c.Vi] = cells.All(v => v is long or string)
                ? cells.OfType<long>().Sum()
                : Math.Round(cells.Sum(v => v switch { long l => l, double d => d, _ => 0d }), 2, MidpointRounding.AwayFromZero);
        }

        total[columns.Single(c => c.Name == noteColumn).Vi] = blanks == 0 ? "cộng các dòng trên" : $"cộng các ô có số ({blanks} ô chưa rõ không cộng)";
        sheet.Add(total);
    }

    /// <summary>The norms with their value, unit, status in words and legal source.</summary>
    public static List<Dictionary<string, object>> NormsSheet(NormsSet norms) =>
    [
        .. norms.Values.Select(n => new Dictionary<string, object>
        {
            ["Khoá"] = n.Key,
            ["Giá trị"] = (double)n.Value,
            ["Đơn vị"] = Labels.NormUnit.Vi(n.Unit),
            ["Mức xác nhận"] = n.Status switch { "confirmed" => "đã xác nhận", "secondary" => "nguồn thứ cấp", _ => "CHƯA XÁC NHẬN (mặc định, cần kiểm tra)" },
            ["Căn cứ pháp lý"] = NormSource.Vi(n.Source),
            ["Nguồn"] = NormSource.WithoutOutsidePaths(n.Source),
        }),
    ];

    /// <summary>The stamp as key/value rows, its id first.</summary>
    public static List<Dictionary<string, object>> StampSheet(ResultStamp stamp) =>
    [
        .. stamp.Lines().Prepend(("stamp_id", stamp.Id)).Select(l => new Dictionary<string, object> { ["Mục"] = l.Item1, ["Giá trị"] = l.Item2 }),
    ];

    /// <summary>Saves sheets (name → rows) as an .xlsx, atomically.</summary>
    public static void Save(Dictionary<string, object> sheets, string path) =>
        AtomicFile.Write(path, temp => MiniExcel.SaveAs(temp, sheets, printHeader: true, excelType: ExcelType.XLSX, overwriteFile: true));
}
