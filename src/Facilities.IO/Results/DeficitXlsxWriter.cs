using Facilities.Core.Deficit;
using Facilities.Core.Provenance;
using Facilities.IO.Writers;
using MiniExcelLibs;

namespace Facilities.IO.Results;

/// <summary>
/// Writes a deficit workbook for officials: one sheet per level with Vietnamese headers and a totals row, a summary
/// sheet, the norms used with their sources and status, and the stamp on its own sheet.
/// </summary>
public static class DeficitXlsxWriter
{
    /// <summary>Writes the workbook to <paramref name="path"/>.</summary>
    public static void Write(DeficitResult result, ResultStamp stamp, string path)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var level in result.Options.Levels)
        {
            var rows = result.Rows.Where(r => r.Level == level).Select(Row).ToList();
            var total = DeficitTotal.Of(level, result.Rows.Where(r => r.Level == level));
            var totalRow = DeficitColumns.All.ToDictionary(c => c.Vi, _ => (object)"");
            totalRow["Mã xã/phường"] = "TỔNG";
            totalRow["Số học sinh"] = total.Pupils;
            totalRow["Số lớp cần"] = total.ClassesNeeded;
            totalRow["Phòng học cần"] = total.RoomsNeeded;
            totalRow["Phòng học hiện có"] = total.RoomsAvailable;
            totalRow["Thiếu (+) / thừa (−) phòng học"] = total.NetDeficit;
            totalRow["Thiếu phòng bộ môn"] = total.SubjectRoomsDeficit;
            rows.Add(totalRow);
            sheets[DeficitColumns.LevelVi(level)] = rows;
        }

        sheets["Tổng hợp"] = result.TotalsByLevel().Append(result.CityTotal()).Select(t => new Dictionary<string, object>
        {
            ["Cấp học"] = t.Level == "all" ? "Toàn thành phố" : DeficitColumns.LevelVi(t.Level),
            ["Năm"] = (long)result.Options.Year,
            ["Số học sinh"] = t.Pupils,
            ["Số lớp cần"] = t.ClassesNeeded,
            ["Phòng học cần"] = t.RoomsNeeded,
            ["Phòng học hiện có"] = t.RoomsAvailable,
            ["Thiếu ròng (thừa bù thiếu)"] = t.NetDeficit,
            ["Phòng học phải xây (tổng thiếu)"] = t.Shortage,
            ["Số xã/phường thiếu"] = (long)t.WardsShort,
            ["Thiếu phòng bộ môn"] = t.SubjectRoomsDeficit,
        }).ToList();
        sheets["Định mức"] = result.Norms.Values.Select(n => new Dictionary<string, object>
        {
            ["Khoá"] = n.Key,
            ["Giá trị"] = (double)n.Value,
            ["Đơn vị"] = n.Unit,
            ["Mức xác nhận"] = n.Status switch { "confirmed" => "đã xác nhận", "secondary" => "nguồn thứ cấp", _ => "CHƯA XÁC NHẬN (mặc định, cần kiểm tra)" },
            ["Nguồn"] = n.Source,
        }).ToList();
        sheets["Dấu kiểm"] = stamp.Lines().Prepend(("stamp_id", stamp.Id)).Select(l => new Dictionary<string, object>
        {
            ["Mục"] = l.Item1,
            ["Giá trị"] = l.Item2,
        }).ToList();
        AtomicFile.Write(path, temp => MiniExcel.SaveAs(temp, sheets, printHeader: true, excelType: ExcelType.XLSX, overwriteFile: true));
    }

    private static Dictionary<string, object> Row(DeficitRow row) =>
        DeficitColumns.All.ToDictionary(c => c.Vi, c => c.Name == "level" ? DeficitColumns.LevelVi(row.Level) : c.Value(row));
}
