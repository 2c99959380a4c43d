using System.Net;
using System.Text.Json;
using Facilities.Core.Tracker;
using Facilities.Testing;
using Facilities.Web.Tracker;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Facilities.Web.Tests;

/// <summary>
/// The tracker HTTP API (issue 5) over real HTTP, on whichever store a subclass gives: login and cookies, role
/// scoping (403), refusals (400 listing the allowed moves), optimistic concurrency (409), verbatim notes.
/// </summary>
public abstract class TrackerApiContract : IAsyncLifetime
{
    protected const string Own = "99001-mam_non-2";     // commune 99001, no certificate
    protected const string Other = "99002-mam_non-2";   // commune 99002
    private const string Note = "<script>alert('x')</script>\"; DROP TABLE case_events; -- Đã nhận đủ hồ sơ, ông Nguyễn Văn Ánh & bà Trần Thị Ỷ";
    private readonly TempDir _dir = new();
    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
    private RunningApp? _app;
    private HttpClient? _reader;

    internal RunningApp App => _app!;

    /// <summary>The clock the app under test reads (tests move it to age sessions and cases).</summary>
    internal SettableClock Clock => _clock;

    /// <summary>The app's tracker (store, service, sites).</summary>
    internal TrackerContext Tracker => App.App.Services.GetRequiredService<TrackerContext>();

    /// <summary>The options of the app under test, over <paramref name="dataset"/>.</summary>
    protected abstract WebOptions Options(string dataset);

    /// <summary>What one test changes in <see cref="Options"/> for itself (the app is started per test).</summary>
    protected virtual WebOptions Tune(WebOptions options) => options;

    public virtual async ValueTask InitializeAsync()
    {
        var dataset = _dir.File("d.gpkg");
        CliRun.Ok("generate", "--out", dataset, "--parcels", "0", "--wards", "3");
        _app = await RunningApp.StartAsync(Tune(Options(dataset) with { Time = _clock }));
        var service = App.App.Services.GetRequiredService<TrackerContext>().Service;
        Assert.Null(await service.AddUserAsync(null, new TrackerUser("admin", TrackerRole.CityDepartment), "admin-pw-1"));
        var admin = new TrackerUser("admin", TrackerRole.CityDepartment);
        Assert.Null(await service.AddUserAsync(admin, new TrackerUser("cb1", TrackerRole.CommuneOfficial, "99001"), "cb1-pw-12"));
        Assert.Null(await service.AddUserAsync(admin, new TrackerUser("xem", TrackerRole.Viewer), "xem-pw-123"));
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_permit_waits_for_its_land_over_http_and_the_report_endpoint_gives_the_computations_numbers()
    {
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        var (early, refusal) = await admin.PostJsonAsync($"/api/cases/{Own}/procedures/building_permit/transitions", new { to = "received", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, early);
        Assert.Equal("move-not-allowed", refusal.GetProperty("error").GetProperty("code").GetString());

        // Land received Monday 2/3/2026: due Monday 30/3 (20 working days); the permit can start then and its 20
        // calendar days end on Sunday 19/4, so Monday 20/4 is the ready-to-build date.
        var (status, chain) = await admin.PostJsonAsync($"/api/cases/{Own}/procedures/land_allocation/transitions", new { to = "received", version = 0 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("land_allocation", chain.GetProperty("stage").GetString());
        Assert.Equal("2026-04-20", chain.GetProperty("readyToBuild").GetString());
        var permit = chain.GetProperty("procedures").EnumerateArray().Single(p => p.GetProperty("procedure").GetString() == "building_permit");
        Assert.Equal("2026-03-30", permit.GetProperty("expectedStart").GetString());
        Assert.True(permit.GetProperty("critical").GetBoolean());

        // The land move's audit line, written with it (the refused permit wrote none): who, from where, which procedure.
        var lines = (await DepartmentSite.AuditAsync(App.App)).Where(l => l.Action == AuditActions.Transition).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(("admin", "127.0.0.1", $"{Own} land_allocation #1: not_started -> received"), (line.Actor, line.Address, line.Detail));

        var (_, procedures) = await admin.GetJsonAsync("/api/procedures");
        var gcn = procedures.GetProperty("procedures").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "gcn");
        Assert.Equal(CaseSteps.All.Select(CaseSteps.Code), gcn.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        var (_, chains) = await admin.GetJsonAsync("/api/chains");
        Assert.Equal("land_allocation", chains.EnumerateArray().Single(c => c.GetProperty("siteId").GetString() == Own).GetProperty("stage").GetString());

        var (reportStatus, report) = await admin.GetJsonAsync("/api/cases/report?period=2026-03");
        Assert.Equal(HttpStatusCode.OK, reportStatus);
        Assert.Equal(1, report.GetProperty("report").GetProperty("city").GetProperty("current").GetProperty("land_allocation").GetProperty("started").GetInt32());
        var direct = await Facilities.Application.CasesReportComputation.RunAsync(Tracker.Chains, new TrackerUser("admin", TrackerRole.CityDepartment),
            Tracker.Sites.All, Facilities.Core.Tracker.Reporting.ReportPeriod.TryParse("2026-03")!, new DateOnly(2026, 3, 2), Tracker.DatasetPath,
            TestContext.Current.CancellationToken);
        Assert.Equal(JsonSerializer.Serialize(direct.Result, JsonSerializerOptions.Web), JsonSerializer.Serialize(report.GetProperty("report"), JsonSerializerOptions.Web));
        Assert.Equal(direct.Stamp.Id, report.GetProperty("stamp").GetProperty("id").GetString());

        using var xlsx = await admin.GetAsync("/api/cases/report?period=2026-03&format=xlsx", TestContext.Current.CancellationToken);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var html = await admin.GetAsync("/api/cases/report?period=2026-Q1&format=html", TestContext.Current.CancellationToken);
        Assert.Contains("Hồ sơ quá hạn", await html.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetJsonAsync("/api/cases/report?period=2026-13")).Status);
    }

    [Fact]
    public async Task Without_a_login_every_tracker_address_answers_401()
    {
        var anonymous = App.Client();
        foreach (var url in new[] { "/api/cases", $"/api/cases/{Own}", $"/api/cases/{Own}/history", "/api/progress", "/api/me" })
        {
            var (status, body) = await anonymous.GetJsonAsync(url);
            Assert.True(status == HttpStatusCode.Unauthorized, url);
            Assert.Equal("login-required", body.GetProperty("error").GetProperty("code").GetString());
        }

        var (s, _) = await anonymous.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0 });
        Assert.Equal(HttpStatusCode.Unauthorized, s);
        var (wrong, error) = await anonymous.PostJsonAsync("/api/login", new { user = "admin", password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal("login-failed", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(await HistoryAsync(Own));
    }

    [Fact]
    public async Task Login_sets_an_http_only_same_site_strict_cookie_and_logout_ends_the_session()
    {
        var client = App.Client();
        using var response = await client.PostAsync("/api/login", JsonContent(new { user = "cb1", password = "cb1-pw-12" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("facilities_session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var (status, me) = await client.GetJsonAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"user":"cb1","role":"commune_official","commune":"99001"}""", me.GetRawText());

        using var logout = await client.PostAsync("/api/logout", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetJsonAsync("/api/me")).Status);
    }

    [Fact]
    public async Task A_commune_official_gets_403_on_another_communes_case_for_reading_and_writing()
    {
        var cb1 = await App.LoginAsync("cb1", "cb1-pw-12");
        Assert.Equal(HttpStatusCode.Forbidden, (await cb1.GetJsonAsync($"/api/cases/{Other}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await cb1.GetJsonAsync($"/api/cases/{Other}/history")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await cb1.GetJsonAsync("/api/cases?commune=99002")).Status);
        var (status, body) = await cb1.PostJsonAsync($"/api/cases/{Other}/transitions", new { to = "received", version = 0, note = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("forbidden", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(body.GetProperty("allowedMoves").EnumerateArray());   // would tell where the other case stands
        Assert.Empty(await HistoryAsync(Other));

        var (listStatus, list) = await cb1.GetJsonAsync("/api/cases");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.NotEmpty(list.EnumerateArray());
        Assert.All(list.EnumerateArray(), c => Assert.Equal("99001", c.GetProperty("communeCode").GetString()));
        Assert.All((await cb1.GetJsonAsync("/api/progress")).Body.EnumerateArray(), p => Assert.Equal("99001", p.GetProperty("communeCode").GetString()));

        var (ownStatus, own) = await cb1.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0 });
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Equal("received", own.GetProperty("step").GetString());
        Assert.Equal(1, own.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Listing_another_commune_is_a_403_that_names_it()
    {
        var cb1 = await App.LoginAsync("cb1", "cb1-pw-12");
        var (status, body) = await cb1.GetJsonAsync("/api/cases?commune=99002");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var error = body.GetProperty("error");
        Assert.Equal("forbidden", error.GetProperty("code").GetString());
        // The same decision as the CLI's (CaseService.DecideList), in both languages.
        var reason = CaseService.DecideList(new TrackerUser("cb1", TrackerRole.CommuneOfficial, "99001"), "99002").Reason;
        Assert.Equal(reason.Vi, error.GetProperty("vi").GetString());
        Assert.Equal(reason.En, error.GetProperty("en").GetString());
        Assert.Contains("99002", reason.En, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await cb1.GetJsonAsync("/api/cases?commune=99001")).Status);
    }

    [Fact]
    public async Task A_case_carries_the_servers_due_date_working_days_left_and_times_in_vietnam()
    {
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0 })).Status);
        Clock.Now = new DateTimeOffset(2026, 3, 20, 2, 30, 0, TimeSpan.Zero); // 09:30 in Vietnam; the old session has expired
        admin = await App.LoginAsync("admin", "admin-pw-1");
        var (status, json) = await admin.GetJsonAsync($"/api/cases/{Own}");
        Assert.Equal(HttpStatusCode.OK, status);

        var site = Tracker.Sites.Find(Own)!;
        var state = CaseState.Replay(site, await Tracker.Store.LoadEventsAsync(Own, TestContext.Current.CancellationToken), TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn);
        var today = new DateOnly(2026, 3, 20);
        Assert.Equal(state.DueDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("dueDate").GetString());
        Assert.Equal(state.RemainingWorkingDays(today), json.GetProperty("workingDaysLeft").GetInt32());
        Assert.Equal(state.ElapsedWorkingDays(today), json.GetProperty("workingDaysUsed").GetInt32());
        Assert.Equal("2026-03-02T09:00:00+07:00", json.GetProperty("receivedAt").GetString());
        Assert.Equal("2026-03-02T09:00:00+07:00", json.GetProperty("lastChangeAt").GetString());
        Assert.Equal("2026-03-02T09:00:00+07:00", (await HistoryAsync(Own))[0].GetProperty("at").GetString());
    }

    [Fact]
    public async Task An_event_dated_in_the_future_is_refused_by_the_service_beyond_the_clock_skew_allowance()
    {
        var admin = new TrackerUser("admin", TrackerRole.CityDepartment);
        var site = Tracker.Sites.Find(Own)!;
        var cancel = TestContext.Current.CancellationToken;
        var refused = await Tracker.Service.AdvanceAsync(admin, site,
            new TransitionRequest(CaseStep.Received, Clock.Now + CaseService.ClockSkew + TimeSpan.FromMinutes(1)), cancel);
        Assert.Equal(RefusalKind.InvalidTime, refused.Refusal);
        Assert.Contains("in the future", refused.Message.En, StringComparison.Ordinal);
        Assert.Contains("02/03/2026 09:06", refused.Message.En, StringComparison.Ordinal);
        Assert.Empty(await HistoryAsync(Own));

        var accepted = await Tracker.Service.AdvanceAsync(admin, site,
            new TransitionRequest(CaseStep.Received, Clock.Now + CaseService.ClockSkew - TimeSpan.FromMinutes(1)), cancel);
        Assert.True(accepted.Accepted, accepted.Message.En);
        Assert.Single(await HistoryAsync(Own));
    }

    [Fact]
    public async Task A_viewer_reads_every_commune_but_may_not_move_a_case()
    {
        var viewer = await App.LoginAsync("xem", "xem-pw-123");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetJsonAsync($"/api/cases/{Other}")).Status);
        var (status, _) = await viewer.PostJsonAsync($"/api/cases/{Other}/transitions", new { to = "received", version = 0 });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(await HistoryAsync(Other));
    }

    [Fact]
    public async Task A_move_that_is_not_allowed_is_a_400_listing_the_allowed_moves_and_a_stale_version_is_a_409()
    {
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        var (status, body) = await admin.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "handed_over", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("move-not-allowed", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("(received)", body.GetProperty("error").GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Equal(["received"], body.GetProperty("allowedMoves").EnumerateArray().Select(m => m.GetProperty("step").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0 })).Status);
        var (stale, conflict) = await admin.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "checked", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal("stale-version", conflict.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "checked" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "kiem_tra", version = 1 })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostJsonAsync("/api/cases/no-such-school/transitions", new { to = "received", version = 0 })).Status);

        var (_, got) = await admin.GetJsonAsync($"/api/cases/{Own}");
        Assert.Equal(1, got.GetProperty("version").GetInt32());
        Assert.Equal(["checked", "returned_for_supplement", "rejected", "withdrawn"],
            got.GetProperty("allowedMoves").EnumerateArray().Select(m => m.GetProperty("step").GetString()));
        Assert.Single(await HistoryAsync(Own));
    }

    [Fact]
    public async Task Fifty_concurrent_conflicting_transitions_give_one_200_and_forty_nine_409s_and_one_event()
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await App.LoginAsync("admin", "admin-pw-1"));
        }

        Assert.Equal(HttpStatusCode.OK, (await clients[0].PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0 })).Status);
        // Fifty writers who all saw version 1 and want two different, each allowed, next steps.
        // An awaited gate, not a blocking one: fifty blocked pool threads would starve the server under test.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await clients[i % clients.Count].PostJsonAsync($"/api/cases/{Own}/transitions",
                new { to = i % 2 == 0 ? "checked" : "withdrawn", version = 1, note = $"writer {i}" });
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(tasks);
        var statuses = answers.Select(a => a.Status).ToList();
        // Every answer in the message, so a failure says what the others got and why.
        var tally = string.Join("; ", answers.GroupBy(a => $"{(int)a.Status} {(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict ? "" : a.Body.ToString())}")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1 && statuses.Count(s => s == HttpStatusCode.Conflict) == 49, tally);
        var history = await HistoryAsync(Own);
        Assert.Equal([1, 2], history.Select(e => e.GetProperty("sequence").GetInt32()));
        var winner = history[1];
        var writer = int.Parse(winner.GetProperty("note").GetString()!["writer ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(writer % 2 == 0 ? "checked" : "withdrawn", winner.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Notes_and_attachments_with_sql_and_html_metacharacters_and_diacritics_come_back_verbatim()
    {
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        var attachment = "biên bản <01>'; DELETE FROM users; --.pdf";
        var (status, _) = await admin.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0, note = Note, attachments = new[] { attachment } });
        Assert.Equal(HttpStatusCode.OK, status);
        var e = Assert.Single(await HistoryAsync(Own));
        Assert.Equal(Note, e.GetProperty("note").GetString());
        Assert.Equal([attachment], e.GetProperty("attachments").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("admin", e.GetProperty("user").GetString());
        Assert.Equal("not_started", e.GetProperty("from").GetString());
        Assert.Equal("received", e.GetProperty("to").GetString());
        Assert.Equal("2026-03-02T09:00:00+07:00", e.GetProperty("at").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_commune_step_and_overdue_and_progress_counts_by_step()
    {
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0 })).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/cases/{Other}/transitions", new { to = "received", version = 0 })).Status);
        _clock.Now = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.FromHours(7));
        admin = await App.LoginAsync("admin", "admin-pw-1"); // a day later: yesterday's session has ended (idle limit)
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/cases/{Other}/transitions", new { to = "checked", version = 1 })).Status);

        var received = (await admin.GetJsonAsync("/api/cases?step=received")).Body.EnumerateArray().Select(c => c.GetProperty("siteId").GetString()).ToList();
        Assert.Equal([Own], received);
        var inCommune = (await admin.GetJsonAsync("/api/cases?commune=99002&step=checked")).Body.EnumerateArray().ToList();
        Assert.Equal(Other, Assert.Single(inCommune).GetProperty("siteId").GetString());
        Assert.Equal("Kiểm tra", inCommune[0].GetProperty("stepName").GetProperty("vi").GetString());
        Assert.Equal(2, inCommune[0].GetProperty("version").GetInt32());
        Assert.Equal("2026-03-02", inCommune[0].GetProperty("receivedOn").GetString());
        Assert.NotEmpty(inCommune[0].GetProperty("schoolName").GetString()!);
        Assert.NotEmpty(inCommune[0].GetProperty("communeName").GetString()!);
        Assert.InRange(inCommune[0].GetProperty("lon").GetDouble(), 102, 110);
        Assert.InRange(inCommune[0].GetProperty("lat").GetDouble(), 8, 24);
        Assert.Empty((await admin.GetJsonAsync("/api/cases?overdue=true")).Body.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetJsonAsync("/api/cases?step=kiem_tra")).Status);

        // Received on 2 March 2026 with a 20-working-day limit: by 4 May (Reunification Day and Labour Day between) it is late.
        _clock.Now = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(7));
        admin = await App.LoginAsync("admin", "admin-pw-1");
        var overdue = (await admin.GetJsonAsync("/api/cases?overdue=true")).Body.EnumerateArray().Select(c => c.GetProperty("siteId").GetString()).Order().ToList();
        Assert.Equal([Own, Other], overdue);

        var progress = (await admin.GetJsonAsync("/api/progress")).Body.EnumerateArray().ToDictionary(p => p.GetProperty("communeCode").GetString()!);
        Assert.Equal(1, progress["99001"].GetProperty("byStep").GetProperty("received").GetInt32());
        Assert.Equal(1, progress["99002"].GetProperty("byStep").GetProperty("checked").GetInt32());
        Assert.Equal(1, progress["99002"].GetProperty("overdue").GetInt32());
        Assert.Equal(progress["99001"].GetProperty("sites").GetInt32(),
            progress["99001"].GetProperty("notStarted").GetInt32() + progress["99001"].GetProperty("withCertificate").GetInt32() + 1);
    }

    internal async Task<List<JsonElement>> HistoryAsync(string siteId)
    {
        // One signed-in reader: a login costs a 600,000-iteration PBKDF2.
        _reader ??= await App.LoginAsync("admin", "admin-pw-1");
        var (status, body) = await _reader.GetJsonAsync($"/api/cases/{siteId}/history");
        if (status == HttpStatusCode.Unauthorized)
        {
            // The test moved the clock past the session's idle limit.
            _reader = await App.LoginAsync("admin", "admin-pw-1");
            (status, body) = await _reader.GetJsonAsync($"/api/cases/{siteId}/history");
        }

        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.EnumerateArray()];
    }

    internal static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
