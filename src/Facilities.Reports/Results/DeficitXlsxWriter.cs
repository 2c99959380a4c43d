using Facilities.Core.Deficit;
using Facilities.Core.Presentation;
using Facilities.Core.Results;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes a deficit workbook for officials: one sheet per level with Vietnamese headers and a totals row, a summary
/// sheet, the norms used with their sources and status, and the stamp on its own sheet.
/// </summary>
public static class DeficitXlsxWriter
{
    /// <summary>Writes the ward table <paramref name="wards"/> of <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void Write(ResultTable wards, DeficitResult result, string path)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var level in result.Options.Levels)
        {
            var rows = ResultWorkbook.Sheet(wards.Where("level", level));
            var total = DeficitTotal.Of(level, result.Rows.Where(r => r.Level == level));
            var totalRow = wards.Fields.ToDictionary(c => c.Vi, _ => (object)"");
            totalRow["Mã xã/phường"] = "TỔNG";
            totalRow["Số học sinh"] = total.Pupils;
            totalRow["Số lớp cần"] = total.ClassesNeeded;
            totalRow["Phòng học cần"] = total.RoomsNeeded;
            totalRow["Phòng học hiện có"] = total.RoomsAvailable;
            totalRow["Thiếu (+) / thừa (−) phòng học"] = total.NetDeficit;
            totalRow["Tên xã/phường"] = $"phải xây {total.Shortage} phòng (thiếu ròng {total.NetDeficit})";
            totalRow["Thiếu phòng bộ môn"] = total.SubjectRoomsDeficit;
            rows.Add(totalRow);
            sheets[Labels.Level.Vi(level)] = rows;
        }

        sheets["Tổng hợp"] = result.TotalsByLevel().Append(result.CityTotal()).Select(t => new Dictionary<string, object>
        {
            ["Cấp học"] = t.Level == "all" ? "Toàn thành phố" : Labels.Level.Vi(t.Level),
            ["Năm"] = (long)result.Options.Year,
            ["Số học sinh"] = t.Pupils,
            ["Số lớp cần"] = t.ClassesNeeded,
            ["Phòng học cần"] = t.RoomsNeeded,
            ["Phòng học hiện có"] = t.RoomsAvailable,
            ["Thiếu ròng (thừa bù thiếu)"] = t.NetDeficit,
            ["Phòng học phải xây (tổng thiếu)"] = t.Shortage,
            ["Số xã/phường thiếu"] = (long)t.WardsShort,
            ["Thiếu phòng bộ môn"] = t.SubjectRoomsDeficit,
            ["Trường chưa rõ phòng bộ môn"] = t.SubjectRoomsUnknown,
            ["Số xã/phường không có dữ liệu trường"] = (long)t.WardsWithoutSchoolData,
            ["Phải xây ở xã/phường không có dữ liệu trường (cần kiểm tra)"] = t.ShortageWithoutSchoolData,
        }).ToList();
        sheets["Định mức"] = ResultWorkbook.NormsSheet(result.Norms);
        sheets["Dấu kiểm"] = ResultWorkbook.StampSheet(wards.Stamp);
        ResultWorkbook.Save(sheets, path);
    }
}
