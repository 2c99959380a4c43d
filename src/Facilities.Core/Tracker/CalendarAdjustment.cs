using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>
/// One day the Government's yearly schedule sets differently from the rules: a swapped day off (nghỉ hoán đổi) or a
/// make-up working day (làm bù), usually a Saturday. It overrides every rule for that date.
/// </summary>
/// <param name="Date">The date.</param>
/// <param name="DayOff">True: no work that day; false: a working day even if a weekend or holiday.</param>
/// <param name="Name">Why, in Vietnamese and English.</param>
/// <param name="Status">confirmed, secondary or unconfirmed.</param>
/// <param name="Source">The decision or notice.</param>
public sealed record CalendarAdjustment(DateOnly Date, bool DayOff, LocalizedText Name, string Status, string Source);
