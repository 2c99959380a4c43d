using System.Collections.Concurrent;

namespace Facilities.Core.Tracker;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7 (Vietnam has kept UTC+7 since 1968; the Chinese
/// calendar uses UTC+8, which is why Tết 1985 and 2007 differ between the two). Supported for Gregorian years
/// 1901–2199.
/// </summary>
/// <remarks>
/// The rules, as set out by Hồ Ngọc Đức ("Thuật toán tính âm lịch"), are those of the traditional calendar:
/// a month starts on the local day that contains a new moon; month 11 is the month containing the winter solstice;
/// when 13 months separate two months 11, the first of them (after month 11) that contains no major solar term (the
/// Sun's longitude crossing a multiple of 30°) is the leap month and repeats the number of the month before it.
/// This implementation is written from those rules and Meeus' formulas (<see cref="SolarAstronomy"/>); it does not
/// copy Hồ Ngọc Đức's program, which is licensed for non-commercial use only. A day's solar term is judged at 00:00
/// local time, as in his method.
/// </remarks>
public sealed class LunarCalendar
{
    /// <summary>Julian day number minus <see cref="DateOnly.DayNumber"/>, less one (JDN of 2000-01-01 is 2451545).</summary>
    private const int JulianOffset = 1721425;

    private readonly double _utcOffsetHours;
    private readonly ConcurrentDictionary<int, MonthStart[]> _years = new();

    /// <summary>A calendar for the given time zone (hours east of UTC; 7 for Vietnam, 8 gives the Chinese calendar).</summary>
    public LunarCalendar(double utcOffsetHours = 7)
    {
        _utcOffsetHours = utcOffsetHours;
    }

    /// <summary>The Vietnamese calendar (UTC+7).</summary>
    public static LunarCalendar Vietnam { get; } = new(7);

    /// <summary>First supported Gregorian year.</summary>
    public static int FirstYear => SolarAstronomy.FirstYear + 1;

    /// <summary>Last supported Gregorian year.</summary>
    public static int LastYear => SolarAstronomy.LastYear;

    /// <summary>Mùng 1 Tết: the first day of the lunar year that begins in Gregorian <paramref name="year"/>.</summary>
    public DateOnly NewYear(int year) => ToSolar(year, 1, 1);

    /// <summary>The Gregorian date of a lunar date; throws <see cref="ArgumentOutOfRangeException"/> when it does not exist.</summary>
    public DateOnly ToSolar(int lunarYear, int month, int day, bool leapMonth = false)
    {
        if (month is < 1 or > 12 || day is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(month), $"no lunar date {day}/{month}");
        }

        // Months 11 and 12 of lunar year Y lie in the run that starts at month 11 of Gregorian year Y.
        var run = Run(month >= 11 ? lunarYear + 1 : lunarYear);
        for (var i = 0; i < run.Length - 1; i++)
        {
            var m = run[i];
            if (m.LunarYear == lunarYear && m.Month == month && m.IsLeap == leapMonth)
            {
                var length = run[i + 1].DayNumber - m.DayNumber;
                if (day > length)
                {
                    throw new ArgumentOutOfRangeException(nameof(day), $"lunar month {month}/{lunarYear} has {length} days");
                }

                return DateOnly.FromDayNumber(m.DayNumber + day - 1);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(leapMonth), $"lunar year {lunarYear} has no leap month {month}");
    }

    /// <summary>Days in a lunar month (29 or 30); throws <see cref="ArgumentOutOfRangeException"/> when it does not exist.</summary>
    public int DaysInMonth(int lunarYear, int month, bool leapMonth = false)
    {
        var first = ToSolar(lunarYear, month, 1, leapMonth);
        var next = FromSolar(first.AddDays(29));
        return next.Day == 1 ? 29 : 30;
    }

    /// <summary>The lunar date of a Gregorian date.</summary>
    public LunarDate FromSolar(DateOnly date)
    {
        var run = Run(date.Year + 1);
        if (date.DayNumber < run[0].DayNumber)
        {
            run = Run(date.Year);
        }

        for (var i = run.Length - 2; i >= 0; i--)
        {
            if (run[i].DayNumber <= date.DayNumber)
            {
                return new LunarDate(run[i].LunarYear, run[i].Month, date.DayNumber - run[i].DayNumber + 1, run[i].IsLeap);
            }
        }

        throw new InvalidOperationException($"no lunar month found for {date:yyyy-MM-dd}");
    }

    /// <summary>
    /// The months from month 11 of Gregorian year <paramref name="year"/> − 1 up to month 11 of <paramref name="year"/>,
    /// plus that closing month 11 as an end marker.
    /// </summary>
    private MonthStart[] Run(int year)
    {
        if (year < FirstYear || year > LastYear + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"the lunar calendar is computed for {FirstYear}–{LastYear} only");
        }

        return _years.GetOrAdd(year, BuildRun);
    }

    private MonthStart[] BuildRun(int year)
    {
        var first = Month11(year - 1);
        var last = Month11(year);
        var count = last - first;
        var leap = -1;
        if (count == 13)
        {
            for (var i = 1; i < 13; i++)
            {
                if (Sector(NewMoonDay(first + i)) == Sector(NewMoonDay(first + i + 1)))
                {
                    leap = i;
                    break;
                }
            }
        }

        if (count is not (12 or 13) || (count == 13 && leap < 0))
        {
            throw new InvalidOperationException($"lunar year {year}: {count} months between the two months 11 and no leap month found");
        }

        var run = new MonthStart[count + 1];
        var number = 11;
        var lunarYear = year - 1;
        for (var i = 0; i <= count; i++)
        {
            var isLeap = i == leap;
            if (i > 0 && !isLeap)
            {
                number = (number % 12) + 1;
                lunarYear = number == 1 ? year : lunarYear;
            }

            run[i] = new MonthStart(NewMoonDay(first + i), lunarYear, number, isLeap);
        }

        return run;
    }

    /// <summary>The number k of the new moon that starts month 11 (the month containing the winter solstice) of <paramref name="year"/>.</summary>
    private int Month11(int year)
    {
        var k = SolarAstronomy.NewMoonIndexBefore(DateOnly.FromDateTime(new DateTime(year, 12, 31)).DayNumber + JulianOffset);
        while (SunLongitudeAtStart(NewMoonDay(k)) >= 270)
        {
            k--;
        }

        while (SunLongitudeAtStart(NewMoonDay(k + 1)) < 270)
        {
            k++;
        }

        return k;
    }

    /// <summary>The local day (as a <see cref="DateOnly.DayNumber"/>) containing new moon <paramref name="k"/>.</summary>
    private int NewMoonDay(int k) =>
        (int)Math.Floor(SolarAstronomy.NewMoonUt(k) + 0.5 + (_utcOffsetHours / 24.0)) - JulianOffset - 1;

    /// <summary>The Sun's longitude at 00:00 local time on the given day.</summary>
    private double SunLongitudeAtStart(int dayNumber) =>
        SolarAstronomy.SunLongitude(dayNumber + JulianOffset + 0.5 - (_utcOffsetHours / 24.0));

    private int Sector(int dayNumber) => (int)(SunLongitudeAtStart(dayNumber) / 30.0);

    private readonly record struct MonthStart(int DayNumber, int LunarYear, int Month, bool IsLeap);
}
