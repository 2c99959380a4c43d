namespace Facilities.Core.Tracker;

/// <summary>The working-day rules: weekly rest days, yearly holidays, substitute days and per-date adjustments.</summary>
/// <param name="UtcOffset">Local time of the agencies (UTC+7 in Vietnam); event instants are dated in it.</param>
/// <param name="WeeklyRestDays">Days with no work every week (Saturday and Sunday for state agencies).</param>
/// <param name="Holidays">Yearly holidays by key.</param>
/// <param name="SubstituteDays">Whether a holiday on a weekly rest day gives the next working day off.</param>
/// <param name="SubstituteStatus">confirmed, secondary or unconfirmed.</param>
/// <param name="SubstituteSource">The regulation for substitute days.</param>
/// <param name="Adjustments">Dates set by a yearly schedule, by date.</param>
public sealed record CalendarRules(
    TimeSpan UtcOffset,
    IReadOnlySet<DayOfWeek> WeeklyRestDays,
    IReadOnlyDictionary<string, HolidayRule> Holidays,
    bool SubstituteDays,
    string SubstituteStatus,
    string SubstituteSource,
    IReadOnlyDictionary<DateOnly, CalendarAdjustment> Adjustments);
