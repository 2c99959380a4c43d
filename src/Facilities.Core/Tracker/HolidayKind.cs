namespace Facilities.Core.Tracker;

/// <summary>Why a day is off.</summary>
public enum HolidayKind
{
    /// <summary>A yearly holiday rule (Labour Code 2019 Art. 112(1)).</summary>
    Statutory,

    /// <summary>The working day given off because a holiday fell on a weekly rest day (Art. 111(3)).</summary>
    Substitute,

    /// <summary>A day off set by the year's schedule (a swap, nghỉ hoán đổi).</summary>
    Adjustment,
}
