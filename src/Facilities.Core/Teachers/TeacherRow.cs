namespace Facilities.Core.Teachers;

/// <summary>Teachers needed and available for one ward (or one school) at one level.</summary>
public sealed record TeacherRow
{
    /// <summary>Ward code.</summary>
    public required string WardCode { get; init; }

    /// <summary>Ward name.</summary>
    public required string WardName { get; init; }

    /// <summary>School id for a per-school row, null for a ward row.</summary>
    public string? SchoolId { get; init; }

    /// <summary>School name for a per-school row.</summary>
    public string? SchoolName { get; init; }

    /// <summary>Level.</summary>
    public required string Level { get; init; }

    /// <summary>Target year.</summary>
    public required int Year { get; init; }

    /// <summary>Classes the teachers must cover (classes needed for a ward; classes taught, or needed from pupils, for a school).</summary>
    public required long? Classes { get; init; }

    /// <summary>Teachers per class from the norms.</summary>
    public required decimal TeachersPerClass { get; init; }

    /// <summary>Teachers needed: ceil(classes × teachers per class); null when the school's classes and pupils are unknown.</summary>
    public required long? TeachersNeeded { get; init; }

    /// <summary>Teachers of the schools that report them; 0 when there is no school; null when schools exist but none reports.</summary>
    public required long? TeachersAvailable { get; init; }

    /// <summary>Schools of the row whose teacher figure is unknown.</summary>
    public required int SchoolsWithUnknownTeachers { get; init; }

    /// <summary>Needed − available; null (unknown) when any school's figure is missing, since a missing figure is not zero.</summary>
    public long? Shortfall => SchoolsWithUnknownTeachers == 0 && TeachersAvailable is long a && TeachersNeeded is long n ? n - a : null;

    /// <summary>
    /// Catchment method only: pupils taught (a school's allocated load; for a ward, the loads of its schools), else null.
    /// </summary>
    public double? PupilsTaught { get; init; }

    /// <summary>Catchment method only (ward rows): classes for the ward's pupils no school takes, included in <see cref="Classes"/>.</summary>
    public long? UnservedClasses { get; init; }

    /// <summary>Per-subject (needed, available, shortfall) where the norms and the data have them; shortfall null when unknown.</summary>
    public required IReadOnlyDictionary<string, SubjectTeachers> Subjects { get; init; }

    /// <summary>
    /// Ward rows: schools of the level in the data for the ward, of any ownership; 0 means none in the data, so the
    /// teachers available (0) may be missing data. Null for school rows (the school itself is the data).
    /// </summary>
    public int? SchoolsInData { get; init; }

    /// <summary>"no_school_data" when <see cref="SchoolsInData"/> is 0, "ok" when positive, "" for school rows.</summary>
    public string DataStatus => Deficit.SchoolDataStatus.Of(SchoolsInData);
}
