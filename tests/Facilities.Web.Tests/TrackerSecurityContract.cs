using System.Net;
using System.Text;
using System.Text.Json;
using Facilities.Core.Tracker;

namespace Facilities.Web.Tests;

/// <summary>
/// What a hostile client meets (issue 12), on whichever store a subclass gives: sessions revoked server-side, control
/// characters and oversize input refused identically before the store, malformed or non-JSON bodies answered with the
/// error body, and password guessing throttled.
/// </summary>
public abstract class TrackerSecurityContract : TrackerApiContract
{
    [Fact]
    public async Task A_copied_cookie_is_refused_after_logout()
    {
        var browser = await App.LoginAsync("cb1", "cb1-pw-12");
        var cookie = CookieOf(browser);
        var copy = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetJsonAsync("/api/me")).Status);

        using var logout = await browser.PostAsync("/api/logout", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var (status, body) = await copy.GetJsonAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("login-required", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0 })).Status);
        Assert.Empty(await HistoryAsync(Own));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("role")]
    [InlineData("password")]
    public async Task An_account_change_ends_its_open_sessions_on_the_next_request(string change)
    {
        var cb1 = await App.LoginAsync("cb1", "cb1-pw-12");
        Assert.Equal(HttpStatusCode.OK, (await cb1.GetJsonAsync("/api/me")).Status);
        var admin = new TrackerUser("admin", TrackerRole.CityDepartment);
        Func<StoredUser, StoredUser> apply = change switch
        {
            "disable" => u => u with { Disabled = true },
            "role" => u => u with { User = u.User with { Role = TrackerRole.Viewer, CommuneCode = null } },
            _ => u => u with { PasswordHash = TrackerPasswords.Hash("cb1-new-pw-1", 100_000) },
        };
        Assert.Null(await Tracker.Service.ChangeUserAsync(admin, "cb1", apply, cancel: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, (await cb1.GetJsonAsync("/api/me")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cb1.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0 })).Status);
        Assert.Empty(await HistoryAsync(Own));
        var (again, _) = await App.Client().PostJsonAsync("/api/login", new { user = "cb1", password = change == "password" ? "cb1-new-pw-1" : "cb1-pw-12" });
        Assert.Equal(change == "disable" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, again);
    }

    [Fact]
    public async Task A_session_ends_after_an_idle_hour_and_after_ten_hours_however_busy()
    {
        var start = Clock.Now;
        var idle = await App.LoginAsync("xem", "xem-pw-123");
        var busy = await App.LoginAsync("cb1", "cb1-pw-12");
        Clock.Now = start.AddMinutes(59);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetJsonAsync("/api/me")).Status);
        Clock.Now = start.AddMinutes(61);
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetJsonAsync("/api/me")).Status);
        for (var minutes = 110; minutes < 600; minutes += 50)
        {
            Clock.Now = start.AddMinutes(minutes);
            Assert.Equal(HttpStatusCode.OK, (await busy.GetJsonAsync("/api/me")).Status);
        }

        Clock.Now = start.AddMinutes(601);
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.GetJsonAsync("/api/me")).Status);
    }

    [Theory]
    [InlineData("note")]
    [InlineData("attachments[0]")]
    public async Task A_nul_in_a_note_or_attachment_is_a_400_naming_the_field_and_writes_nothing(string field)
    {
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        object body = field == "note"
            ? new { to = "received", version = 0, note = "trước\u0000sau" }
            : new { to = "received", version = 0, attachments = new[] { "hồ sơ\u0000.pdf" } };
        var (status, error) = await admin.PostJsonAsync($"/api/cases/{Own}/transitions", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid-input", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains($"'{field}'", error.GetProperty("error").GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Contains("U+0000", error.GetProperty("error").GetProperty("vi").GetString(), StringComparison.Ordinal);
        Assert.Empty(await HistoryAsync(Own));
    }

    [Fact]
    public async Task A_nul_in_a_login_name_is_a_400_naming_the_field_before_any_lookup()
    {
        var (status, error) = await App.Client().PostJsonAsync("/api/login", new { user = "admin\u0000", password = "admin-pw-1" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'user'", error.GetProperty("error").GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("22021", error.GetRawText(), StringComparison.Ordinal); // PostgreSQL's code for a bad byte sequence
    }

    [Fact]
    public async Task Malformed_json_is_a_400_with_the_error_body_and_text_plain_is_a_415()
    {
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        foreach (var (url, text) in new[] { ($"/api/cases/{Own}/transitions", "{\"to\": \"received\", \"version\": "), ("/api/login", "{user: admin}") })
        {
            using var bad = await admin.PostAsync(url, new StringContent(text, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("bad-json", ErrorCode(await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }

        using var plain = await admin.PostAsync($"/api/cases/{Own}/transitions",
            new StringContent("""{"to":"received","version":0}""", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal("unsupported-media-type", ErrorCode(await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Empty(await HistoryAsync(Own));
    }

    [Fact]
    public async Task A_note_over_the_limit_is_a_400_naming_it_and_a_20_mb_body_is_a_413()
    {
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        var (status, error) = await admin.PostJsonAsync($"/api/cases/{Own}/transitions",
            new { to = "received", version = 0, note = new string('a', TrackerInput.MaxNoteLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'note'", error.GetProperty("error").GetProperty("en").GetString(), StringComparison.Ordinal);

        // With Expect: 100-continue, as curl sends a large body: the server answers before the 20 MB are sent.
        admin.DefaultRequestHeaders.ExpectContinue = true;
        using var huge = await admin.PostAsync($"/api/cases/{Own}/transitions",
            JsonContent(new { to = "received", version = 0, note = new string('a', 20_000_000) }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("too-large", ErrorCode(await huge.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Empty(await HistoryAsync(Own));
    }

    [Fact]
    public async Task The_eleventh_wrong_password_in_a_minute_is_refused_without_checking_it()
    {
        var client = App.Client();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/login", new { user = "xem", password = $"guess-{i}" })).Status);
        }

        // The right password now: refused all the same, so the answer tells a guesser nothing.
        using var locked = await client.PostAsync("/api/login", JsonContent(new { user = "xem", password = "xem-pw-123" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("login-locked", ErrorCode(await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/login", new { user = "cb1", password = "cb1-pw-12" })).Status); // other accounts are not locked

        Clock.Now = Clock.Now.AddMinutes(16);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/login", new { user = "xem", password = "xem-pw-123" })).Status);
    }

    private static string? ErrorCode(string json) => JsonDocument.Parse(json).RootElement.GetProperty("error").GetProperty("code").GetString();

    private Cookie CookieOf(HttpClient client) => App.SessionCookie(client);

    private HttpClient WithCookie(Cookie cookie)
    {
        var jar = new CookieContainer();
        jar.Add(new Uri(App.Address), new Cookie(cookie.Name, cookie.Value));
        return new HttpClient(new HttpClientHandler { CookieContainer = jar, UseCookies = true }) { BaseAddress = new Uri(App.Address) };
    }
}
