using Facilities.Core.Teachers;

namespace Facilities.IO.Results;

/// <summary>Columns of teacher outputs (ward rows and school rows share them; school columns are empty for wards).</summary>
public static class TeacherColumns
{
    /// <summary>Every column, in output order. Unknown values are written as empty cells, never as 0.</summary>
    public static readonly IReadOnlyList<ResultColumn<TeacherRow>> All =
    [
        new("ward_code", "Mã xã/phường", r => r.WardCode),
        new("ward_name", "Tên xã/phường", r => r.WardName),
        new("school_id", "Mã trường", r => r.SchoolId ?? ""),
        new("school_name", "Tên trường", r => r.SchoolName ?? ""),
        new("level", "Cấp học", r => r.Level),
        new("year", "Năm", r => (long)r.Year),
        new("classes", "Số lớp", r => Known(r.Classes)),
        new("teachers_per_class", "Định mức GV/lớp", r => (double)r.TeachersPerClass),
        new("teachers_needed", "Giáo viên cần", r => Known(r.TeachersNeeded)),
        new("teachers_available", "Giáo viên hiện có", r => Known(r.TeachersAvailable)),
        new("teacher_shortfall", "Thiếu (+) / thừa (−) giáo viên", r => Known(r.Shortfall)),
        new("schools_unknown_teachers", "Trường chưa báo số GV", r => (long)r.SchoolsWithUnknownTeachers),
        new("english_needed", "GV tiếng Anh cần", r => r.Subjects.TryGetValue("english", out var s) ? Known(s.Needed) : ""),
        new("english_available", "GV tiếng Anh có", r => r.Subjects.TryGetValue("english", out var s) ? Known(s.Available) : ""),
        new("english_shortfall", "Thiếu GV tiếng Anh", r => r.Subjects.TryGetValue("english", out var s) ? Known(s.Shortfall) : ""),
        new("it_needed", "GV tin học cần", r => r.Subjects.TryGetValue("it", out var s) ? Known(s.Needed) : ""),
        new("it_available", "GV tin học có", r => r.Subjects.TryGetValue("it", out var s) ? Known(s.Available) : ""),
        new("it_shortfall", "Thiếu GV tin học", r => r.Subjects.TryGetValue("it", out var s) ? Known(s.Shortfall) : ""),
        new("schools_in_data", "Số trường trong dữ liệu (mọi loại hình)", r => DeficitColumns.Count(r.SchoolsInData)),
        DataStatusColumn.Of<TeacherRow>("data_status", "Dữ liệu trường", r => r.DataStatus),
    ];

    /// <summary>
    /// Columns of the catchment variant: every column of <see cref="All"/>, then the pupils taught (school loads) and
    /// the classes for unserved pupils included in <c>classes</c>.
    /// </summary>
    public static readonly IReadOnlyList<ResultColumn<TeacherRow>> Catchment =
    [
        .. All,
        ViColumn.People<TeacherRow>("pupils_taught", "Học sinh được phân về trường", r => r.PupilsTaught is double p ? Math.Round(p, 2) : ""),
        new("classes_unserved", "Lớp cho học sinh chưa có chỗ", r => Known(r.UnservedClasses)),
    ];

    private static object Known(long? v) => v is long x ? x : "";
}
