using Facilities.Core.Tracker;

namespace Facilities.Testing.Tracker;

/// <summary>
/// The behaviour every <see cref="ICaseStore"/> must have, run against SQLite (Facilities.IO.Tests) and PostgreSQL
/// (Facilities.Storage.PostGis.Tests): this file is compiled into both test projects.
/// </summary>
public abstract class CaseStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    protected static readonly CaseSite SiteA = new("TH-001", "11111", "phuong");
    protected static readonly CaseSite SiteB = new("TH-002", "22222", "xa");
    protected static readonly TrackerUser City = new("so_gd", TrackerRole.CityDepartment);
    protected static readonly TrackerUser OfficialA = new("can_bo_a", TrackerRole.CommuneOfficial, "11111");

    /// <summary>A fresh, empty, migrated store (the derived class disposes it with the test).</summary>
    protected abstract ICaseStore CreateStore();

    private static CaseService Service(ICaseStore store) => new(store, TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn);

    [Fact]
    public void An_empty_store_has_no_cases_and_refuses_a_gap()
    {
        var store = CreateStore();
        Assert.Empty(store.LoadEvents(SiteA.SiteId));
        Assert.Empty(store.ListCases());
        var e = new CaseEvent(6, T0, "x", TrackerRole.CityDepartment, CaseStep.NotStarted, CaseStep.Received, "", []);
        Assert.Equal(AppendResult.Conflict, store.Append(SiteA, 5, e));
        Assert.Equal(AppendResult.Conflict, store.Append(SiteA, 0, e)); // sequence must be expected + 1
        Assert.Empty(store.LoadEvents(SiteA.SiteId));
    }

    [Fact]
    public void Transitions_are_stored_and_refusals_write_nothing()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.True(service.Advance(City, SiteA, new TransitionRequest(CaseStep.Received, T0, "nộp")).Accepted);
        Assert.True(service.Advance(City, SiteA, new TransitionRequest(CaseStep.Checked, T0.AddDays(1))).Accepted);

        var refused = service.Advance(City, SiteA, new TransitionRequest(CaseStep.HandedOver, T0.AddDays(2)));
        Assert.Equal(RefusalKind.NotAllowed, refused.Refusal);
        Assert.Contains("form_decided", refused.Message.En, StringComparison.Ordinal);
        Assert.Contains("Các bước được phép", refused.Message.Vi, StringComparison.Ordinal);

        var stale = service.Advance(City, SiteA, new TransitionRequest(CaseStep.FormDecided, T0.AddDays(2), ExpectedVersion: 1));
        Assert.Equal(RefusalKind.Conflict, stale.Refusal);

        var events = store.LoadEvents(SiteA.SiteId);
        Assert.Equal([1, 2], events.Select(e => e.Sequence));
        Assert.Equal([CaseStep.Received, CaseStep.Checked], events.Select(e => e.To));
        var state = service.Load(SiteA);
        Assert.Equal(CaseStep.Checked, state.Step);
        Assert.Equal(2, state.Version);
        var listed = Assert.Single(store.ListCases("11111"));
        Assert.Equal(SiteA, listed.Site);
        Assert.Equal(events, listed.Events);
        Assert.Empty(store.ListCases("22222"));
    }

    [Fact]
    public void Fifty_concurrent_appends_on_the_same_version_have_exactly_one_winner()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.True(service.Advance(City, SiteA, new TransitionRequest(CaseStep.Received, T0)).Accepted);

        const int n = 50;
        var results = new AppendResult[n];
        var errors = new Exception?[n];
        using var gate = new ManualResetEventSlim(false);
        var threads = Enumerable.Range(0, n).Select(i => new Thread(() =>
        {
            gate.Wait();
            try
            {
                var to = i % 2 == 0 ? CaseStep.Checked : CaseStep.ReturnedForSupplement;
                var e = new CaseEvent(2, T0.AddHours(1), $"user{i}", TrackerRole.CityDepartment, CaseStep.Received, to, $"writer {i}", []);
                results[i] = store.Append(SiteA, 1, e);
            }
            catch (Exception x)
            {
                errors[i] = x;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        gate.Set();
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2))));

        Assert.All(errors, Assert.Null);
        var winner = Assert.Single(Enumerable.Range(0, n), i => results[i] == AppendResult.Appended);
        Assert.Equal(n - 1, results.Count(r => r == AppendResult.Conflict));
        var events = store.LoadEvents(SiteA.SiteId);
        Assert.Equal([1, 2], events.Select(e => e.Sequence));
        Assert.Equal($"writer {winner}", events[1].Note);
        Assert.Equal($"user{winner}", events[1].Actor);
        CaseState.Replay(SiteA, events, TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn); // a valid history
    }

    [Fact]
    public void Fifty_concurrent_advances_through_the_service_give_one_move_and_conflicts()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.True(service.Advance(City, SiteA, new TransitionRequest(CaseStep.Received, T0)).Accepted);
        var outcomes = new TransitionOutcome?[50];
        using var gate = new ManualResetEventSlim(false);
        var threads = Enumerable.Range(0, 50).Select(i => new Thread(() =>
        {
            gate.Wait();
            outcomes[i] = service.Advance(City, SiteA, new TransitionRequest(CaseStep.Checked, T0.AddHours(1), $"n{i}", ExpectedVersion: 1));
        })).ToList();
        threads.ForEach(t => t.Start());
        gate.Set();
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2))));

        Assert.Single(outcomes, o => o!.Accepted);
        Assert.All(outcomes.Where(o => !o!.Accepted), o => Assert.Equal(RefusalKind.Conflict, o!.Refusal));
        Assert.Equal(2, store.LoadEvents(SiteA.SiteId).Count);
    }

    [Fact]
    public void A_commune_official_cannot_read_or_change_another_communes_case()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.True(service.Advance(City, SiteB, new TransitionRequest(CaseStep.Received, T0)).Accepted);

        var (access, state) = service.Read(OfficialA, SiteB);
        Assert.False(access.Allowed);
        Assert.Null(state);
        var refused = service.Advance(OfficialA, SiteB, new TransitionRequest(CaseStep.Checked, T0.AddDays(1)));
        Assert.Equal(RefusalKind.Forbidden, refused.Refusal);
        Assert.Single(store.LoadEvents(SiteB.SiteId));

        var listed = service.List(OfficialA, [SiteA, SiteB]);
        Assert.Equal([SiteA.SiteId], listed.Select(s => s.Site.SiteId));
        Assert.Equal(CaseStep.NotStarted, listed[0].Step);
        Assert.True(service.Advance(OfficialA, SiteA, new TransitionRequest(CaseStep.Received, T0)).Accepted);
    }

    [Fact]
    public void Names_notes_and_attachments_with_metacharacters_and_diacritics_come_back_verbatim()
    {
        var store = CreateStore();
        const string actor = "Nguyễn Thị Ánh'; DROP TABLE users; --";
        const string decomposed = "Nguye\u0302\u0303n <b>Đức</b>"; // combining marks, not normalised
        var note = "<script>alert(\"x\")</script> ' OR '1'='1 \\ %_ $1 ${x} \u0000? no: " + decomposed + "\nDòng 2\ttab 🏫";
        note = note.Replace("\u0000", "", StringComparison.Ordinal); // PostgreSQL text cannot hold NUL
        var site = new CaseSite("TH'\"<x>&-Ư", "11111", "phuong");
        var e1 = new CaseEvent(1, T0, actor, TrackerRole.CityDepartment, CaseStep.NotStarted, CaseStep.Received, note,
            ["biên bản \"số 1\".pdf", "https://x.vn/a?b=1&c=<2>", decomposed]);
        var e2 = new CaseEvent(2, new DateTimeOffset(2026, 3, 3, 1, 2, 3, 456, TimeSpan.Zero), decomposed, TrackerRole.CommuneOfficial,
            CaseStep.Received, CaseStep.Checked, "", []);
        Assert.Equal(AppendResult.Appended, store.Append(site, 0, e1));
        Assert.Equal(AppendResult.Appended, store.Append(site, 1, e2));

        var back = store.LoadEvents(site.SiteId);
        Assert.Equal([e1, e2], back);
        Assert.Equal(TimeSpan.FromHours(7), back[0].At.Offset);
        Assert.Equal(TimeSpan.Zero, back[1].At.Offset);
        Assert.Equal(site, Assert.Single(store.ListCases()).Site);

        var user = new StoredUser(new TrackerUser(actor, TrackerRole.CommuneOfficial, "11111"), TrackerPasswords.Hash("mật khẩu'\"", 100_000));
        Assert.True(store.AddUser(user));
        Assert.Equal(user, store.FindUser(actor));
        Assert.Null(store.FindUser(actor.ToUpperInvariant()));
    }

    [Fact]
    public void Users_bootstrap_then_only_the_city_department_adds_accounts()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.Equal(0, store.CountUsers());
        Assert.Null(service.AddUser(null, City, "mật-khẩu-1"));
        Assert.NotNull(service.AddUser(null, OfficialA, "x")); // no longer the first account
        Assert.NotNull(service.AddUser(City, City, "again"));  // name taken
        Assert.Null(service.AddUser(City, OfficialA, "pw-a"));
        Assert.Equal(2, store.CountUsers());

        Assert.Equal(City, service.Login("so_gd", "mật-khẩu-1"));
        Assert.Null(service.Login("so_gd", "mật-khẩu-2"));
        Assert.Null(service.Login("nobody", "mật-khẩu-1"));
        Assert.Equal(OfficialA, service.Login("can_bo_a", "pw-a"));
        Assert.StartsWith("pbkdf2-sha256$600000$", store.FindUser("so_gd")!.PasswordHash, StringComparison.Ordinal);
    }
}
