using Facilities.Core.Tracker;
using Facilities.Core.Tracker.Procedures;
using Facilities.Core.Tracker.Reporting;

// Each test has its own store; the test-cancellation token is not threaded through every store call.
#pragma warning disable xUnit1051

namespace Facilities.Testing.Tracker;

/// <summary>
/// The chain of procedures on a store, run against SQLite and PostgreSQL (compiled into both test projects): the
/// migration keeps today's certificate histories byte for byte, the other procedures' events are stored, the permit
/// waits for the land, and the periodic report's figures equal an independent recomputation from the raw rows.
/// </summary>
public abstract class ProcedureStoreContract
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static readonly TrackerUser City = new("so_gd", TrackerRole.CityDepartment);
    private static readonly CaseSite A = new("TH-A", "11111", "phuong");
    private static readonly CaseSite B = new("TH-B", "22222", "xa");
    private static readonly CaseSite C = new("TH-C", "11111", "phuong");
    private static readonly CaseSite D = new("TH-D", "22222", "xa");

    /// <summary>One stored event as read by plain SQL: the local (UTC+7) date computed outside the tracker's code.</summary>
    protected sealed record RawRow(string CaseId, string Commune, string Procedure, int Seq, DateOnly LocalDate, string To);

    /// <summary>Opens the store named <paramref name="key"/> (the same key, the same data), with migrations up to <paramref name="version"/> only when given.</summary>
    protected abstract ICaseStore OpenStore(string key, int? version = null);

    /// <summary>Every row of <c>cases</c> and <c>case_events</c>, every column as the database returns it, as text.</summary>
    protected abstract Task<string> DumpGcnTablesAsync(string key);

    /// <summary>Every event of every procedure (gcn from case_events) with its commune, by plain SQL.</summary>
    protected abstract Task<IReadOnlyList<RawRow>> RawRowsAsync(string key);

    /// <summary>The migrations applied to the store.</summary>
    protected abstract IReadOnlyList<int> Applied(ICaseStore store);

    private static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, Vn);

    private static ChainService Chains(ICaseStore store, DateTimeOffset now) =>
        new(new CaseService(store, TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn, new FixedClock(now)), store, (IProcedureStore)store, ProcedureCatalog.BuiltIn);

    [Fact]
    public async Task Todays_certificate_cases_keep_their_history_byte_for_byte_through_migration_3()
    {
        var key = "m" + Guid.NewGuid().ToString("N")[..8];
        string before;
        IReadOnlyList<CaseEvent> eventsBefore;
        using (var old = OpenStore(key, version: 2))
        {
            Assert.Equal([1, 2], Applied(old));
            var service = new CaseService(old, TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn, new FixedClock(At(12, 1)));
            foreach (var (to, at, note) in new[]
            {
                (CaseStep.Received, At(3, 2), "nộp <b>hồ sơ</b>; DROP TABLE x; --"),
                (CaseStep.Checked, At(3, 4, 15), "Hòa / Hoà"),
                (CaseStep.ReturnedForSupplement, At(3, 5), ""),
                (CaseStep.Checked, At(3, 9), "bổ sung"),
            })
            {
                Assert.True((await service.AdvanceAsync(City, A, new TransitionRequest(to, at, note, ["biên bản.pdf"]))).Accepted);
            }

            Assert.True((await service.AdvanceAsync(City, C, new TransitionRequest(CaseStep.Received, new DateTimeOffset(2026, 3, 3, 1, 30, 0, TimeSpan.Zero)))).Accepted);
            eventsBefore = await old.LoadEventsAsync(A.SiteId);
        }

        before = await DumpGcnTablesAsync(key);
        using var migrated = OpenStore(key);
        Assert.Equal([1, 2, 3, 4], Applied(migrated));
        Assert.Equal(before, await DumpGcnTablesAsync(key));
        Assert.Equal(eventsBefore, await migrated.LoadEventsAsync(A.SiteId));
        var chain = await Chains(migrated, At(12, 1)).LoadAsync(A);
        Assert.Equal(eventsBefore.Select(ProcedureEvent.FromCase), chain[ProcedureCatalog.Gcn].Events);
        Assert.Equal("checked", chain[ProcedureCatalog.Gcn].Step);
        Assert.Equal("not_started", chain["land_allocation"].Step);
    }

    [Fact]
    public async Task The_permit_waits_for_the_land_and_starts_once_the_land_is_handed_over()
    {
        using var store = OpenStore("w" + Guid.NewGuid().ToString("N")[..8]);
        var chains = Chains(store, At(12, 1));
        async Task<ProcedureOutcome> Move(string procedure, string to, DateTimeOffset at, int version) =>
            await chains.AdvanceAsync(City, B, procedure, to, at, "", [], version, At(12, 1));

        Assert.True((await Move("land_allocation", "received", At(4, 24), 0)).Accepted);
        var early = await Move("building_permit", "received", At(4, 28), 0);
        Assert.Equal(RefusalKind.NotAllowed, early.Refusal);
        Assert.Contains("Giao đất", early.Message.Vi, StringComparison.Ordinal);
        Assert.Empty(await ((IProcedureStore)store).LoadProcedureEventsAsync(B.SiteId, "building_permit"));

        // Planned on 4/5/2026: the land is due on 27/5 (hand-computed in ProcedureDeadlineTests), the permit can start then
        // and, 20 calendar days later, ends on 16/6 (a Tuesday): the ready-to-build date, on the critical path land → permit.
        var (_, plan) = await chains.ReadAsync(City, B, new DateOnly(2026, 5, 4));
        Assert.Equal(new DateOnly(2026, 5, 27), plan!.Link("land_allocation").ExpectedFinish);
        Assert.Equal(new DateOnly(2026, 5, 27), plan.Link("building_permit").ExpectedStart);
        Assert.Equal(["land_allocation"], plan.Link("building_permit").WaitingFor);
        Assert.Equal(new DateOnly(2026, 6, 16), plan.ReadyToBuild);
        Assert.Equal(["land_allocation", "building_permit"], plan.CriticalPath);
        Assert.Equal("land_allocation", plan.Stage);

        Assert.True((await Move("land_allocation", "appraised", At(5, 4), 1)).Accepted);
        Assert.True((await Move("land_allocation", "decided", At(5, 11), 2)).Accepted);
        Assert.True((await Move("land_allocation", "handed_over", At(5, 15), 3)).Accepted);
        var started = await Move("building_permit", "received", At(5, 18), 0);
        Assert.True(started.Accepted, started.Message.En);

        // Received Monday 18/5: day 20 is Sunday 7/6, so the permit is due Monday 8/6, and the site is ready to build then.
        var (_, after) = await chains.ReadAsync(City, B, new DateOnly(2026, 5, 18));
        Assert.Equal(new DateOnly(2026, 6, 8), after!.Link("building_permit").ExpectedFinish);
        Assert.Equal(new DateOnly(2026, 6, 8), after.ReadyToBuild);
        Assert.Equal("gcn", after.Stage);
        var stored = await ((IProcedureStore)store).LoadProcedureEventsAsync(B.SiteId, "land_allocation");
        Assert.Equal(["received", "appraised", "decided", "handed_over"], stored.Select(e => e.To));
        Assert.Equal([1, 2, 3, 4], stored.Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_report_figures_equal_an_independent_recomputation_from_the_raw_events()
    {
        var key = "r" + Guid.NewGuid().ToString("N")[..8];
        using var store = OpenStore(key);
        var chains = Chains(store, At(12, 1));
        async Task Go(CaseSite site, string procedure, params (string To, DateTimeOffset At)[] moves)
        {
            var version = 0;
            foreach (var (to, at) in moves)
            {
                var o = await chains.AdvanceAsync(City, site, procedure, to, at, "", [], version++, At(12, 1));
                Assert.True(o.Accepted, $"{site.SiteId} {procedure} {to}: {o.Message.En}");
            }
        }

        await Go(A, "gcn", ("received", At(3, 2)), ("checked", At(3, 4)), ("form_decided", At(3, 9)), ("signed", At(3, 11)), ("handed_over", At(3, 13)));
        await Go(B, "land_allocation", ("received", At(2, 5)), ("appraised", At(3, 2)), ("decided", At(3, 10)), ("handed_over", At(3, 12)));
        await Go(B, "building_permit", ("received", At(3, 13)), ("appraised", At(3, 17)));
        await Go(C, "gcn", ("received", At(2, 2)), ("checked", At(2, 3)));
        await Go(D, "land_allocation", ("not_needed", At(3, 3)));
        await Go(D, "gcn", ("received", At(3, 3)));

        var period = ReportPeriod.TryParse("2026-03")!;
        var states = await chains.LoadAllAsync([A, B, C, D]);
        var report = ProgressReportBuilder.Build(ProcedureCatalog.BuiltIn, period, new DateOnly(2026, 12, 1), states);

        // The same figures from the raw rows, with plain LINQ.
        var raw = await RawRowsAsync(key);
        var finishSteps = new[] { "handed_over", "granted" };
        int Started(string? commune, string procedure, ReportPeriod p) => raw.Count(r => (commune is null || r.Commune == commune) && r.Procedure == procedure
            && r.Seq == 1 && r.To != "not_needed" && r.LocalDate >= p.Start && r.LocalDate <= p.End);
        int Finished(string? commune, string procedure, ReportPeriod p) => raw.Count(r => (commune is null || r.Commune == commune) && r.Procedure == procedure
            && finishSteps.Contains(r.To) && r.LocalDate >= p.Start && r.LocalDate <= p.End);
        Assert.Equal(15, raw.Count);
        foreach (var area in report.Communes.Append(report.City))
        {
            foreach (var p in ProcedureCatalog.BuiltIn.Procedures)
            {
                Assert.Equal(Started(area.CommuneCode, p.Code, period), area.Current[p.Code].Started);
                Assert.Equal(Finished(area.CommuneCode, p.Code, period), area.Current[p.Code].Finished);
                Assert.Equal(Started(area.CommuneCode, p.Code, period.Previous()), area.Previous[p.Code].Started);
                Assert.Equal(Finished(area.CommuneCode, p.Code, period.Previous()), area.Previous[p.Code].Finished);
            }
        }

        Assert.Equal(3, report.City.Current.Values.Sum(c => c.Started));
        Assert.Equal(2, report.City.Current.Values.Sum(c => c.Finished));

        // Stays that ended in March, per procedure and step: from one row to the next of the same case and procedure.
        var calendar = WorkingCalendar.BuiltIn;
        var stays = raw.GroupBy(r => (r.CaseId, r.Procedure))
            .SelectMany(g => g.OrderBy(r => r.Seq).Zip(g.OrderBy(r => r.Seq).Skip(1), (a, b) => (a.Procedure, Step: a.To, Left: b.LocalDate, Days: calendar.CountWorkingDays(a.LocalDate, b.LocalDate))))
            .Where(s => s.Left >= period.Start && s.Left <= period.End)
            .ToList();
        foreach (var t in report.Steps)
        {
            var days = stays.Where(s => s.Procedure == t.Procedure && s.Step == t.Step).Select(s => s.Days).Order().ToList();
            Assert.Equal(days.Count, t.Stays);
            Assert.Equal(days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2.0, t.MedianWorkingDays);
        }

        // gcn "checked" of site A: in on Wednesday 4/3, out on Monday 9/3: 5, 6 and 9 March, 3 working days.
        Assert.Equal(3, report.Steps.Single(s => s.Procedure == "gcn" && s.Step == "checked").MedianWorkingDays);

        // Overdue on 31/3: only site C's certificate (received 2/2, due 9/3 after Tết 16–20/2): 36 working days used, 16 over.
        // Site D's certificate, received 3/3, is due on 31/3 itself and so not overdue yet; B's permit is due 2/4.
        var overdue = Assert.Single(report.Overdue);
        Assert.Equal(("TH-C", "gcn", "checked"), (overdue.SiteId, overdue.Procedure, overdue.Step));
        Assert.Equal(calendar.CountWorkingDays(new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 31)) - 20, overdue.DaysOver);
        Assert.Equal(16, overdue.DaysOver);
        Assert.Equal("Văn phòng đăng ký đất đai", overdue.Office!.Vi);
        Assert.Equal(1, report.Communes.Single(c => c.CommuneCode == "11111").Current["gcn"].Overdue);
        Assert.Equal(0, report.City.Previous["gcn"].Overdue);
        Assert.Equal(1, report.City.AtStep["building_permit"]["appraised"]);
        Assert.Equal(1, report.City.AtStep["land_allocation"]["not_needed"]);
        Assert.Equal("Văn phòng đăng ký đất đai", report.Offices.First(o => o.OverdueHeld > 0).Office.Vi);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
