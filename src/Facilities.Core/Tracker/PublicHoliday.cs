using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>A day off other than the weekly rest days (a holiday on a weekend is listed too, with its substitute).</summary>
/// <param name="Date">The date.</param>
/// <param name="Key">The holiday rule's key ("tet", ...), or the adjustment's date for a swap.</param>
/// <param name="Name">Name in Vietnamese and English.</param>
/// <param name="Kind">Statutory, substitute or adjustment.</param>
/// <param name="Status">confirmed, secondary or unconfirmed.</param>
/// <param name="Source">The regulation or decision.</param>
public sealed record PublicHoliday(DateOnly Date, string Key, LocalizedText Name, HolidayKind Kind, string Status, string Source);
