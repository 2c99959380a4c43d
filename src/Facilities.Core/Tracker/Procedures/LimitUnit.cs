namespace Facilities.Core.Tracker.Procedures;

/// <summary>How a procedure's statutory limit counts days.</summary>
public enum LimitUnit
{
    /// <summary>Working days of state agencies (the land procedures).</summary>
    WorkingDays,

    /// <summary>
    /// Calendar days ("20 ngày", the building permit); a last day that is not a working day moves to the next working
    /// day (Civil Code 2015 Art. 148).
    /// </summary>
    CalendarDays,
}
