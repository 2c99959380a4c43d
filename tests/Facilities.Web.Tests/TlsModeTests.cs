using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Facilities.Core.Tracker;

namespace Facilities.Web.Tests;

/// <summary>
/// The department server serving HTTPS itself (<c>serve --listen … --tls-cert … --tls-key …</c>), reached over real TLS
/// on 127.0.0.1 with a throwaway self-signed certificate that the client pins: every cookie Secure, cross-site
/// writes refused, and every login (also failed), move and logout in the audit log with the client's address.
/// </summary>
public sealed class TlsModeTests : IDisposable
{
    private readonly DepartmentSite _site = new();

    [Fact]
    public async Task Over_tls_every_cookie_is_secure_cross_site_writes_are_refused_and_the_audit_log_holds_each_login_and_move_with_its_address()
    {
        var cert = SelfSignedCertificate.Write(_site.Dir.Path);
        await using var app = FacilitiesWebApp.Build(new WebOptions
        {
            DatasetPath = _site.Dataset,
            Port = 0,
            TlsCertPath = cert.CertPath,
            TlsKeyPath = cert.KeyPath,
            Time = _site.Clock,
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        await DepartmentSite.AddAccountsAsync(app);
        var address = FacilitiesWebApp.Address(app);
        Assert.StartsWith("https://127.0.0.1:", address, StringComparison.Ordinal);
        var cancel = TestContext.Current.CancellationToken;
        using var browser = new HttpClient(cert.Handler(new CookieContainer())) { BaseAddress = new Uri(address) };

        using (var wrong = await browser.PostAsJsonAsync("/api/login", new { user = "cb1", password = "not-it" }, cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var login = await browser.PostAsJsonAsync("/api/login", new { user = "cb1", password = "cb1-pw-12" }, cancel))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var cookies = login.Headers.GetValues("Set-Cookie").ToList();
            Assert.NotEmpty(cookies);
            Assert.All(cookies, c =>
            {
                Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("; samesite=strict", c, StringComparison.OrdinalIgnoreCase);
            });
        }

        // A page on another site posting with the user's cookie: refused by Fetch Metadata, by Origin, by Referer.
        var forged = new (string Header, string Value)[]
        {
            ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"), ("Origin", "https://evil.example"), ("Origin", "null"),
            ("Origin", address.Replace("https://", "http://", StringComparison.Ordinal)), ("Referer", "https://evil.example/page"),
        };
        foreach (var (header, value) in forged)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{DepartmentSite.Own}/transitions")
            {
                Content = JsonContent.Create(new { to = "received", version = 0 }),
            };
            request.Headers.TryAddWithoutValidation(header, value);
            using var refused = await browser.SendAsync(request, cancel);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{header}: {value} gave {(int)refused.StatusCode}");
            var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(cancel)).RootElement.GetProperty("error");
            Assert.Equal("cross-site", error.GetProperty("code").GetString());
            Assert.Contains("CSRF", error.GetProperty("vi").GetString(), StringComparison.Ordinal);
            Assert.Contains("cross-site request forgery", error.GetProperty("en").GetString(), StringComparison.Ordinal);
        }

        // The app's own page: same-origin by Fetch Metadata, then by Origin alone (an older browser).
        foreach (var (header, value, to, version) in new[] { ("Sec-Fetch-Site", "same-origin", "received", 0), ("Origin", address, "checked", 1) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{DepartmentSite.Own}/transitions")
            {
                Content = JsonContent.Create(new { to, version }),
            };
            request.Headers.TryAddWithoutValidation(header, value);
            using var accepted = await browser.SendAsync(request, cancel);
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"{header}: {value} gave {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync(cancel)}");
        }

        using (var logout = await browser.PostAsync("/api/logout", null, cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        var at = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [
                new AuditEntry(at, "cb1", "127.0.0.1", AuditActions.LoginFailed, "wrong name or password"),
                new AuditEntry(at, "cb1", "127.0.0.1", AuditActions.Login, ""),
                new AuditEntry(at, "cb1", "127.0.0.1", AuditActions.Transition, $"{DepartmentSite.Own} #1: not_started -> received"),
                new AuditEntry(at, "cb1", "127.0.0.1", AuditActions.Transition, $"{DepartmentSite.Own} #2: received -> checked"),
                new AuditEntry(at, "cb1", "127.0.0.1", AuditActions.Logout, ""),
            ],
            await DepartmentSite.AuditAsync(app));
        await app.StopAsync(CancellationToken.None);
    }

    public void Dispose() => _site.Dispose();
}
