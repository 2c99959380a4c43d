using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Facilities.Web.E2E;

/// <summary>The certificate tracker view: login, filters, a case's history and transitions, commune scoping.</summary>
public sealed class TrackerTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_tracker_filters_cases_by_commune_step_and_overdue()
    {
        await using var app = await TestApp.StartAsync(tracker: true);
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "tracker-filters");
        await LogInAsync(page, TestApp.CityUser);
        var rows = page.Page.Locator("#cases-table tbody tr");
        var all = await rows.CountAsync();
        Assert.True(all > 3, $"the city sees every site without a certificate, got {all}");

        await page.Page.SelectOptionAsync("#filter-commune", TestApp.CommuneCode);
        await ApplyAsync(page);
        var communes = await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.commune)");
        Assert.NotEmpty(communes);
        Assert.All(communes, c => Assert.Equal(TestApp.CommuneCode, c));
        Assert.True(communes.Length < all);

        await page.Page.SelectOptionAsync("#filter-step", "received");
        await ApplyAsync(page);
        Assert.Equal([app.Cases!.OverdueSite], await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.siteId)"));

        await page.Page.SelectOptionAsync("#filter-step", "");
        await page.Page.SelectOptionAsync("#filter-commune", "");
        await page.Page.CheckAsync("#filter-overdue");
        await ApplyAsync(page);
        Assert.Equal([app.Cases.OverdueSite], await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.siteId)"));
        Assert.Equal(1, await page.Page.Locator("#cases-table tbody tr.overdue").CountAsync());

        await page.Page.UncheckAsync("#filter-overdue");
        await page.Page.SelectOptionAsync("#filter-step", "checked");
        await ApplyAsync(page);
        Assert.Equal([app.Cases.CheckedSite], await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.siteId)"));
        Assert.True(await page.Page.Locator("#progress-chart svg g[data-commune]").CountAsync() >= 2, "progress chart per commune");
    }

    [Fact]
    public async Task A_transition_made_in_the_ui_appears_in_the_case_history()
    {
        await using var app = await TestApp.StartAsync(tracker: true);
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "tracker-transition");
        await LogInAsync(page, TestApp.CityUser);
        var site = app.Cases!.OtherCommuneSite;
        var centerBefore = await page.HookAsync<double[]>("center()");

        await page.Page.ClickAsync($"#cases-table tr[data-site-id='{site}'] button.case-open");
        await page.IdleAsync();
        var detail = page.Page.Locator("#case-detail");
        await Assertions.Expect(detail).ToBeVisibleAsync();
        Assert.Equal("1", await detail.GetAttributeAsync("data-version"));
        Assert.NotEqual(centerBefore, await page.HookAsync<double[]>("center()"));
        Assert.Equal(1, await page.HookAsync<int>("layerCount('cases')"));
        var history = page.Page.Locator("#history-table tbody tr");
        Assert.Equal(1, await history.CountAsync());

        const string note = "<b>Đã kiểm tra</b> & 'hồ sơ'; DROP TABLE cases; --";
        var moves = await page.Page.Locator("#transition-to option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.Contains("checked", moves);
        Assert.DoesNotContain("handed_over", moves);
        await page.Page.SelectOptionAsync("#transition-to", "checked");
        await page.Page.FillAsync("#transition-note", note);
        await page.Page.ClickAsync("#transition-submit");
        await page.IdleAsync();

        await Assertions.Expect(history).ToHaveCountAsync(2);
        var last = history.Nth(1);
        Assert.Equal("checked", await last.GetAttributeAsync("data-to"));
        Assert.Equal(note, await last.Locator("td").Nth(4).TextContentAsync());
        Assert.Equal(TestApp.CityUser, await last.Locator("td").Nth(1).TextContentAsync());
        Assert.Equal("2", await detail.GetAttributeAsync("data-version"));
        Assert.Equal("checked", await page.Page.GetAttributeAsync($"#cases-table tr[data-site-id='{site}']", "data-step"));
        await page.ScreenshotAsync("after");

        // The server holds the same history as the page shows.
        using var http = await LoggedInClientAsync(app, TestApp.CityUser);
        var events = await http.GetFromJsonAsync<JsonElement>($"/api/cases/{site}/history", TestContext.Current.CancellationToken);
        Assert.Equal(2, events.GetArrayLength());
        Assert.Equal(note, events[1].GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_stale_version_shows_that_someone_changed_the_case()
    {
        await using var app = await TestApp.StartAsync(tracker: true);
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "tracker-conflict");
        page.AllowConsoleError("409");
        await LogInAsync(page, TestApp.CityUser);
        var site = app.Cases!.CheckedSite;
        await page.Page.ClickAsync($"#cases-table tr[data-site-id='{site}'] button.case-open");
        await page.IdleAsync();
        Assert.Equal("2", await page.Page.GetAttributeAsync("#case-detail", "data-version"));

        // Another official moves the case on while this page still shows version 2.
        using (var http = await LoggedInClientAsync(app, TestApp.CityUser))
        {
            var moved = await http.PostAsJsonAsync($"/api/cases/{site}/transitions", new { to = "form_decided", version = 2, note = "" }, TestContext.Current.CancellationToken);
            Assert.True(moved.IsSuccessStatusCode, $"setup transition: {(int)moved.StatusCode}");
        }

        await page.Page.SelectOptionAsync("#transition-to", "surveyed");
        await page.Page.ClickAsync("#transition-submit");
        await page.IdleAsync();
        var vi = await page.Page.TextContentAsync("#detail-status");
        Assert.Contains("thay đổi", vi, StringComparison.Ordinal);
        await page.ScreenshotAsync("conflict");

        await page.Page.ClickAsync("#detail-reload");
        await page.IdleAsync();
        Assert.Equal("3", await page.Page.GetAttributeAsync("#case-detail", "data-version"));
        Assert.Equal("form_decided", await page.Page.GetAttributeAsync("#case-detail", "data-step"));
        Assert.Equal(3, await page.Page.Locator("#history-table tbody tr").CountAsync());
    }

    [Fact]
    public async Task A_commune_official_sees_only_their_commune()
    {
        await using var app = await TestApp.StartAsync(tracker: true);
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "tracker-commune");
        await LogInAsync(page, TestApp.CommuneUser);
        var communes = await page.Page.Locator("#cases-table tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.commune)");
        Assert.NotEmpty(communes);
        Assert.All(communes, c => Assert.Equal(TestApp.CommuneCode, c));
        Assert.Equal([TestApp.CommuneCode], await page.Page.Locator("#progress-chart svg g[data-commune]").EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.commune)"));
        Assert.Equal(["", TestApp.CommuneCode], await page.Page.Locator("#filter-commune option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
    }

    [Fact]
    public async Task A_login_survives_a_reload_and_logout_ends_it()
    {
        await using var app = await TestApp.StartAsync(tracker: true);
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "tracker-session");
        await LogInAsync(page, TestApp.CityUser);
        await page.Page.ReloadAsync();
        await page.WaitReadyAsync();
        await page.Page.ClickAsync("#tab-tracker");
        await Assertions.Expect(page.Page.Locator("#tracker-main")).ToBeVisibleAsync();
        Assert.Contains(TestApp.CityUser, await page.Page.TextContentAsync("#session-user"), StringComparison.Ordinal);

        await page.Page.ClickAsync("#logout");
        await page.IdleAsync();
        await Assertions.Expect(page.Page.Locator("#login-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("#tracker-main")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_login_form_is_hidden_once_logged_in_and_shown_again_after_logout()
    {
        await using var app = await TestApp.StartAsync(tracker: true);
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "tracker-login-form");
        await page.Page.ClickAsync("#tab-tracker");
        var form = page.Page.Locator("#login-form");
        await Assertions.Expect(form).ToBeVisibleAsync();

        await LogInAsync(page, TestApp.CityUser);
        // Hidden on screen, not only by attribute: a display rule on .login used to beat [hidden].
        await Assertions.Expect(form).ToBeHiddenAsync();
        Assert.Equal("none", await form.EvaluateAsync<string>("f => getComputedStyle(f).display"));
        Assert.Equal(0, (await form.BoundingBoxAsync())?.Height ?? 0);
        await page.ScreenshotAsync("logged-in");

        await page.Page.ClickAsync("#logout");
        await page.IdleAsync();
        await Assertions.Expect(form).ToBeVisibleAsync();
        Assert.Equal("grid", await form.EvaluateAsync<string>("f => getComputedStyle(f).display"));
        await Assertions.Expect(page.Page.Locator("#session")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_case_view_shows_the_servers_due_date_and_working_days_left_in_both_languages()
    {
        await using var app = await TestApp.StartAsync(tracker: true);
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "tracker-due");
        await LogInAsync(page, TestApp.CityUser);
        using var http = await LoggedInClientAsync(app, TestApp.CityUser);
        var vi = Dictionary("vi");
        var en = Dictionary("en");

        // The overdue case (received 5 January, the server's clock at 23 November): the page shows what the server computed.
        var overdue = await OpenCaseAsync(page, http, app.Cases!.OverdueSite);
        var due = page.Page.Locator("#detail-due");
        var dueDate = DayText(overdue.GetProperty("dueDate").GetString()!);
        var left = overdue.GetProperty("workingDaysLeft").GetInt32();
        Assert.True(left < 0, $"the January case is overdue, {left} working days left");
        Assert.Equal(overdue.GetProperty("dueDate").GetString(), await due.GetAttributeAsync("data-due-date"));
        var text = await due.TextContentAsync();
        Assert.Contains(Fill(vi["detail.received"], "at", "05/01/2026 09:00"), text, StringComparison.Ordinal);
        Assert.Contains(Fill(vi["detail.due"], "date", dueDate), text, StringComparison.Ordinal);
        Assert.Contains(Fill(vi["detail.daysOverdue"], "days", (-left).ToString(CultureInfo.InvariantCulture)), text, StringComparison.Ordinal);
        Assert.Equal("05/01/2026 09:00", await page.Page.Locator("#history-table tbody tr td").First.TextContentAsync());

        await page.Page.ClickAsync("#lang-switch");
        await page.IdleAsync();
        text = await due.TextContentAsync();
        Assert.Contains(Fill(en["detail.due"], "date", dueDate), text, StringComparison.Ordinal);
        Assert.Contains(Fill(en["detail.daysOverdue"], "days", (-left).ToString(CultureInfo.InvariantCulture)), text, StringComparison.Ordinal);
        Assert.Equal("05/01/2026 09:00", await page.Page.Locator("#history-table tbody tr td").First.TextContentAsync());

        // A case within its limit, in English: the days left.
        var running = await OpenCaseAsync(page, http, app.Cases.CheckedSite);
        left = running.GetProperty("workingDaysLeft").GetInt32();
        Assert.True(left > 0, $"the November case is within its limit, {left} working days left");
        text = await due.TextContentAsync();
        Assert.Contains(Fill(en["detail.due"], "date", DayText(running.GetProperty("dueDate").GetString()!)), text, StringComparison.Ordinal);
        Assert.Contains(Fill(en["detail.daysLeft"], "days", left.ToString(CultureInfo.InvariantCulture)), text, StringComparison.Ordinal);
        Assert.Contains(Fill(en["detail.lastChange"], "at", "10/11/2026 09:00"), text, StringComparison.Ordinal);

        await page.Page.ClickAsync("#lang-switch");
        await page.IdleAsync();
        Assert.Contains(Fill(vi["detail.daysLeft"], "days", left.ToString(CultureInfo.InvariantCulture)), await due.TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("due");
    }

    [Fact]
    public async Task The_status_line_follows_the_language_switch()
    {
        await using var app = await TestApp.StartAsync(tracker: true);
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "tracker-status-language");
        await LogInAsync(page, TestApp.CityUser);
        using var http = await LoggedInClientAsync(app, TestApp.CityUser);
        var vi = Dictionary("vi");
        var en = Dictionary("en");
        await OpenCaseAsync(page, http, app.Cases!.OtherCommuneSite);
        await page.Page.SelectOptionAsync("#transition-to", "checked");
        await page.Page.ClickAsync("#transition-submit");
        await page.IdleAsync();
        var status = page.Page.Locator("#detail-status");
        Assert.Equal(Fill(vi["detail.done"], "step", vi["step.checked"]), await status.TextContentAsync());

        await page.Page.ClickAsync("#lang-switch");
        await page.IdleAsync();
        Assert.Equal(Fill(en["detail.done"], "step", en["step.checked"]), await status.TextContentAsync());
        Assert.Equal("ok", await status.GetAttributeAsync("data-kind"));

        await page.Page.ClickAsync("#lang-switch");
        await page.IdleAsync();
        Assert.Equal(Fill(vi["detail.done"], "step", vi["step.checked"]), await status.TextContentAsync());
    }

    /// <summary>Opens a case in the page and returns the server's JSON of it.</summary>
    private static async Task<JsonElement> OpenCaseAsync(AppPage page, HttpClient http, string site)
    {
        await page.Page.ClickAsync($"#cases-table tr[data-site-id='{site}'] button.case-open");
        await page.IdleAsync();
        await Assertions.Expect(page.Page.Locator("#case-detail")).ToHaveAttributeAsync("data-site-id", site);
        return await http.GetFromJsonAsync<JsonElement>($"/api/cases/{site}", TestContext.Current.CancellationToken);
    }

    private static string DayText(string iso) =>
        DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Fill(string template, string name, string value) => template.Replace("{" + name + "}", value, StringComparison.Ordinal);

    private static Dictionary<string, string> Dictionary(string lang) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wwwroot", "i18n", lang + ".json")))!;

    [Fact]
    public async Task The_map_colours_sites_by_the_stage_of_their_chain_and_the_list_shows_the_ready_to_build_date()
    {
        await using var app = await TestApp.StartAsync(tracker: true);
        var http = await LoggedInClientAsync(app, TestApp.CityUser);
        async Task Move(string site, string procedure, string to)
        {
            using var r = await http.PostAsJsonAsync($"/api/cases/{site}/procedures/{procedure}/transitions", new { to, version = 0 }, TestContext.Current.CancellationToken);
            Assert.True(r.IsSuccessStatusCode, $"{site} {procedure} {to}: {(int)r.StatusCode}");
        }

        // The other commune's site holds its land and needs no permit: its stage is the certificate. The checked site's
        // land is received on Monday 23/11/2026: due Monday 21/12 (20 working days), then the permit's 20 calendar days
        // end on Sunday 10/1/2027, so it is expected ready to build on Monday 11/1/2027.
        await Move(app.Cases!.OtherCommuneSite, "land_allocation", "not_needed");
        await Move(app.Cases.OtherCommuneSite, "building_permit", "not_needed");
        await Move(app.Cases.CheckedSite, "land_allocation", "received");

        await using var page = await AppPage.OpenAsync(browser.Browser, app, "tracker-chains");
        await LogInAsync(page, TestApp.CityUser);
        var features = await page.Page.EvaluateAsync<JsonElement>(
            "() => window.__facilities.map.getLayers().getArray().find(l => l.get('key') === 'chains').getSource().getFeatures()"
            + ".map(f => ({ id: f.getId(), stage: f.get('stage'), colour: f.get('colour') }))");
        var byId = features.EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => (Stage: f.GetProperty("stage").GetString(), Colour: f.GetProperty("colour").GetString()));
        Assert.Equal(("gcn", "#56B4E9"), byId[app.Cases.OtherCommuneSite]);
        Assert.Equal(("land_allocation", "#E69F00"), byId[app.Cases.CheckedSite]);

        var row = page.Page.Locator($"#cases-table tr[data-site-id='{app.Cases.CheckedSite}']");
        Assert.Equal("land_allocation", await row.GetAttributeAsync("data-stage"));
        Assert.Equal("11/01/2027", (await row.Locator("td").Last.InnerTextAsync()).Trim());
        Assert.Contains("surveyed", await page.Page.Locator("#filter-step option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        Assert.Equal(1, await page.Page.Locator("#chain-legend li[data-stage='gcn']").CountAsync());

        await row.Locator("button.case-open").ClickAsync();
        await page.IdleAsync();
        var chain = page.Page.Locator("#detail-chain");
        Assert.Equal("2027-01-11", await chain.Locator("li.ready").GetAttributeAsync("data-ready-to-build"));
        Assert.Contains("11/01/2027", await chain.Locator("li.ready").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await chain.Locator("li.critical[data-procedure='building_permit']").CountAsync());
        Assert.Equal(1, await chain.Locator("li.critical[data-procedure='land_allocation'][data-step='received']").CountAsync());
        Assert.Equal(0, await chain.Locator("li.critical[data-procedure='gcn']").CountAsync());
    }

    private static async Task LogInAsync(AppPage page, string user)
    {
        await page.Page.ClickAsync("#tab-tracker");
        await page.Page.FillAsync("#login-user", user);
        await page.Page.FillAsync("#login-password", TestApp.Password);
        await page.Page.Keyboard.PressAsync("Enter");
        await page.IdleAsync();
        await Assertions.Expect(page.Page.Locator("#tracker-main")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("#login-form")).ToBeHiddenAsync();
    }

    private static async Task ApplyAsync(AppPage page)
    {
        await page.Page.ClickAsync("#filter-apply");
        await page.IdleAsync();
    }

    private static async Task<HttpClient> LoggedInClientAsync(TestApp app, string user)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri(app.Address) };
        var login = await http.PostAsJsonAsync("/api/login", new { user, password = TestApp.Password }, TestContext.Current.CancellationToken);
        Assert.True(login.IsSuccessStatusCode, $"login {user}: {(int)login.StatusCode}");
        return http;
    }
}
