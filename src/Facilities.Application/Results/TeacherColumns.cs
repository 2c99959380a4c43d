using Facilities.Core.Results;
using Facilities.Core.Teachers;
using static Facilities.Core.Results.ResultColumns;

namespace Facilities.Application.Results;

/// <summary>Columns of teacher outputs (ward rows and school rows share them; school columns are empty for wards).</summary>
public static class TeacherColumns
{
    private const string Teachers = "giáo viên / teachers";

    /// <summary>Every column, in output order. Unknown values are "no data" (empty cells), never 0.</summary>
    public static readonly IReadOnlyList<ResultColumn<TeacherRow>> All =
    [
        Text<TeacherRow>("ward_code", "Mã xã/phường", "Ward code", r => r.WardCode),
        Text<TeacherRow>("ward_name", "Tên xã/phường", "Ward name", r => r.WardName),
        Text<TeacherRow>("school_id", "Mã trường", "School id", r => r.SchoolId ?? ""),
        Text<TeacherRow>("school_name", "Tên trường", "School name", r => r.SchoolName ?? ""),
        Level<TeacherRow>(r => r.Level),
        Integer<TeacherRow>("year", "Năm", "Year", r => r.Year),
        Integer<TeacherRow>("classes", "Số lớp", "Classes", r => r.Classes, "lớp / classes"),
        Ratio<TeacherRow>("teachers_per_class", "Định mức GV/lớp", "Teachers per class (norm)", r => (double)r.TeachersPerClass),
        Integer<TeacherRow>("teachers_needed", "Giáo viên cần", "Teachers needed", r => r.TeachersNeeded, Teachers),
        Integer<TeacherRow>("teachers_available", "Giáo viên hiện có", "Teachers available", r => r.TeachersAvailable, Teachers),
        Integer<TeacherRow>("teacher_shortfall", "Thiếu (+) / thừa (−) giáo viên", "Teachers short (+) / spare (−)", r => r.Shortfall, Teachers),
        Integer<TeacherRow>("schools_unknown_teachers", "Trường chưa báo số GV", "Schools that did not report teachers", r => r.SchoolsWithUnknownTeachers),
        Integer<TeacherRow>("english_needed", "GV tiếng Anh cần", "English teachers needed", r => Subject(r, "english")?.Needed, Teachers),
        Integer<TeacherRow>("english_available", "GV tiếng Anh có", "English teachers available", r => Subject(r, "english")?.Available, Teachers),
        Integer<TeacherRow>("english_shortfall", "Thiếu GV tiếng Anh", "English teachers short", r => Subject(r, "english")?.Shortfall, Teachers),
        Integer<TeacherRow>("it_needed", "GV tin học cần", "IT teachers needed", r => Subject(r, "it")?.Needed, Teachers),
        Integer<TeacherRow>("it_available", "GV tin học có", "IT teachers available", r => Subject(r, "it")?.Available, Teachers),
        Integer<TeacherRow>("it_shortfall", "Thiếu GV tin học", "IT teachers short", r => Subject(r, "it")?.Shortfall, Teachers),
        Integer<TeacherRow>("schools_in_data", "Số trường trong dữ liệu (mọi loại hình)", "Schools in the data (any ownership)", r => r.SchoolsInData),
        DataStatus<TeacherRow>("data_status", "Dữ liệu trường", "School data", r => r.DataStatus),
    ];

    /// <summary>
    /// Columns of the catchment variant: every column of <see cref="All"/>, then the pupils taught (school loads) and
    /// the classes for unserved pupils included in <c>classes</c>.
    /// </summary>
    public static readonly IReadOnlyList<ResultColumn<TeacherRow>> Catchment =
    [
        .. All,
        People<TeacherRow>("pupils_taught", "Học sinh được phân về trường", "Pupils taught (allocated to the schools)", r => r.PupilsTaught is double p ? Math.Round(p, 2) : null),
        Integer<TeacherRow>("classes_unserved", "Lớp cho học sinh chưa có chỗ", "Classes for pupils without a place", r => r.UnservedClasses, "lớp / classes"),
    ];

    private static SubjectTeachers? Subject(TeacherRow r, string subject) => r.Subjects.TryGetValue(subject, out var s) ? s : null;
}
