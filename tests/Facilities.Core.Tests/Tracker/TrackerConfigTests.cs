using Facilities.Core.Tracker;
using static Facilities.Core.Tests.Tracker.TrackerData;

namespace Facilities.Core.Tests.Tracker;

public class TrackerConfigTests
{
    [Fact]
    public void TheBuiltInLimitsAreTwentyWorkingDaysAndThirtyInADacKhu()
    {
        Assert.Equal(20, Config.TimeLimitFor(Xa).WorkingDays);
        Assert.Equal(20, Config.TimeLimitFor(Xa with { UnitType = "phuong" }).WorkingDays);
        Assert.Equal(30, Config.TimeLimitFor(DacKhu).WorkingDays);
        Assert.Equal("1.012753", Config.Procedure.Code);
    }

    [Fact]
    public void EveryBuiltInValueCarriesAStatusAndASource()
    {
        string[] statuses = ["confirmed", "secondary", "unconfirmed"];
        List<(string Status, string Source)> entries = Config.Steps.Select(s => (s.Status, s.Source))
            .Concat(Config.TimeLimits.Values.Select(l => (l.Status, l.Source)))
            .Concat(Config.Calendar.Holidays.Values.Select(h => (h.Status, h.Source)))
            .Concat(Config.Calendar.Adjustments.Values.Select(a => (a.Status, a.Source)))
            .Append((Config.Calendar.SubstituteStatus, Config.Calendar.SubstituteSource))
            .ToList();

        Assert.All(entries, e => Assert.Contains(e.Status, statuses));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
    }

    [Fact]
    public void FinancialObligationsReturnedAndSuspendedPauseTheClockAndEndsStopIt()
    {
        Assert.Equal(
            [CaseStep.FinancialObligations, CaseStep.ReturnedForSupplement, CaseStep.Suspended],
            Config.Steps.Where(s => s.Clock == StepClock.Paused).Select(s => s.Step));
        Assert.Equal(
            [CaseStep.NotStarted, CaseStep.HandedOver, CaseStep.Rejected, CaseStep.Withdrawn],
            Config.Steps.Where(s => s.Clock == StepClock.Stopped).Select(s => s.Step));
    }

    [Fact]
    public void AProvinceFileOverridesNamesAndLimitsAndKeepsEverythingElse()
    {
        var province = Config.WithOverrides("""
            { "version": "hai-phong-2026.1",
              "steps": { "received": { "vi": "Tiếp nhận hồ sơ" } },
              "time_limits": { "commune.31001": { "value": 25, "status": "secondary", "source": "QĐ UBND thành phố (test)" } } }
            """, "province.json");

        Assert.Equal("hai-phong-2026.1", province.Version);
        Assert.NotEqual(Config.Sha256, province.Sha256);
        Assert.Equal("Tiếp nhận hồ sơ", province.StepName(CaseStep.Received).Vi);
        Assert.Equal("Dossier received", province.StepName(CaseStep.Received).En);
        Assert.Equal(StepClock.Runs, province.ClockAt(CaseStep.Received));
        Assert.Equal(25, province.TimeLimitFor(Xa).WorkingDays);
        Assert.Equal(20, province.TimeLimitFor(Xa with { CommuneCode = "31002" }).WorkingDays);
        Assert.Equal(30, province.TimeLimitFor(DacKhu).WorkingDays);
    }

    [Theory]
    [InlineData("""{ "version": "x", "steps": { "handed_over": { "clock": "runs" } } }""", "steps.handed_over.clock")]
    [InlineData("""{ "version": "x", "steps": { "checked": { "clock": "stopped" } } }""", "steps.checked.clock")]
    [InlineData("""{ "version": "x", "steps": { "archived": { "vi": "a" } } }""", "steps.archived")]
    [InlineData("""{ "version": "x", "time_limits": { "default": { "value": 0, "source": "s" } } }""", "time_limits.default")]
    [InlineData("""{ "version": "x", "time_limits": { "default": { "value": 15, "status": "sure", "source": "s" } } }""", "time_limits.default.status")]
    [InlineData("""{ "version": "x", "time_limits": { "default": { "value": 15 } } }""", "time_limits.default.source")]
    [InlineData("""{ "version": "x", "calendar": { "holidays": { "h": { "vi": "a", "en": "a", "calendar": "lunar", "month": 13, "day": 1, "source": "s" } } } }""", "calendar.holidays.h")]
    [InlineData("""{ "version": "x", "calendar": { "adjustments": { "2026-02-30": { "day_off": true } } } }""", "calendar.adjustments.2026-02-30")]
    [InlineData("""{ "version": "x", "calendar": { "weekly_rest_days": [ "caturday" ] } }""", "calendar.weekly_rest_days")]
    public void ABadProvinceFileIsRefusedNamingTheEntry(string json, string entry)
    {
        var error = Assert.Throws<FormatException>(() => Config.WithOverrides(json, "province.json"));

        Assert.StartsWith("province.json: " + entry, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACompleteFileMustNameEveryStep()
    {
        var error = Assert.Throws<FormatException>(() => TrackerConfig.Parse("""
            { "version": "x", "procedure": { "code": "1", "vi": "a", "en": "a", "source": "s" },
              "time_limits": { "default": { "value": 20, "source": "s" } },
              "calendar": { "substitute_days": { "value": true, "source": "s" } } }
            """, "full.json"));

        Assert.Equal("full.json: steps.not_started is missing", error.Message);
    }

    [Fact]
    public void TheBuiltInTextParsesToTheSameConfiguration()
    {
        var again = TrackerConfig.Parse(TrackerConfig.BuiltInText, "copy");

        Assert.Equal(Config.Sha256, again.Sha256);
        Assert.Equal(Config.Steps, again.Steps);
        Assert.Equal(Config.TimeLimits, again.TimeLimits);
    }
}
