namespace Facilities.Core.Programme;

/// <summary>What a programme action builds.</summary>
public enum ActionKind
{
    /// <summary>A new school on a candidate site (one of the size options of that site).</summary>
    NewSchool,

    /// <summary>New classrooms on an existing school's site, within its land headroom.</summary>
    Extension,

    /// <summary>Rebuilding a school's temporary or degraded rooms as standard classrooms (data fields temporary_rooms, degraded_rooms).</summary>
    Replacement,

    /// <summary>A school an urban-area investor must build and hand over in its phase year (no public money, always taken).</summary>
    Handover,
}
