using Facilities.Core.Tracker;

// The store calls below take an optional token; each test has its own store and a hang guard where it runs
// concurrent work, so the test-cancellation token is not threaded through every call.
#pragma warning disable xUnit1051

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

    /// <summary>The audit log of the store's database, as the tracker's security store reads it.</summary>
    protected abstract Task<IReadOnlyList<AuditEntry>> AuditAsync(ICaseStore store);

    /// <summary>
    /// Makes the store's database itself refuse audit lines of <paramref name="actor"/>: a trigger on audit_log, in the
    /// test's own schema or file, which fires after the move's event was inserted in the same transaction.
    /// </summary>
    protected abstract Task RefuseAuditLinesOfAsync(ICaseStore store, string actor);

    [Fact]
    public async Task A_move_with_an_address_commits_its_audit_line_with_it_dated_as_the_event_and_naming_its_version()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.True((await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Received, T0, "nộp", AuditFrom: "10.1.2.3"))).Accepted);
        Assert.True((await service.AdvanceAsync(OfficialA, SiteA, new TransitionRequest(CaseStep.Checked, T0.AddDays(1), AuditFrom: "192.168.7.9"))).Accepted);
        // Without an address (the CLI on the server itself) no line is written.
        Assert.True((await service.AdvanceAsync(City, SiteB, new TransitionRequest(CaseStep.Received, T0))).Accepted);

        // T0 is 09:00 at UTC+7, so 02:00 UTC; the second move one day later.
        Assert.Equal(
            [
                new AuditEntry(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), "so_gd", "10.1.2.3", AuditActions.Transition, "TH-001 #1: not_started -> received"),
                new AuditEntry(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), "can_bo_a", "192.168.7.9", AuditActions.Transition, "TH-001 #2: received -> checked"),
            ],
            await AuditAsync(store));
        Assert.Equal([T0, T0.AddDays(1)], (await store.LoadEventsAsync(SiteA.SiteId)).Select(e => e.At));
    }

    [Fact]
    public async Task An_audit_line_the_database_refuses_leaves_neither_it_nor_the_event()
    {
        var store = CreateStore();
        var service = Service(store);
        var faulty = new TrackerUser("loi_ghi_log", TrackerRole.CityDepartment);
        await RefuseAuditLinesOfAsync(store, faulty.Name);

        var e = await Assert.ThrowsAsync<AuditNotWrittenException>(() =>
            service.AdvanceAsync(faulty, SiteA, new TransitionRequest(CaseStep.Received, T0, "không được ghi", AuditFrom: "10.1.2.3")));
        Assert.Contains("the move was not written", e.Message, StringComparison.Ordinal);
        Assert.Empty(await store.LoadEventsAsync(SiteA.SiteId));
        Assert.Empty(await store.ListCasesAsync());
        Assert.Empty(await AuditAsync(store));

        // Nothing half-written: version 0 is still free, and another official's move takes it with its line.
        Assert.True((await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Received, T0, "nộp", ExpectedVersion: 0, AuditFrom: "10.1.2.4"))).Accepted);
        Assert.Equal("nộp", Assert.Single(await store.LoadEventsAsync(SiteA.SiteId)).Note);
        var line = Assert.Single(await AuditAsync(store));
        Assert.Equal(("so_gd", "10.1.2.4", "TH-001 #1: not_started -> received"), (line.Actor, line.Address, line.Detail));
    }

    [Fact]
    public async Task An_empty_store_has_no_cases_and_refuses_a_gap()
    {
        var store = CreateStore();
        Assert.Empty(await store.LoadEventsAsync(SiteA.SiteId));
        Assert.Empty(await store.ListCasesAsync());
        var e = new CaseEvent(6, T0, "x", TrackerRole.CityDepartment, CaseStep.NotStarted, CaseStep.Received, "", []);
        Assert.Equal(AppendResult.Conflict, await store.AppendAsync(SiteA, 5, e));
        Assert.Equal(AppendResult.Conflict, await store.AppendAsync(SiteA, 0, e)); // sequence must be expected + 1
        Assert.Empty(await store.LoadEventsAsync(SiteA.SiteId));
    }

    [Fact]
    public async Task Transitions_are_stored_and_refusals_write_nothing()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.True((await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Received, T0, "nộp"))).Accepted);
        Assert.True((await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Checked, T0.AddDays(1)))).Accepted);

        var refused = await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.HandedOver, T0.AddDays(2)));
        Assert.Equal(RefusalKind.NotAllowed, refused.Refusal);
        Assert.Contains("form_decided", refused.Message.En, StringComparison.Ordinal);
        Assert.Contains("Các bước được phép", refused.Message.Vi, StringComparison.Ordinal);

        var stale = await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.FormDecided, T0.AddDays(2), ExpectedVersion: 1));
        Assert.Equal(RefusalKind.Conflict, stale.Refusal);

        var events = await store.LoadEventsAsync(SiteA.SiteId);
        Assert.Equal([1, 2], events.Select(e => e.Sequence));
        Assert.Equal([CaseStep.Received, CaseStep.Checked], events.Select(e => e.To));
        var state = await service.LoadAsync(SiteA);
        Assert.Equal(CaseStep.Checked, state.Step);
        Assert.Equal(2, state.Version);
        var listed = Assert.Single(await store.ListCasesAsync("11111"));
        Assert.Equal(SiteA, listed.Site);
        Assert.Equal(events, listed.Events);
        Assert.Empty(await store.ListCasesAsync("22222"));
    }

    [Fact]
    public async Task Fifty_concurrent_appends_on_the_same_version_have_exactly_one_winner()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.True((await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Received, T0))).Accepted);

        const int n = 50;
        // An awaited gate and tasks, not threads: the stores are asynchronous and hold no thread while they wait.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, n).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            var to = i % 2 == 0 ? CaseStep.Checked : CaseStep.ReturnedForSupplement;
            var e = new CaseEvent(2, T0.AddHours(1), $"user{i}", TrackerRole.CityDepartment, CaseStep.Received, to, $"writer {i}", []);
            return await store.AppendAsync(SiteA, 1, e);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        var winner = Assert.Single(Enumerable.Range(0, n), i => results[i] == AppendResult.Appended);
        Assert.Equal(n - 1, results.Count(r => r == AppendResult.Conflict));
        var events = await store.LoadEventsAsync(SiteA.SiteId);
        Assert.Equal([1, 2], events.Select(e => e.Sequence));
        Assert.Equal($"writer {winner}", events[1].Note);
        Assert.Equal($"user{winner}", events[1].Actor);
        CaseState.Replay(SiteA, events, TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn); // a valid history
    }

    [Fact]
    public async Task Fifty_concurrent_advances_through_the_service_give_one_move_and_conflicts()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.True((await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Received, T0))).Accepted);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Checked, T0.AddHours(1), $"n{i}", ExpectedVersion: 1));
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        Assert.Single(outcomes, o => o.Accepted);
        Assert.All(outcomes.Where(o => !o.Accepted), o => Assert.Equal(RefusalKind.Conflict, o.Refusal));
        Assert.Equal(2, (await store.LoadEventsAsync(SiteA.SiteId)).Count);
    }

    [Fact]
    public async Task A_commune_official_cannot_read_or_change_another_communes_case()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.True((await service.AdvanceAsync(City, SiteB, new TransitionRequest(CaseStep.Received, T0))).Accepted);

        var (access, state) = await service.ReadAsync(OfficialA, SiteB);
        Assert.False(access.Allowed);
        Assert.Null(state);
        var refused = await service.AdvanceAsync(OfficialA, SiteB, new TransitionRequest(CaseStep.Checked, T0.AddDays(1)));
        Assert.Equal(RefusalKind.Forbidden, refused.Refusal);
        Assert.Single(await store.LoadEventsAsync(SiteB.SiteId));

        var listed = await service.ListAsync(OfficialA, [SiteA, SiteB]);
        Assert.Equal([SiteA.SiteId], listed.Select(s => s.Site.SiteId));
        Assert.Equal(CaseStep.NotStarted, listed[0].Step);
        Assert.True((await service.AdvanceAsync(OfficialA, SiteA, new TransitionRequest(CaseStep.Received, T0))).Accepted);
    }

    [Fact]
    public async Task Names_notes_and_attachments_with_metacharacters_and_diacritics_come_back_verbatim()
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
        Assert.Equal(AppendResult.Appended, await store.AppendAsync(site, 0, e1));
        Assert.Equal(AppendResult.Appended, await store.AppendAsync(site, 1, e2));

        var back = await store.LoadEventsAsync(site.SiteId);
        Assert.Equal([e1, e2], back);
        Assert.Equal(TimeSpan.FromHours(7), back[0].At.Offset);
        Assert.Equal(TimeSpan.Zero, back[1].At.Offset);
        Assert.Equal(site, Assert.Single(await store.ListCasesAsync()).Site);

        var user = new StoredUser(new TrackerUser(actor, TrackerRole.CommuneOfficial, "11111"), TrackerPasswords.Hash("mật khẩu'\"", 100_000));
        Assert.True(await store.AddUserAsync(user));
        Assert.Equal(user, await store.FindUserAsync(actor));
        Assert.Null(await store.FindUserAsync(actor.ToUpperInvariant()));
    }

    [Fact]
    public async Task Users_bootstrap_then_only_the_city_department_adds_accounts()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.Equal(0, await store.CountUsersAsync());
        Assert.Null(await service.AddUserAsync(null, City, "mật-khẩu-1"));
        Assert.NotNull(await service.AddUserAsync(null, OfficialA, "x")); // no longer the first account
        Assert.NotNull(await service.AddUserAsync(City, City, "again"));  // name taken
        Assert.Null(await service.AddUserAsync(City, OfficialA, "pw-a"));
        Assert.Equal(2, await store.CountUsersAsync());

        Assert.Equal(City, await service.LoginAsync("so_gd", "mật-khẩu-1"));
        Assert.Null(await service.LoginAsync("so_gd", "mật-khẩu-2"));
        Assert.Null(await service.LoginAsync("nobody", "mật-khẩu-1"));
        Assert.Equal(OfficialA, await service.LoginAsync("can_bo_a", "pw-a"));
        Assert.StartsWith("pbkdf2-sha256$600000$", (await store.FindUserAsync("so_gd"))!.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_change_is_stored_and_moves_the_session_epoch_on()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.Null(await service.AddUserAsync(null, City, "mật-khẩu-1"));
        Assert.Null(await service.AddUserAsync(City, OfficialA, "pw-a-123"));
        Assert.Equal(0, (await store.FindUserAsync(OfficialA.Name))!.SessionEpoch);

        Assert.Null(await service.ChangeUserAsync(City, OfficialA.Name, u => u with { Disabled = true }));
        var disabled = (await store.FindUserAsync(OfficialA.Name))!;
        Assert.True(disabled.Disabled);
        Assert.Equal(1, disabled.SessionEpoch);
        Assert.Null(await service.LoginAsync(OfficialA.Name, "pw-a-123")); // a disabled account cannot sign in

        Assert.Null(await service.ChangeUserAsync(City, OfficialA.Name, u => u with { Disabled = false, User = u.User with { Role = TrackerRole.Viewer, CommuneCode = null } }));
        Assert.Equal(new TrackerUser(OfficialA.Name, TrackerRole.Viewer), await service.LoginAsync(OfficialA.Name, "pw-a-123"));
        Assert.Equal(2, (await store.FindUserAsync(OfficialA.Name))!.SessionEpoch);

        Assert.NotNull(await service.ChangeUserAsync(OfficialA, City.Name, u => u with { Disabled = true })); // only the city department
        Assert.NotNull(await service.ChangeUserAsync(City, "nobody", u => u with { Disabled = true }));
        Assert.False((await store.FindUserAsync(City.Name))!.Disabled);
    }

    [Theory]
    [InlineData("note", "a\\u0000b")]
    [InlineData("note", "bell \\u0007")]
    [InlineData("attachments[0]", "file\\u0000.pdf")]
    [InlineData("attachments[0]", "line\\nbreak.pdf")]
    public async Task Control_characters_in_a_move_are_refused_naming_the_field_and_nothing_is_written(string field, string escaped)
    {
        var store = CreateStore();
        var service = Service(store);
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var request = field == "note"
            ? new TransitionRequest(CaseStep.Received, T0, text)
            : new TransitionRequest(CaseStep.Received, T0, "", [text]);
        var refused = await service.AdvanceAsync(City, SiteA, request);
        Assert.Equal(RefusalKind.InvalidInput, refused.Refusal);
        Assert.Contains($"'{field}'", refused.Message.En, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", refused.Message.Vi, StringComparison.Ordinal);
        Assert.Empty(await store.LoadEventsAsync(SiteA.SiteId));

        // Tab, line feed and carriage return are text in a note, and are kept verbatim.
        Assert.True((await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Received, T0, "a\tb\r\nc"))).Accepted);
        Assert.Equal("a\tb\r\nc", Assert.Single(await store.LoadEventsAsync(SiteA.SiteId)).Note);
    }

    [Fact]
    public async Task A_note_longer_than_the_limit_is_refused_and_one_at_the_limit_is_stored()
    {
        var store = CreateStore();
        var service = Service(store);
        var refused = await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Received, T0, new string('ă', TrackerInput.MaxNoteLength + 1)));
        Assert.Equal(RefusalKind.InvalidInput, refused.Refusal);
        Assert.Contains("'note'", refused.Message.En, StringComparison.Ordinal);
        Assert.True((await service.AdvanceAsync(City, SiteA, new TransitionRequest(CaseStep.Received, T0, new string('ă', TrackerInput.MaxNoteLength)))).Accepted);
        Assert.Equal(TrackerInput.MaxNoteLength, Assert.Single(await store.LoadEventsAsync(SiteA.SiteId)).Note.Length);
    }

    [Fact]
    public async Task A_login_name_with_a_nul_is_refused_before_the_store_is_asked()
    {
        var store = CreateStore();
        var service = Service(store);
        Assert.Null(await service.AddUserAsync(null, City, "mật-khẩu-1"));
        Assert.Null(await service.LoginAsync("so_gd\0", "mật-khẩu-1"));
        Assert.NotNull(await service.AddUserAsync(City, new TrackerUser("x\0y", TrackerRole.Viewer), "pw-12345"));
        Assert.Equal(1, await store.CountUsersAsync());
    }
}
