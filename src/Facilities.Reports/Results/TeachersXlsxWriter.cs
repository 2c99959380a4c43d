using Facilities.Core.Norms;
using Facilities.Core.Presentation;
using Facilities.Core.Results;
using Facilities.Core.Schema;
using Facilities.Core.Teachers;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes the teachers workbook: a ward sheet per level with a totals row, a summary sheet, the school sheet, the
/// norms and the stamp.
/// </summary>
public static class TeachersXlsxWriter
{
    /// <summary>Ward columns added up in the totals row (empty cells are unknown and not added).</summary>
    public static readonly IReadOnlyCollection<string> Summed =
    [
        "classes", "teachers_needed", "teachers_available", "teacher_shortfall", "schools_unknown_teachers", "english_needed", "english_available",
        "english_shortfall", "it_needed", "it_available", "it_shortfall", "schools_in_data", "pupils_taught", "classes_unserved",
    ];

    /// <summary>Writes the workbook of the ward table <paramref name="wards"/> (rows <paramref name="wardRows"/>) and the school table.</summary>
    public static void Write(ResultTable wards, ResultTable schools, IReadOnlyList<TeacherRow> wardRows, int year, NormsSet norms, string path)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var level in DatasetSchema.Levels)
        {
            var sheet = ResultWorkbook.Sheet(wards.Where("level", level));
            ResultWorkbook.AddTotals(sheet, wards.Fields, Summed, "ward_name");
            sheets[Labels.Level.Vi(level)] = sheet;
        }

        sheets["Tổng hợp"] = Summary(wardRows, year);
        sheets["Trường học"] = ResultWorkbook.Sheet(schools);
        sheets["Định mức"] = ResultWorkbook.NormsSheet(norms);
        sheets["Dấu kiểm"] = ResultWorkbook.StampSheet(wards.Stamp);
        ResultWorkbook.Save(sheets, path);
    }

    /// <summary>Per level, the figures the console prints: teachers needed and reported, the shortfall of wards with full data, wards unknown.</summary>
    public static List<Dictionary<string, object>> Summary(IReadOnlyList<TeacherRow> wards, int year) =>
    [
        .. DatasetSchema.Levels.Select(level =>
        {
            var rows = wards.Where(w => w.Level == level).ToList();
            return new Dictionary<string, object>
            {
                ["Cấp học"] = Labels.Level.Vi(level),
                ["Năm"] = (long)year,
                ["Giáo viên cần"] = rows.Sum(w => w.TeachersNeeded ?? 0),
                ["Giáo viên hiện có (đã báo)"] = rows.Sum(w => w.TeachersAvailable ?? 0),
                ["Thiếu giáo viên (xã/phường đủ số liệu)"] = rows.Where(w => w.Shortfall is long).Sum(w => Math.Max(0, w.Shortfall!.Value)),
                ["Số xã/phường chưa rõ số giáo viên"] = (long)rows.Count(w => w.Shortfall is null),
                ["Số xã/phường không có dữ liệu trường"] = (long)rows.Count(w => w.SchoolsInData == 0),
            };
        }),
    ];
}
