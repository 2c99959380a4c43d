using System.Globalization;
using Facilities.Core.Tracker;

namespace Facilities.Core.Tests.Tracker;

public class LunarCalendarTests
{
    private static readonly LunarCalendar Vn = LunarCalendar.Vietnam;

    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    public void TetFallsOnTheKnownDates(int year, string tet) =>
        Assert.Equal(DateOnly.Parse(tet, CultureInfo.InvariantCulture), Vn.NewYear(year));

    [Theory]
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    public void TetDiffersFromTheChineseNewYearWhereUtcPlusSevenMovesTheNewMoon(int year, string vietnam, string china)
    {
        Assert.Equal(DateOnly.Parse(vietnam, CultureInfo.InvariantCulture), Vn.NewYear(year));
        Assert.Equal(DateOnly.Parse(china, CultureInfo.InvariantCulture), new LunarCalendar(8).NewYear(year));
    }

    [Theory]
    [InlineData(2023, "2023-04-29")] // after the leap second month of Quý Mão
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    public void HungKingsDayIsTheTenthOfTheThirdLunarMonth(int year, string date) =>
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), Vn.ToSolar(year, 3, 10));

    [Fact]
    public void LeapMonthsAreFoundAndNumberedAfterTheMonthTheyRepeat()
    {
        Assert.Equal(new LunarDate(2023, 2, 1, true), Vn.FromSolar(new DateOnly(2023, 3, 22)));
        Assert.Equal(new LunarDate(2025, 6, 1, true), Vn.FromSolar(new DateOnly(2025, 7, 25)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vn.ToSolar(2026, 3, 1, leapMonth: true));
    }

    [Fact]
    public void TheLastDayOfTheYearIsTheTwentyNinthWhenTheTwelfthMonthIsShort()
    {
        // Ất Tỵ had no "30 Tết": 16/2/2026 was 29 tháng Chạp; Giáp Thìn ended on 29 too (28/1/2025).
        Assert.Equal(new LunarDate(2025, 12, 29, false), Vn.FromSolar(new DateOnly(2026, 2, 16)));
        Assert.Equal(new LunarDate(2024, 12, 29, false), Vn.FromSolar(new DateOnly(2025, 1, 28)));
        Assert.Equal(29, Vn.DaysInMonth(2025, 12));
        Assert.Equal(new LunarDate(2023, 12, 30, false), Vn.FromSolar(new DateOnly(2024, 2, 9)));
    }

    [Fact]
    public void EveryDayFrom2000To2100RoundTripsThroughTheLunarDate()
    {
        for (var day = new DateOnly(2000, 1, 1); day.Year <= 2100; day = day.AddDays(1))
        {
            var lunar = Vn.FromSolar(day);
            Assert.Equal(day, Vn.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth));
        }
    }

    [Fact]
    public void AtUtcPlusEightItMatchesDotNetsChineseCalendarFrom1930To2100ExceptTheMidnightNewMoonOf2057()
    {
        // Independent check of the astronomy: .NET's ChineseLunisolarCalendar is a published table. The one
        // difference is month 9 of 2057, whose new moon falls about 10 s before midnight at UTC+8.
        var table = new ChineseLunisolarCalendar();
        var china = new LunarCalendar(8);
        var differences = new List<string>();
        for (var year = 1930; year <= 2100; year++)
        {
            var leap = table.GetLeapMonth(year);
            for (var m = 1; m <= table.GetMonthsInYear(year); m++)
            {
                var month = leap > 0 && m >= leap ? m - 1 : m;
                var expected = DateOnly.FromDateTime(table.ToDateTime(year, m, 1, 0, 0, 0, 0));
                if (china.ToSolar(year, month, 1, m == leap) != expected)
                {
                    differences.Add($"{year}-{month}{(m == leap ? "n" : "")}");
                }
            }
        }

        Assert.Equal(["2057-9"], differences);
    }

    [Fact]
    public void YearsOutsideTheSupportedRangeAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Vn.NewYear(1900));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vn.FromSolar(new DateOnly(2200, 6, 1)));
    }
}
