using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>
/// A public holiday that recurs every year: a solar or lunar month and day, widened to the days
/// <paramref name="FromOffset"/>..<paramref name="ToOffset"/> around it (Tết: −1..3 is the last day of the old
/// year and the first four of the new one).
/// </summary>
/// <param name="Key">Identifier, e.g. "tet".</param>
/// <param name="Name">Name in Vietnamese and English.</param>
/// <param name="Lunar">True for a date of the Vietnamese lunar calendar (non-leap month), false for Gregorian.</param>
/// <param name="Month">Month 1–12.</param>
/// <param name="Day">Day of the month.</param>
/// <param name="FromOffset">First day off relative to the date (0 or negative).</param>
/// <param name="ToOffset">Last day off relative to the date (0 or positive).</param>
/// <param name="Status">confirmed, secondary or unconfirmed.</param>
/// <param name="Source">The regulation.</param>
public sealed record HolidayRule(
    string Key, LocalizedText Name, bool Lunar, int Month, int Day, int FromOffset, int ToOffset, string Status, string Source);
