using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Teachers;

/// <summary>
/// "Where there are pupils, there are teachers": teachers needed per ward and level from the classes the deficit
/// engine says are needed, and per school from its classes, against the teachers the schools report.
/// </summary>
/// <remarks>
/// Needed = ceil(classes × teachers_per_class.&lt;level&gt;) (Circular 20/2023/TT-BGDĐT for general education,
/// Circular 19/2023/TT-BGDĐT for preschool; see the norms file for status). A school without a <c>teachers</c>
/// figure makes the row's shortfall unknown: it is never counted as zero teachers.
/// </remarks>
public static class TeacherCalculator
{
    /// <summary>Ward rows (from an admin deficit result) and school rows.</summary>
    public static (IReadOnlyList<TeacherRow> Wards, IReadOnlyList<TeacherRow> Schools) Compute(CityModel city, DeficitResult deficit)
    {
        var norms = deficit.Norms;
        var options = deficit.Options;
        var wardNames = city.Wards.ToDictionary(w => w.Code, w => w.Name, StringComparer.Ordinal);
        var wards = new List<TeacherRow>();
        var schools = new List<TeacherRow>();
        var coverage = SchoolDataCoverage.Of(city);
        foreach (var level in options.Levels)
        {
            var perClass = norms[$"teachers_per_class.{level}"];
            var subjectNorms = SubjectNorms(norms, level);
            var cap = (long)norms[$"class_cap.{level}"];
            var levelSchools = city.Schools.Where(s => s.Level == level && (!options.PublicOnly || s.IsPublic)).ToList();
            foreach (var row in deficit.Rows.Where(r => r.Level == level))
            {
                var inWard = levelSchools.Where(s => s.WardCode == row.WardCode).ToList();
                var ward = Row(row.WardCode, row.WardName, null, null, level, options.Year, row.ClassesNeeded, perClass, subjectNorms, inWard);
                wards.Add(ward with { SchoolsInData = coverage.SchoolsInData(row.WardCode, level) });
            }

            foreach (var s in levelSchools)
            {
                // A school's classes: as reported, else what its pupils need.
                // Neither known: the need is unknown, never zero (which would turn the school's teachers into a surplus).
                var classes = s.Classes ?? (s.Pupils is long p ? (p + cap - 1) / cap : null);
                schools.Add(Row(s.WardCode, wardNames.GetValueOrDefault(s.WardCode, ""), s.Id, s.Name, level, options.Year, classes, perClass, subjectNorms, [s]));
            }
        }

        return (wards, schools);
    }

    /// <summary>
    /// The catchment variant: the classes are those of the pupils the catchment method allocates to each school, plus
    /// the classes of each ward's pupils that no school takes (docs/teachers-compliance.md).
    /// </summary>
    /// <remarks>
    /// School row: classes = ⌈round(load) ÷ class cap⌉ (the pupils it teaches, wherever they live; without the capacity
    /// limit a school may be allocated more than its places, and it needs the teachers for them). Ward row: classes =
    /// Σ classes of the ward's schools + the catchment's classes for the ward's unserved pupils (classes of schools
    /// still to be built, whose teachers are needed too); teachers available = Σ teachers of the ward's schools.
    /// Teachers needed = ⌈classes × teachers_per_class⌉, as in the admin variant.
    /// </remarks>
    public static (IReadOnlyList<TeacherRow> Wards, IReadOnlyList<TeacherRow> Schools) ComputeCatchment(CityModel city, CatchmentResult catchment)
    {
        var norms = catchment.Norms;
        var options = catchment.Options;
        var wards = new List<TeacherRow>();
        var schools = new List<TeacherRow>();
        var coverage = SchoolDataCoverage.Of(city);
        foreach (var level in options.Levels)
        {
            var perClass = norms[$"teachers_per_class.{level}"];
            var subjectNorms = SubjectNorms(norms, level);
            var cap = (long)norms[$"class_cap.{level}"];
            // The catchment's school rows are the level's schools ordered by id (a stable sort of the city's order).
            var levelSchools = city.Schools.Where(s => s.Level == level && (!options.PublicOnly || s.IsPublic)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
            var loads = catchment.Schools.Where(r => r.Level == level).ToList();
            var taught = new List<(SchoolSite School, double Load, long Classes)>(levelSchools.Count);
            foreach (var (school, row) in levelSchools.Zip(loads))
            {
                var whole = (long)Math.Round(row.Allocated, MidpointRounding.AwayFromZero);
                taught.Add((school, row.Allocated, (whole + cap - 1) / cap));
            }

            foreach (var row in catchment.Wards.Where(r => r.Level == level))
            {
                var inWard = taught.Where(t => t.School.WardCode == row.WardCode).ToList();
                // Pupils beyond reach seated at their nearest school are taught there (in its load): only the
                // pupils with no seat at all need classes of schools still to be built.
                var unseated = (long)Math.Round(Math.Max(0, row.Unserved - row.FarAssigned), MidpointRounding.AwayFromZero);
                var unseatedClasses = (unseated + cap - 1) / cap;
                var classes = inWard.Sum(t => t.Classes) + unseatedClasses;
                var ward = Row(row.WardCode, row.WardName, null, null, level, options.Year, classes, perClass, subjectNorms, [.. inWard.Select(t => t.School)]);
                wards.Add(ward with
                {
                    PupilsTaught = inWard.Sum(t => t.Load),
                    UnservedClasses = unseatedClasses,
                    SchoolsInData = coverage.SchoolsInData(row.WardCode, level),
                });
            }

            var wardNames = city.Wards.ToDictionary(w => w.Code, w => w.Name, StringComparer.Ordinal);
            foreach (var (school, load, classes) in taught)
            {
                var row = Row(school.WardCode, wardNames.GetValueOrDefault(school.WardCode, ""), school.Id, school.Name, level, options.Year, classes, perClass,
                    subjectNorms, [school]);
                schools.Add(row with { PupilsTaught = load });
            }
        }

        return (wards, schools);
    }

    private static TeacherRow Row(
        string wardCode, string wardName, string? schoolId, string? schoolName, string level, int year, long? classes, decimal perClass,
        Dictionary<string, decimal> subjectNorms, List<SchoolSite> schools)
    {
        var known = schools.Where(s => s.Teachers is not null).ToList();
        return new TeacherRow
        {
            WardCode = wardCode,
            WardName = wardName,
            SchoolId = schoolId,
            SchoolName = schoolName,
            Level = level,
            Year = year,
            Classes = classes,
            TeachersPerClass = perClass,
            TeachersNeeded = classes is long c ? (long)Math.Ceiling(c * perClass) : null,
            // No school at all is a known zero; schools that all fail to report are unknown.
            TeachersAvailable = schools.Count == 0 ? 0 : known.Count == 0 ? null : known.Sum(s => s.Teachers!.Value),
            SchoolsWithUnknownTeachers = schools.Count - known.Count,
            Subjects = subjectNorms.ToDictionary(kv => kv.Key, kv =>
            {
                var reporting = schools.Where(s => s.TeachersBySubject.ContainsKey(kv.Key)).ToList();
                return new SubjectTeachers(
                    classes is long c ? (long)Math.Ceiling(c * kv.Value) : null,
                    schools.Count == 0 ? 0 : reporting.Count == 0 ? null : reporting.Sum(s => s.TeachersBySubject[kv.Key]),
                    schools.Count - reporting.Count);
            }),
        };
    }

    /// <summary>One warning per level with ward rows that have no school of the level in the data.</summary>
    public static IReadOnlyList<Validation.LocalizedText> MissingSchoolDataWarnings(IEnumerable<TeacherRow> wards) => SchoolDataStatus.Warnings(
        wards.Where(r => r.SchoolsInData == 0).Select(r => (r.Level, r.WardCode)),
        "giáo viên thiếu ở đó có thể là do thiếu dữ liệu", "their teacher shortfall may be missing data");

    /// <summary>Teachers per class of each subject the norms give for <paramref name="level"/> (english, it…).</summary>
    private static Dictionary<string, decimal> SubjectNorms(NormsSet norms, string level) => CityModel.TeacherSubjects
        .Where(s => norms.Contains($"teachers_per_class.{s}.{level}"))
        .ToDictionary(s => s, s => norms[$"teachers_per_class.{s}.{level}"]);
}
