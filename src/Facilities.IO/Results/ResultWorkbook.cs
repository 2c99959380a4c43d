using Facilities.Core.Norms;
using Facilities.Core.Provenance;
using Facilities.IO.Writers;
using MiniExcelLibs;

namespace Facilities.IO.Results;

/// <summary>Sheets shared by result workbooks: a table with Vietnamese headers, the norms used, the stamp.</summary>
public static class ResultWorkbook
{
    /// <summary>Rows as a sheet with the columns' Vietnamese headers (levels in Vietnamese).</summary>
    public static List<Dictionary<string, object>> Sheet<T>(IEnumerable<T> rows, IReadOnlyList<ResultColumn<T>> columns) =>
        [.. rows.Select(r => columns.ToDictionary(c => c.Vi, c => c.Name == "level" ? DeficitColumns.LevelVi((string)c.Value(r)) : (c.ViValue ?? c.Value)(r)))];

    /// <summary>The norms with their value, unit, status in words and legal source.</summary>
    public static List<Dictionary<string, object>> NormsSheet(NormsSet norms) =>
    [
        .. norms.Values.Select(n => new Dictionary<string, object>
        {
            ["Khoá"] = n.Key,
            ["Giá trị"] = (double)n.Value,
            ["Đơn vị"] = n.Unit,
            ["Mức xác nhận"] = n.Status switch { "confirmed" => "đã xác nhận", "secondary" => "nguồn thứ cấp", _ => "CHƯA XÁC NHẬN (mặc định, cần kiểm tra)" },
            ["Nguồn"] = n.Source,
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
