using Facilities.Core.Tracker;
using static Facilities.Core.Tests.Tracker.TrackerData;

namespace Facilities.Core.Tests.Tracker;

public class WorkingCalendarTests
{
    [Fact]
    public void TheWeekdaysOff2026AreTheThirteenDaysTheStockExchangesClosed()
    {
        // 1/1 and the swap 2/1; Tết 16–20/2 (29 Chạp to mùng 4); 27/4 for Giỗ Tổ on Sunday 26/4; 30/4, 1/5; the swap 31/8, 1/9, 2/9.
        var weekdaysOff = DaysOfYear(2026).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Calendar.IsWorkingDay(d));

        Assert.Equal(
            [D(2026, 1, 1), D(2026, 1, 2), D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20),
             D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1), D(2026, 8, 31), D(2026, 9, 1), D(2026, 9, 2)],
            weekdaysOff);
    }

    [Fact]
    public void MakeUpSaturdaysOf2026AreWorkingDays()
    {
        Assert.True(Calendar.IsWorkingDay(D(2026, 1, 10)));
        Assert.True(Calendar.IsWorkingDay(D(2026, 8, 22)));
        Assert.False(Calendar.IsWorkingDay(D(2026, 1, 17)));
    }

    [Fact]
    public void AHolidayOnSundayGivesTheMondayOffAsASubstitute()
    {
        var hungKings = Calendar.DaysOff(2026).Where(h => h.Key == "hung_kings").ToList();

        Assert.Equal([(D(2026, 4, 26), HolidayKind.Statutory), (D(2026, 4, 27), HolidayKind.Substitute)],
            hungKings.Select(h => (h.Date, h.Kind)));
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương", hungKings[1].Name.Vi);
    }

    [Fact]
    public void TetStartingOnSaturdayPushesTwoSubstituteDaysPastTheHolidays()
    {
        // Tết 2027 is Saturday 6/2: default days 5/2 (last day of Bính Ngọ), 6, 7, 8, 9/2; Saturday and Sunday are made up
        // on the next days that are neither weekend nor holiday: Wednesday 10/2 and Thursday 11/2.
        Assert.Equal([D(2027, 2, 5), D(2027, 2, 8), D(2027, 2, 9), D(2027, 2, 10), D(2027, 2, 11)],
            DaysOfYear(2027).Where(d => d.Month == 2 && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Calendar.IsWorkingDay(d)));
    }

    [Fact]
    public void SubstituteDaysCanBeSwitchedOff()
    {
        var config = Config.WithOverrides("""
            { "version": "no-substitutes", "calendar": { "substitute_days": { "value": false, "status": "unconfirmed", "source": "test" } } }
            """, "test");
        var calendar = new WorkingCalendar(config.Calendar);

        Assert.True(calendar.IsWorkingDay(D(2026, 4, 27)));
        Assert.True(calendar.IsWorkingDay(D(2027, 2, 10)));
        Assert.False(calendar.IsWorkingDay(D(2027, 2, 9)));
    }

    [Fact]
    public void AProvinceCanMoveTheNationalDayAdjacentDayAndAddAYearsSwaps()
    {
        var config = Config.WithOverrides("""
            { "version": "hp-2027", "calendar": {
                "holidays": { "national_day_adjacent": { "vi": "Quốc khánh (liền kề)", "en": "National Day (adjacent)", "calendar": "solar",
                              "month": 9, "day": 3, "status": "secondary", "source": "test" } },
                "adjustments": { "2027-02-04": { "day_off": true, "vi": "Hoán đổi", "en": "Swap", "status": "secondary", "source": "test" },
                                 "2027-02-11": { "day_off": false, "vi": "Làm việc", "en": "Work", "status": "secondary", "source": "test" } } } }
            """, "test");
        var calendar = new WorkingCalendar(config.Calendar);

        Assert.True(calendar.IsWorkingDay(D(2027, 9, 1)));
        Assert.False(calendar.IsWorkingDay(D(2027, 9, 3)));
        Assert.False(calendar.IsWorkingDay(D(2027, 2, 4)));
        Assert.True(calendar.IsWorkingDay(D(2027, 2, 11)));
        Assert.True(Calendar.IsWorkingDay(D(2027, 2, 4)));
    }

    [Fact]
    public void WorkingDaysAreCountedAfterTheFirstDateUpToAndIncludingTheLast()
    {
        // Fri 13/2/2026 → Mon 23/2/2026 skips the weekend, the five Tết days and the next weekend.
        Assert.Equal(D(2026, 2, 23), Calendar.AddWorkingDays(D(2026, 2, 13), 1));
        Assert.Equal(1, Calendar.CountWorkingDays(D(2026, 2, 13), D(2026, 2, 23)));
        Assert.Equal(0, Calendar.CountWorkingDays(D(2026, 2, 13), D(2026, 2, 22)));
        Assert.Equal(D(2026, 2, 13), Calendar.AddWorkingDays(D(2026, 2, 13), 0));
    }

    [Fact]
    public void InstantsAreDatedInVietnamTime()
    {
        Assert.Equal(D(2026, 2, 11), Calendar.LocalDate(new DateTimeOffset(2026, 2, 10, 18, 30, 0, TimeSpan.Zero)));
        Assert.Equal(D(2026, 2, 10), Calendar.LocalDate(new DateTimeOffset(2026, 2, 10, 16, 59, 0, TimeSpan.Zero)));
    }

    private static IEnumerable<DateOnly> DaysOfYear(int year)
    {
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
