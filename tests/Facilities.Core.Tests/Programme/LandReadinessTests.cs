using Facilities.Core.Programme;
using Facilities.Core.Tracker;

namespace Facilities.Core.Tests.Programme;

public class LandReadinessTests
{
    private static readonly CaseSite Site = new("S1", "31234", "phuong");

    [Fact]
    public void A_site_with_its_certificate_may_start_in_the_first_year()
    {
        var ready = LandReadiness.Of(true, null, Site, TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn, new DateOnly(2026, 12, 3), 2026);

        Assert.Equal(2026, ready.EarliestStart);
        Assert.False(ready.Overdue);
    }

    [Fact]
    public void A_site_without_a_case_waits_for_the_whole_procedure_and_a_certificate_late_in_the_year_starts_the_next()
    {
        // 20 working days from Thursday 3 December 2026 (no holiday in between): 4 weeks on, Thursday 31 December.
        var ready = LandReadiness.Of(false, null, Site, TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn, new DateOnly(2026, 12, 3), 2026);

        Assert.Equal(new DateOnly(2026, 12, 31), ready.ReadyOn);
        Assert.Equal(2027, ready.EarliestStart);
        Assert.Contains("20", ready.Status);
    }

    [Fact]
    public void A_certificate_in_the_first_half_of_a_year_lets_construction_start_that_year()
    {
        Assert.Equal(2027, LandReadiness.StartYear(new DateOnly(2027, 6, 30), 2026));
        Assert.Equal(2028, LandReadiness.StartYear(new DateOnly(2027, 7, 1), 2026));
        Assert.Equal(2026, LandReadiness.StartYear(new DateOnly(2025, 3, 1), 2026));
    }
}
