using Facilities.Core.Tracker;
using Facilities.Core.Tracker.Procedures;
using static Facilities.Core.Tests.Tracker.TrackerData;

namespace Facilities.Core.Tests.Tracker;

/// <summary>
/// Each procedure's deadlines worked out by hand on small cases. 2026 days off that matter: Giỗ Tổ Sun 26/4 made up
/// Mon 27/4; Thu 30/4 and Fri 1/5; Mon 31/8 (swap), Tue 1/9 and Wed 2/9. The day of receipt is not counted.
/// </summary>
public class ProcedureDeadlineTests
{
    private static readonly ProcedureCatalog Catalog = ProcedureCatalog.BuiltIn;

    private static ProcedureState Run(string procedure, CaseSite site, params (string To, DateTimeOffset At)[] moves)
    {
        var definition = Catalog.Find(procedure)!;
        var state = ProcedureState.NotStarted(definition, site, Calendar);
        foreach (var (to, at) in moves)
        {
            state = state.Apply(new ProcedureEvent(state.Version + 1, at, "so.gddt", TrackerRole.CityDepartment, state.Step, to, "", []));
        }

        return state;
    }

    [Fact]
    public void Land_allocation_received_on_24_April_2026_is_due_on_27_May_across_the_April_and_May_holidays()
    {
        // Received Fri 24/4. Counted: Mon 27/4 off (Giỗ Tổ made up); 28, 29/4 (1–2); 30/4, 1/5 off; 4–8/5 (3–7);
        // 11–15/5 (8–12); 18–22/5 (13–17); 25, 26, 27/5 (18–20).
        var state = Run("land_allocation", Xa, ("received", At(2026, 4, 24)));

        Assert.Equal(D(2026, 5, 27), state.DueDate);
        Assert.Equal(2, state.Elapsed(D(2026, 5, 3)));
        Assert.False(state.IsOverdue(D(2026, 5, 27)));
        Assert.True(state.IsOverdue(D(2026, 5, 28)));
        Assert.Equal(LimitUnit.WorkingDays, state.Limit.Unit);
        Assert.Equal("unconfirmed", state.Limit.Status);
    }

    [Fact]
    public void Land_allocation_returned_for_supplement_pauses_the_clock_and_resumes_the_day_after_the_dossier_comes_back()
    {
        // 28, 29/4, 4, 5, 6/5 counted (the return on Wed 6/5 still counts): 5. Back on Mon 11/5, not counted; then
        // 12–15/5 (9), 18–22/5 (14), 25–29/5 (19), Mon 1/6 (20).
        var state = Run("land_allocation", Xa, ("received", At(2026, 4, 24)), ("appraised", At(2026, 5, 4)),
            ("returned_for_supplement", At(2026, 5, 6)), ("appraised", At(2026, 5, 11)));

        Assert.Equal(D(2026, 6, 1), state.DueDate);
        Assert.Equal(5, state.Elapsed(D(2026, 5, 11)));
        Assert.Equal(19, state.Elapsed(D(2026, 5, 29)));
        Assert.Equal(["decided", "returned_for_supplement", "rejected", "withdrawn"], state.AllowedMoves);
    }

    [Fact]
    public void Land_allocation_in_a_dac_khu_has_thirty_working_days()
    {
        // As above to 27/5 (20), then 28, 29/5 (22), 1–5/6 (27), 8, 9, 10/6 (30).
        var state = Run("land_allocation", DacKhu, ("received", At(2026, 4, 24)));

        Assert.Equal(30, state.Limit.Days);
        Assert.Equal(D(2026, 6, 10), state.DueDate);
    }

    [Fact]
    public void A_building_permit_counts_twenty_calendar_days_and_a_last_day_off_moves_to_the_next_working_day()
    {
        // Received Wed 12/8/2026: day 20 is Tue 1/9, a holiday, and 2/9 too: due Thu 3/9.
        var state = Run("building_permit", Xa, ("received", At(2026, 8, 12)));

        Assert.Equal(LimitUnit.CalendarDays, state.Limit.Unit);
        Assert.Equal(D(2026, 9, 3), state.DueDate);
        Assert.Equal(19, state.Elapsed(D(2026, 8, 31)));
        Assert.Equal(22, state.Elapsed(D(2026, 9, 3)));
        Assert.False(state.IsOverdue(D(2026, 9, 3)));
        Assert.True(state.IsOverdue(D(2026, 9, 4)));
    }

    [Fact]
    public void A_building_permit_returned_for_supplement_is_paused_in_calendar_days_too()
    {
        // 13, 14/8 counted (2); returned Fri 14/8, back Mon 24/8 (not counted); 25/8 is day 3, so day 20 is Fri 11/9.
        var state = Run("building_permit", Xa, ("received", At(2026, 8, 12)), ("returned_for_supplement", At(2026, 8, 14)), ("received", At(2026, 8, 24)));

        Assert.Equal(D(2026, 9, 11), state.DueDate);
        Assert.Equal(2, state.Elapsed(D(2026, 8, 24)));
    }

    [Fact]
    public void The_certificate_in_a_dac_khu_keeps_thirty_working_days_and_the_same_due_date_as_the_case_state()
    {
        var moves = new (CaseStep To, DateTimeOffset At)[]
        {
            (CaseStep.Received, At(2026, 2, 10)), (CaseStep.Checked, At(2026, 2, 12)), (CaseStep.FormDecided, At(2026, 2, 24)),
            (CaseStep.FinancialObligations, At(2026, 2, 25)), (CaseStep.Signed, At(2026, 3, 9)),
        };
        foreach (var site in new[] { Xa, DacKhu })
        {
            var legacy = TrackerData.Run(Start(site), City, moves);
            var generic = Run("gcn", site, [.. moves.Select(m => (CaseSteps.Code(m.To), m.At))]);
            Assert.Equal(legacy.DueDate, generic.DueDate);
            Assert.Equal(legacy.TimeLimit.WorkingDays, generic.Limit.Days);
            for (var d = D(2026, 2, 10); d <= D(2026, 5, 1); d = d.AddDays(1))
            {
                Assert.Equal(legacy.ElapsedWorkingDays(d), generic.Elapsed(d));
                Assert.Equal(legacy.IsOverdue(d), generic.IsOverdue(d));
            }
        }

        Assert.Equal(30, Run("gcn", DacKhu).Limit.Days);
    }

    [Fact]
    public void The_certificate_procedure_as_data_is_the_trackers_procedure_exactly()
    {
        var gcn = Catalog.Find("gcn")!;
        Assert.Equal(CaseSteps.All.Select(CaseSteps.Code), gcn.Steps.Select(s => s.Code));
        foreach (var step in CaseSteps.All)
        {
            var settings = Config.Step(step);
            var data = gcn.Step(CaseSteps.Code(step));
            Assert.Equal(settings.Clock, data.Clock);
            Assert.Equal(settings.Name, data.Name);
            Assert.Equal(CaseSteps.IsTerminal(step), data.IsTerminal);
            Assert.Equal(CaseSteps.IsInterruption(step), data.Kind == StepKind.Interruption);
            foreach (var resume in CaseSteps.All.Select(s => (CaseStep?)s).Append(null))
            {
                Assert.Equal(TransitionTable.AllowedFrom(step, resume).Select(CaseSteps.Code),
                    gcn.AllowedFrom(CaseSteps.Code(step), resume is CaseStep r ? CaseSteps.Code(r) : null));
            }
        }

        Assert.Equal(Config.TimeLimits.Keys, gcn.Limits.Keys);
        Assert.All(Config.TimeLimits.Values, l => Assert.Equal((l.WorkingDays, l.Status, l.Source), (gcn.Limits[l.Key].Days, gcn.Limits[l.Key].Status, gcn.Limits[l.Key].Source)));
    }

    [Fact]
    public void Every_limit_carries_its_source_and_status()
    {
        Assert.Equal(["land_allocation", "gcn", "building_permit"], Catalog.Procedures.Select(p => p.Code));
        Assert.All(Catalog.Procedures.SelectMany(p => p.Limits.Values), l =>
        {
            Assert.Contains(l.Status, new[] { "confirmed", "secondary", "unconfirmed" });
            Assert.False(string.IsNullOrWhiteSpace(l.Source));
        });
        Assert.Contains("Art. 102(1)(e)", Catalog.Find("building_permit")!.Limits["default"].Source, StringComparison.Ordinal);
        Assert.Equal(["building_permit"], Catalog.ReadyToBuild);
        Assert.Equal(["building_permit", "land_allocation"], Catalog.NeededToBuild.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_province_file_overrides_a_limit_and_adds_a_procedure_without_a_rebuild()
    {
        var province = Catalog.WithOverrides("""
            {
              "version": "hp-2026.1",
              "procedures": {
                "fire_approval": {
                  "order": 4, "vi": "Thẩm duyệt PCCC", "en": "Fire-safety design approval", "status": "unconfirmed", "source": "test",
                  "requires": [ "land_allocation" ],
                  "time_limits": { "default": { "value": 10, "status": "unconfirmed", "source": "test" } },
                  "steps": {
                    "not_started": { "vi": "Chưa", "en": "Not started", "clock": "stopped", "kind": "start" },
                    "received": { "vi": "Nhận", "en": "Received", "clock": "runs", "office_vi": "Công an thành phố", "office_en": "City police" },
                    "approved": { "vi": "Duyệt", "en": "Approved", "clock": "stopped", "kind": "finish" }
                  },
                  "moves": { "not_started": [ "received" ], "received": [ "approved" ] }
                }
              },
              "ready_to_build": [ "building_permit", "fire_approval" ]
            }
            """, "hp.json");

        Assert.Equal("hp-2026.1", province.Version);
        Assert.Equal(["land_allocation", "gcn", "building_permit", "fire_approval"], province.Procedures.Select(p => p.Code));
        Assert.NotEqual(Catalog.Sha256, province.Sha256);
        var bad = Assert.Throws<FormatException>(() => Catalog.WithOverrides("""{ "version": "x", "procedures": { "gcn": { "vi": "a", "en": "b", "source": "s", "requires": ["nowhere"], "time_limits": { "default": { "value": 5, "source": "s" } }, "steps": { "not_started": { "vi": "a", "en": "b", "clock": "stopped", "kind": "start" }, "done": { "vi": "a", "en": "b", "clock": "stopped", "kind": "finish" } }, "moves": {} } } }""", "bad.json"));
        Assert.Equal("bad.json: procedures.gcn.requires names 'nowhere', not a procedure", bad.Message);
    }

    [Fact]
    public void A_calendar_file_with_an_official_swap_moves_the_certificates_due_date()
    {
        // Received Fri 27/2/2026: without the file 2–6/3 (5), 9–13 (10), 16–20 (15), 23–27/3 (20): due 27/3.
        // With Monday 2/3 swapped off (made up on Saturday 4/4, after the due date): 3–6/3 (4) … 27/3 (19), Mon 30/3 (20).
        var config = Config.WithCalendarFile("""
            {
              "version": "lich-2026",
              "adjustments": {
                "2026-03-02": { "day_off": true, "vi": "Nghỉ hoán đổi", "en": "Swap day off", "status": "confirmed", "source": "test notice" },
                "2026-04-04": { "day_off": false, "vi": "Làm bù", "en": "Make-up day", "status": "confirmed", "source": "test notice" }
              }
            }
            """, "lich.json");
        var calendar = new WorkingCalendar(config.Calendar);
        var before = TrackerData.Run(Start(Xa), City, (CaseStep.Received, At(2026, 2, 27)));
        var after = TrackerData.Run(CaseState.NotStarted(Xa, config, calendar), City, (CaseStep.Received, At(2026, 2, 27)));

        Assert.Equal(D(2026, 3, 27), before.DueDate);
        Assert.Equal(D(2026, 3, 30), after.DueDate);
        Assert.Equal("vn-2026.1+lich-2026", config.Version);
        Assert.False(calendar.IsWorkingDay(D(2026, 3, 2)));
        Assert.True(calendar.IsWorkingDay(D(2026, 4, 4)));
        Assert.Equal(Config.Calendar.Holidays.Count, config.Calendar.Holidays.Count);
    }

    [Theory]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", "2025-Q4")]
    [InlineData("2026-03", "2026-03-01", "2026-03-31", "2026-02")]
    [InlineData("2026", "2026-01-01", "2026-12-31", "2025")]
    [InlineData("2026-01", "2026-01-01", "2026-01-31", "2025-12")]
    public void A_period_is_a_month_a_quarter_or_a_year_with_the_one_before(string text, string start, string end, string previous)
    {
        var p = Facilities.Core.Tracker.Reporting.ReportPeriod.TryParse(text)!;
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (p.Start, p.End));
        Assert.Equal(previous, p.Previous().Label);
        Assert.Null(Facilities.Core.Tracker.Reporting.ReportPeriod.TryParse("2026-Q5"));
        Assert.Null(Facilities.Core.Tracker.Reporting.ReportPeriod.TryParse("Q1-2026"));
    }
}
