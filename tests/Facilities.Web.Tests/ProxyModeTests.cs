using System.Net;
using System.Net.Http.Json;
using Facilities.Core.Tracker;

namespace Facilities.Web.Tests;

/// <summary>
/// The department server behind a reverse proxy (<c>serve --behind-proxy [--proxy ADDRESS]</c>): X-Forwarded-For,
/// -Proto and -Host are believed only from the named proxy (the test's client on 127.0.0.1 plays the proxy, or a
/// stranger when the proxy is named elsewhere), cookies are always Secure, and the CSRF check compares Origin with
/// the origin the proxy was reached at.
/// </summary>
public sealed class ProxyModeTests : IDisposable
{
    private const string Client = "203.0.113.7";   // TEST-NET-3: a browser the proxy forwards for
    private readonly DepartmentSite _site = new();

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_the_proxy_are_ignored()
    {
        var entries = await LoginAndMoveAsync([IPAddress.Parse("10.9.9.9")], origin: null);
        Assert.All(entries, e => Assert.Equal("127.0.0.1", e.Address));
        Assert.Equal([AuditActions.Login, AuditActions.Transition], entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Forwarded_headers_from_the_proxy_give_the_clients_address_and_the_public_origin()
    {
        var entries = await LoginAndMoveAsync([IPAddress.Loopback], origin: "https://truong.haiphong.example");
        Assert.All(entries, e => Assert.Equal(Client, e.Address));
        Assert.Equal([AuditActions.Login, AuditActions.Transition], entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Behind_the_proxy_an_origin_other_than_the_public_one_is_refused()
    {
        await using var app = await StartAsync([IPAddress.Loopback]);
        var cookie = await LoginAsync(app);
        // The app's own loopback address is not the origin the browser sees: the proxy's public name is.
        using var request = Move(app, cookie, "received", 0, FacilitiesWebApp.Address(app));
        using var refused = await Http(app).SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    public void Dispose() => _site.Dispose();

    private async Task<IReadOnlyList<AuditEntry>> LoginAndMoveAsync(IReadOnlyList<IPAddress> proxies, string? origin)
    {
        await using var app = await StartAsync(proxies);
        var cookie = await LoginAsync(app);
        using var request = Move(app, cookie, "received", 0, origin);
        using var moved = await Http(app).SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, $"{(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var entries = await DepartmentSite.AuditAsync(app);
        await app.StopAsync(CancellationToken.None);
        return entries;
    }

    private async Task<Microsoft.AspNetCore.Builder.WebApplication> StartAsync(IReadOnlyList<IPAddress> proxies)
    {
        var app = FacilitiesWebApp.Build(new WebOptions { DatasetPath = _site.Dataset, Port = 0, BehindProxy = true, Proxies = proxies, Time = _site.Clock });
        await app.StartAsync(TestContext.Current.CancellationToken);
        await DepartmentSite.AddAccountsAsync(app);
        return app;
    }

    /// <summary>Signs cb1 in through the "proxy"; the session cookie (Secure even over the proxy's plain-HTTP hop).</summary>
    private static async Task<string> LoginAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = JsonContent.Create(new { user = "cb1", password = "cb1-pw-12" }) };
        Forwarded(request);
        using var login = await Http(app).SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static HttpRequestMessage Move(Microsoft.AspNetCore.Builder.WebApplication app, string cookie, string to, int version, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{DepartmentSite.Own}/transitions") { Content = JsonContent.Create(new { to, version }) };
        Forwarded(request);
        request.Headers.Add("Cookie", cookie);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        _ = app;
        return request;
    }

    /// <summary>What nginx adds (deploy/nginx/facilities.conf).</summary>
    private static void Forwarded(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-For", Client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "truong.haiphong.example");
    }

    private static HttpClient Http(Microsoft.AspNetCore.Builder.WebApplication app) =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(FacilitiesWebApp.Address(app)) };
}
