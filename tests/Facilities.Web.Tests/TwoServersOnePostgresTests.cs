using System.Net;
using System.Net.Http.Json;
using Facilities.Core.Tracker;
using Facilities.Storage.PostGis;
using Facilities.Web.Tracker;
using Microsoft.Extensions.DependencyInjection;

namespace Facilities.Web.Tests;

/// <summary>
/// Two server instances (each its own Kestrel on a loopback port, its own tracker context, session registry, login
/// throttle and connection pool, as two processes behind one proxy) on one PostgreSQL tracker schema: 50 commune
/// officials, two per case, each signed in on one server and sent by the "proxy" to the other for the move, all 50
/// moves at once. Every acknowledged move is in its case's history exactly once, the other of each pair gets 409,
/// and a logout on one server ends the session on the other.
/// </summary>
public sealed class TwoServersOnePostgresTests : IAsyncDisposable
{
    private const int Officials = 50;
    private readonly DepartmentSite _site = new();
    private readonly string _schema = "two_" + Guid.NewGuid().ToString("N");
    private string? _connection;

    [Fact]
    public async Task Fifty_officials_moving_cases_through_two_servers_on_one_database_leave_each_acknowledged_move_once_and_conflicts_get_409()
    {
        _connection = Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrWhiteSpace(_connection))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") != "1", "set FACILITIES_TEST_PG");
            Assert.Fail("FACILITIES_TEST_PG is required (FACILITIES_REQUIRE_TOOLS=1) but not set; scripts/test.sh starts a PostgreSQL server");
        }

        var cancel = TestContext.Current.CancellationToken;
        var options = new WebOptions { DatasetPath = _site.Dataset, Port = 0, TrackerDb = _connection, TrackerSchema = _schema };
        await using var a = FacilitiesWebApp.Build(options);
        await using var b = FacilitiesWebApp.Build(options);
        await a.StartAsync(cancel);
        await b.StartAsync(cancel);
        var servers = new[] { FacilitiesWebApp.Address(a), FacilitiesWebApp.Address(b) };
        Assert.NotEqual(servers[0], servers[1]);

        // Two officials of the case's own commune per case; accounts created on server A, seen by B through the database.
        var tracker = a.Services.GetRequiredService<TrackerContext>();
        var sites = tracker.Sites.All.Where(s => !tracker.Sites.Certified.Contains(s.SiteId)).Take(Officials / 2).ToList();
        Assert.Equal(Officials / 2, sites.Count);
        var admin = new TrackerUser("admin", TrackerRole.CityDepartment);
        Assert.Null(await tracker.Service.AddUserAsync(null, admin, "admin-pw-1", cancel: cancel));
        var officials = Enumerable.Range(0, Officials).Select(i => (Name: $"cb{i:00}", Site: sites[i / 2], Login: servers[i % 2], Move: servers[1 - (i % 2)])).ToList();
        foreach (var o in officials)
        {
            // Straight into the store with the lightest hash allowed: 50 full-strength hashes would only make the test slow.
            var user = new TrackerUser(o.Name, TrackerRole.CommuneOfficial, o.Site.CommuneCode);
            Assert.True(await tracker.Store.AddUserAsync(new StoredUser(user, TrackerPasswords.Hash(o.Name + "-pw-1", 100_000)), cancel));
        }

        // Sign-ins one by one (the password hash is deliberately slow); the clients keep their cookie for 127.0.0.1,
        // whichever port, as a browser keeps it for the proxy's one name.
        var clients = new List<HttpClient>();
        var jars = new List<CookieContainer>();
        foreach (var o in officials)
        {
            jars.Add(new CookieContainer());
            var client = new HttpClient(new HttpClientHandler { CookieContainer = jars[^1] });
            using var login = await client.PostAsJsonAsync(o.Login + "/api/login", new { user = o.Name, password = o.Name + "-pw-1" }, cancel);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            clients.Add(client);
        }

        var moves = officials.Select((o, i) => MoveAsync(clients[i], o.Move, o.Site.SiteId, o.Name, cancel)).ToList();
        var answers = await Task.WhenAll(moves);

        Assert.All(answers, x => Assert.True(x.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{x.Name}: {(int)x.Status}"));
        using var store = PostgresCaseStore.Open(_connection, _schema);
        foreach (var pair in answers.GroupBy(x => x.Site))
        {
            var winners = pair.Where(x => x.Status == HttpStatusCode.OK).ToList();
            Assert.Single(winners);
            Assert.Single(pair, x => x.Status == HttpStatusCode.Conflict);
            var history = await store.LoadEventsAsync(pair.Key, cancel);
            var e = Assert.Single(history);
            Assert.Equal((winners[0].Name, CaseStep.Received, "di chuyển bởi " + winners[0].Name), (e.Actor, e.To, e.Note));
        }

        // The audit log (one table, both servers) holds each login and each acknowledged move once.
        var audit = await DepartmentSite.AuditAsync(b);
        Assert.Equal(officials.Select(o => o.Name).Order(StringComparer.Ordinal), audit.Where(x => x.Action == AuditActions.Login).Select(x => x.Actor).Order(StringComparer.Ordinal));
        Assert.Equal(
            answers.Where(x => x.Status == HttpStatusCode.OK).Select(x => $"{x.Name} {x.Site} #1: not_started -> received").Order(StringComparer.Ordinal),
            audit.Where(x => x.Action == AuditActions.Transition).Select(x => $"{x.Actor} {x.Detail}").Order(StringComparer.Ordinal));

        // Logging out on one server ends the session on the other, also for a copy of the cookie kept from before.
        var copy = jars[0].GetCookies(new Uri(servers[0]))["facilities_session"]!.Value;
        using (var me = await clients[0].GetAsync(servers[1] + "/api/me", cancel))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using (var logout = await clients[0].PostAsync(servers[0] + "/api/logout", null, cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, servers[1] + "/api/me");
        request.Headers.Add("Cookie", "facilities_session=" + copy);
        using (var after = await replay.SendAsync(request, cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        clients.ForEach(c => c.Dispose());
        await a.StopAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (!string.IsNullOrWhiteSpace(_connection))
        {
            using var store = PostgresCaseStore.Open(_connection, _schema);
            store.DropSchema();
        }

        _site.Dispose();
        await Task.CompletedTask;
    }

    private static async Task<(string Name, string Site, HttpStatusCode Status)> MoveAsync(HttpClient client, string server, string site, string name, CancellationToken cancel)
    {
        using var response = await client.PostAsJsonAsync($"{server}/api/cases/{site}/transitions", new { to = "received", version = 0, note = "di chuyển bởi " + name }, cancel);
        return (name, site, response.StatusCode);
    }
}
