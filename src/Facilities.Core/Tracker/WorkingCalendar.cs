using System.Collections.Concurrent;
using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>
/// Working days of Vietnamese state agencies: every day except the weekly rest days (Saturday, Sunday), the public
/// holidays of Labour Code 2019 Art. 112(1) (Tết and Giỗ Tổ from the lunar calendar), the substitute days of
/// Art. 111(3) and the days a yearly schedule swaps (<see cref="CalendarAdjustment"/>). Dates only; an instant is
/// dated in local time with <see cref="LocalDate"/>.
/// </summary>
public sealed class WorkingCalendar
{
    private const int MaxSpan = 100_000;
    private readonly ConcurrentDictionary<int, YearDays> _years = new();

    /// <summary>A calendar following <paramref name="rules"/>.</summary>
    public WorkingCalendar(CalendarRules rules)
    {
        Rules = rules;
        Lunar = new LunarCalendar(rules.UtcOffset.TotalHours);
    }

    /// <summary>The calendar of the built-in configuration.</summary>
    public static WorkingCalendar BuiltIn { get; } = new(TrackerConfig.BuiltIn.Calendar);

    /// <summary>The rules this calendar follows.</summary>
    public CalendarRules Rules { get; }

    /// <summary>The lunar calendar used for Tết and Giỗ Tổ.</summary>
    public LunarCalendar Lunar { get; }

    /// <summary>The local calendar date of an instant (UTC+7 by default).</summary>
    public DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Rules.UtcOffset).DateTime);

    /// <summary>Whether the supported date range (the lunar calendar's, 1901–2199) contains <paramref name="date"/>.</summary>
    public static bool Supports(DateOnly date) => date.Year >= LunarCalendar.FirstYear && date.Year <= LunarCalendar.LastYear;

    /// <summary>Every day off in a year other than plain weekly rest days, in date order.</summary>
    public IReadOnlyList<PublicHoliday> DaysOff(int year) => Year(year).Off;

    /// <summary>Whether agencies work on this date.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var y = Year(date.Year);
        return y.Working.Contains(date) || (!y.OffDates.Contains(date) && !Rules.WeeklyRestDays.Contains(date.DayOfWeek));
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="start"/> (start itself for 0).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = start;
        for (var left = count; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="after"/> up to and including <paramref name="through"/> (0 if none).</summary>
    public int CountWorkingDays(DateOnly after, DateOnly through)
    {
        if (through.DayNumber - after.DayNumber > MaxSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(through), "span too long");
        }

        var count = 0;
        for (var day = after.AddDays(1); day <= through; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    private YearDays Year(int year)
    {
        if (year < LunarCalendar.FirstYear || year > LunarCalendar.LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"working days are computed for {LunarCalendar.FirstYear}–{LunarCalendar.LastYear} only");
        }

        return _years.GetOrAdd(year, Build);
    }

    private YearDays Build(int year)
    {
        // Rules for the neighbouring years too, so a holiday or substitute day that crosses New Year lands right.
        var statutory = new SortedDictionary<DateOnly, PublicHoliday>();
        for (var y = Math.Max(year - 1, LunarCalendar.FirstYear); y <= Math.Min(year + 1, LunarCalendar.LastYear); y++)
        {
            foreach (var rule in Rules.Holidays.Values)
            {
                var date = RuleDate(rule, y);
                for (var offset = rule.FromOffset; offset <= rule.ToOffset; offset++)
                {
                    statutory.TryAdd(date.AddDays(offset),
                        new PublicHoliday(date.AddDays(offset), rule.Key, rule.Name, HolidayKind.Statutory, rule.Status, rule.Source));
                }
            }
        }

        var all = new SortedDictionary<DateOnly, PublicHoliday>(statutory);
        if (Rules.SubstituteDays)
        {
            foreach (var holiday in statutory.Values.Where(h => Rules.WeeklyRestDays.Contains(h.Date.DayOfWeek)))
            {
                var day = holiday.Date.AddDays(1);
                while (Rules.WeeklyRestDays.Contains(day.DayOfWeek) || all.ContainsKey(day))
                {
                    day = day.AddDays(1);
                }

                all[day] = new PublicHoliday(day, holiday.Key,
                    new LocalizedText("Nghỉ bù " + holiday.Name.Vi, "Substitute day for " + holiday.Name.En),
                    HolidayKind.Substitute, Rules.SubstituteStatus, Rules.SubstituteSource);
            }
        }

        var working = new HashSet<DateOnly>();
        foreach (var a in Rules.Adjustments.Values.Where(a => a.Date.Year == year))
        {
            if (a.DayOff)
            {
                all[a.Date] = new PublicHoliday(a.Date, a.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    a.Name, HolidayKind.Adjustment, a.Status, a.Source);
            }
            else
            {
                all.Remove(a.Date);
                working.Add(a.Date);
            }
        }

        var off = all.Values.Where(h => h.Date.Year == year).ToList();
        return new YearDays(off, off.Select(h => h.Date).ToHashSet(), working);
    }

    private DateOnly RuleDate(HolidayRule rule, int year)
    {
        if (!rule.Lunar)
        {
            return new DateOnly(year, rule.Month, Math.Min(rule.Day, DateTime.DaysInMonth(year, rule.Month)));
        }

        // A lunar day 30 in a 29-day month falls on the month's last day (so "30 Tết" means the last day of the year).
        return Lunar.ToSolar(year, rule.Month, Math.Min(rule.Day, Lunar.DaysInMonth(year, rule.Month)));
    }

    private sealed record YearDays(IReadOnlyList<PublicHoliday> Off, HashSet<DateOnly> OffDates, HashSet<DateOnly> Working);
}
