namespace Facilities.Core.Deficit;

/// <summary>The classroom balance of one ward at one level in one year.</summary>
public sealed record DeficitRow
{
    /// <summary>Ward code.</summary>
    public required string WardCode { get; init; }

    /// <summary>Ward name.</summary>
    public required string WardName { get; init; }

    /// <summary>phuong, xa or dac_khu.</summary>
    public required string UnitType { get; init; }

    /// <summary>School level.</summary>
    public required string Level { get; init; }

    /// <summary>Target year.</summary>
    public required int Year { get; init; }

    /// <summary>School-age residents of the level (from data, or population × age share).</summary>
    public required decimal SchoolAgeResidents { get; init; }

    /// <summary>"data" when pop_&lt;level&gt; was given, "age_share" when derived.</summary>
    public required string ResidentsSource { get; init; }

    /// <summary>Pupils from the ward's current residents (school-age residents × enrolment rate).</summary>
    public required decimal ResidentPupils { get; init; }

    /// <summary>Pupils from new urban areas (planned population × phase × places per 1,000 ÷ 1,000 × area share).</summary>
    public required decimal UrbanAreaPupils { get; init; }

    /// <summary>Pupils from industrial zones' worker housing (residents × phase × places per 1,000 ÷ 1,000 × area share).</summary>
    public required decimal IndustrialZonePupils { get; init; }

    /// <summary>Pupils, rounded to whole pupils (half away from zero).</summary>
    public required long Pupils { get; init; }

    /// <summary>Class cap used.</summary>
    public required int ClassCap { get; init; }

    /// <summary>Classes needed: ceil(pupils ÷ class cap).</summary>
    public required long ClassesNeeded { get; init; }

    /// <summary>Rooms per class used.</summary>
    public required decimal RoomRatio { get; init; }

    /// <summary>Rooms needed: ceil(classes × room ratio).</summary>
    public required long RoomsNeeded { get; init; }

    /// <summary>Classrooms of the level's schools in the ward.</summary>
    public required long RoomsAvailable { get; init; }

    /// <summary>Rooms needed − available: positive is a shortage, negative a surplus.</summary>
    public long DeficitRooms => RoomsNeeded - RoomsAvailable;

    /// <summary>Number of schools of the level in the ward.</summary>
    public required int Schools { get; init; }

    /// <summary>Subject rooms the schools with known figures should have: those schools × the per-school minimum.</summary>
    public required long SubjectRoomsRequired { get; init; }

    /// <summary>Subject rooms the schools have (schools without data are left out and counted in <see cref="SubjectRoomsUnknown"/>).</summary>
    public required long SubjectRoomsAvailable { get; init; }

    /// <summary>Sum over schools of their own subject-room shortfall (a surplus in one school does not help another).</summary>
    public required long SubjectRoomsDeficit { get; init; }

    /// <summary>Schools whose subject rooms are unknown.</summary>
    public required int SubjectRoomsUnknown { get; init; }

    /// <summary>
    /// Schools of the level in the data for the ward, of any ownership (<see cref="SchoolDataCoverage"/>); 0 means the
    /// data has none, so <see cref="RoomsAvailable"/> = 0 may be missing data rather than a fact; null when not counted.
    /// </summary>
    public int? SchoolsInData { get; init; }

    /// <summary>"no_school_data" when <see cref="SchoolsInData"/> is 0, "ok" otherwise (<see cref="SchoolDataStatus"/>).</summary>
    public string DataStatus => SchoolDataStatus.Of(SchoolsInData);
}
