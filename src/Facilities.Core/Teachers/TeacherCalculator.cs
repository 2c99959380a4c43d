using Facilities.Core.Deficit;
using Facilities.Core.Model;

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
        foreach (var level in options.Levels)
        {
            var perClass = norms[$"teachers_per_class.{level}"];
            var subjectNorms = CityModel.TeacherSubjects
                .Where(s => norms.Contains($"teachers_per_class.{s}.{level}"))
                .ToDictionary(s => s, s => norms[$"teachers_per_class.{s}.{level}"]);
            var cap = (long)norms[$"class_cap.{level}"];
            var levelSchools = city.Schools.Where(s => s.Level == level && (!options.PublicOnly || s.IsPublic)).ToList();
            foreach (var row in deficit.Rows.Where(r => r.Level == level))
            {
                var inWard = levelSchools.Where(s => s.WardCode == row.WardCode).ToList();
                wards.Add(Row(row.WardCode, row.WardName, null, null, level, options.Year, row.ClassesNeeded, perClass, subjectNorms, inWard));
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
}
