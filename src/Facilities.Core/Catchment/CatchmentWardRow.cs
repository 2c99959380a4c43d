namespace Facilities.Core.Catchment;

/// <summary>One ward at one level under the catchment method.</summary>
public sealed record CatchmentWardRow
{
    /// <summary>Ward code.</summary>
    public required string WardCode { get; init; }

    /// <summary>Ward name.</summary>
    public required string WardName { get; init; }

    /// <summary>phuong, xa or dac_khu.</summary>
    public required string UnitType { get; init; }

    /// <summary>Level.</summary>
    public required string Level { get; init; }

    /// <summary>Target year.</summary>
    public required int Year { get; init; }

    /// <summary>Pupils living in the ward (fractional: the same sum as the admin method before rounding).</summary>
    public required double Pupils { get; init; }

    /// <summary>Pupils allocated to some school within reach.</summary>
    public required double Allocated { get; init; }

    /// <summary>Pupils without a seat at a school within the service radius: beyond reach, or turned away by full schools (capacity-limited).</summary>
    public required double Unserved { get; init; }

    /// <summary>
    /// Of the pupils, those with no school of the level within the service radius (part of <see cref="Unserved"/>):
    /// the model still sends them to their nearest school, so school loads keep them.
    /// </summary>
    public required double BeyondReach { get; init; }

    /// <summary>Of <see cref="BeyondReach"/>, pupils seated at their nearest school (all of them without capacity limit).</summary>
    public required double FarAssigned { get; init; }

    /// <summary>Share of the ward's pupils within reach of some school: 1 − beyond reach ÷ pupils (1 without pupils).</summary>
    public double WithinReachShare => Pupils > 0 ? 1 - (BeyondReach / Pupils) : 1;

    /// <summary>Classes the unserved pupils need: ceil(round(unserved) ÷ class cap).</summary>
    public required long ClassesNeeded { get; init; }

    /// <summary>Rooms the unserved pupils need: ceil(classes × room ratio).</summary>
    public required long RoomsNeeded { get; init; }

    /// <summary>Classrooms of the level's schools inside the ward (for comparison; they may serve other wards).</summary>
    public required long RoomsAvailable { get; init; }

    /// <summary>E2SFCA accessibility: school places per pupil within reach, pupil-weighted mean over the ward's points.</summary>
    public required double Accessibility { get; init; }

    /// <summary>
    /// Schools of the level in the data for the ward, of any ownership; 0 means the ward has none in the data, so its
    /// unserved pupils may be missing data (schools across the line still serve it); null when not counted.
    /// </summary>
    public int? SchoolsInData { get; init; }

    /// <summary>"no_school_data" when <see cref="SchoolsInData"/> is 0, "ok" otherwise.</summary>
    public string DataStatus => Deficit.SchoolDataStatus.Of(SchoolsInData);
}
