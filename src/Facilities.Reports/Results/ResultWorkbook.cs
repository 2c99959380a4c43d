using System.Globalization;
using Facilities.Core.Norms;
using Facilities.Core.Presentation;
using Facilities.Core.Provenance;
using Facilities.Core.Results;
using Facilities.Formats.Writers;
using MiniExcelLibs;

namespace Facilities.Reports.Results;

/// <summary>Sheets shared by result workbooks: a table with Vietnamese headers, the norms used, the stamp.</summary>
public static class ResultWorkbook
{
    /// <summary>
    /// A table as a sheet: the fields' Vietnamese labels as headers, each value as its field displays it (codes in
    /// words, people whole); numbers stay number cells, dates date cells, and "no data" is an empty cell.
    /// </summary>
    public static List<Dictionary<string, object>> Sheet(ResultTable table) =>
    [
        .. table.Rows.Select(r =>
        {
            var cells = new Dictionary<string, object>(table.Fields.Count);
            for (var k = 0; k < table.Fields.Count; k++)
            {
                var (f, v) = (table.Fields[k], r.Values[k]);
                cells[f.Vi] = v switch
                {
                    null => "",
                    // A date is a date cell (Excel sorts and filters it as one); the data outputs keep ISO text.
                    string s when f.Kind == ResultKind.Date => DateTime.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ when f.Display is { } show => show(v),
                    _ => v,
                };
            }

            return cells;
        }),
    ];

    /// <summary>
    /// Appends a totals row to a sheet made by <see cref="Sheet"/>: "TỔNG" in the first column and, in each field of
    /// <paramref name="summed"/> (names), the sum of the cells as shown (so it equals Excel's SUM of the column; empty
    /// cells, unknown values, are not added and the note column says how many there were).
    /// </summary>
    public static void AddTotals(List<Dictionary<string, object>> sheet, IReadOnlyList<ResultField> fields, IReadOnlyCollection<string> summed, string noteColumn)
    {
        var total = fields.ToDictionary(c => c.Vi, _ => (object)"");
        total[fields[0].Vi] = "TỔNG";
        var blanks = 0;
        foreach (var c in fields.Where(c => summed.Contains(c.Name)))
        {
            var cells = sheet.Select(r => r[c.Vi]).ToList();
            blanks += cells.Count(v => v is string);
            total[c.Vi] = cells.All(v => v is long or string)
                ? cells.OfType<long>().Sum()
                : Math.Round(cells.Sum(v => v switch { long l => l, double d => d, _ => 0d }), 2, MidpointRounding.AwayFromZero);
        }

        total[fields.Single(c => c.Name == noteColumn).Vi] = blanks == 0 ? "cộng các dòng trên" : $"cộng các ô có số ({blanks} ô chưa rõ không cộng)";
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
