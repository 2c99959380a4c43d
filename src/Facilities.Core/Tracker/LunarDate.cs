namespace Facilities.Core.Tracker;

/// <summary>A date in the Vietnamese lunisolar calendar (âm lịch).</summary>
/// <param name="Year">Lunar year, numbered by the Gregorian year in which its first month (tháng Giêng) begins.</param>
/// <param name="Month">Month 1–12.</param>
/// <param name="Day">Day of the month, 1–30.</param>
/// <param name="IsLeapMonth">Whether the month is the intercalary month (tháng nhuận) repeating <paramref name="Month"/>.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Day:00}/{Month:00}{(IsLeapMonth ? "n" : "")}/{Year}");
}
