using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;

namespace Facilities.Web.Tests;

/// <summary>The map app on a free 127.0.0.1 port, reached over real HTTP; stopped on dispose.</summary>
internal sealed class RunningApp : IAsyncDisposable
{
    private RunningApp(WebApplication app)
    {
        App = app;
        Address = FacilitiesWebApp.Address(app);
    }

    public WebApplication App { get; }

    /// <summary>http://127.0.0.1:port (no trailing slash).</summary>
    public string Address { get; }

    public static async Task<RunningApp> StartAsync(WebOptions options)
    {
        var app = FacilitiesWebApp.Build(options with { Port = 0 });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningApp(app);
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> _jars = [];

    /// <summary>A client with its own cookie jar (one browser).</summary>
    public HttpClient Client()
    {
        var jar = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, UseCookies = true }) { BaseAddress = new Uri(Address) };
        _jars.Add(client, jar);
        return client;
    }

    /// <summary>The session cookie a client of <see cref="Client"/> holds (to copy it into another client).</summary>
    public Cookie SessionCookie(HttpClient client) =>
        _jars.TryGetValue(client, out var jar) ? jar.GetCookies(new Uri(Address))["facilities_session"]! : throw new ArgumentException("not a client of this app");

    /// <summary>A client signed in as <paramref name="user"/>.</summary>
    public async Task<HttpClient> LoginAsync(string user, string password)
    {
        var client = Client();
        using var response = await client.PostAsJsonAsync("/api/login", new { user, password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
