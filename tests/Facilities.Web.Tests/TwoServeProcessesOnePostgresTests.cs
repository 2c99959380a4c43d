using System.Net;
using System.Net.Http.Json;
using Facilities.Core.Tracker;
using Facilities.Storage.PostGis;
using Facilities.Web.Tracker;
using Microsoft.Extensions.DependencyInjection;

namespace Facilities.Web.Tests;

/// <summary>
/// The department deployment as it runs (issue 17): two OS processes of the built CLI, <c>facilities serve … --db …</c>,
/// on one PostgreSQL database, each with its own runtime and connection pool. 50 commune officials, two per case, each
/// signed in on one process and moving the case through the other, all at once: every acknowledged move is in its
/// case's history exactly once, with its one audit line, and the other of each pair gets 409. The in-process
/// twin is <see cref="TwoServersOnePostgresTests"/>; this one proves nothing is shared through the test's own memory.
/// </summary>
public sealed class TwoServeProcessesOnePostgresTests : IAsyncDisposable
{
    private const int Officials = 50;
    private readonly DepartmentSite _site = new();
    private readonly ServeProcesses _serve = new();

    [Fact]
    public async Task Fifty_officials_moving_cases_through_two_serve_processes_on_one_database_leave_each_acknowledged_move_once_and_conflicts_get_409()
    {
        var server = ServeProcesses.TestServer();
        var cancel = TestContext.Current.CancellationToken;
        var connection = await _serve.CreateDatabaseAsync(server, cancel);

        // The cases and accounts, prepared through the app's own tracker (not started) before either process runs.
        List<string> siteIds;
        List<(string Name, string Site)> accounts;
        await using (var setup = FacilitiesWebApp.Build(new WebOptions { DatasetPath = _site.Dataset, Port = 0, TrackerDb = connection }))
        {
            var tracker = setup.Services.GetRequiredService<TrackerContext>();
            var sites = tracker.Sites.All.Where(s => !tracker.Sites.Certified.Contains(s.SiteId)).Take(Officials / 2).ToList();
            Assert.Equal(Officials / 2, sites.Count);
            siteIds = [.. sites.Select(s => s.SiteId)];
            accounts = [.. Enumerable.Range(0, Officials).Select(i => ($"cb{i:00}", sites[i / 2].SiteId))];
            for (var i = 0; i < Officials; i++)
            {
                // The lightest hash allowed: 50 full-strength hashes would only make the test slow.
                var user = new TrackerUser(accounts[i].Name, TrackerRole.CommuneOfficial, sites[i / 2].CommuneCode);
                Assert.True(await tracker.Store.AddUserAsync(new StoredUser(user, TrackerPasswords.Hash(accounts[i].Name + "-pw-1", 100_000)), cancel));
            }
        }

        var addresses = new[] { await _serve.StartAsync(_site.Dataset, connection, cancel), await _serve.StartAsync(_site.Dataset, connection, cancel) };
        Assert.NotEqual(addresses[0], addresses[1]);

        // Official i signs in on process i % 2 and moves through the other one; the cookie is kept for 127.0.0.1,
        // whichever port, as a browser keeps it for the proxy's one name.
        var clients = new List<HttpClient>();
        try
        {
            for (var i = 0; i < Officials; i++)
            {
                var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
                clients.Add(client);
                using var login = await client.PostAsJsonAsync(addresses[i % 2] + "/api/login", new { user = accounts[i].Name, password = accounts[i].Name + "-pw-1" }, cancel);
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var moves = Enumerable.Range(0, Officials).Select(i => Task.Run(async () =>
            {
                await gate.Task;
                var (name, site) = accounts[i];
                using var response = await clients[i].PostAsJsonAsync($"{addresses[1 - (i % 2)]}/api/cases/{site}/transitions",
                    new { to = "received", version = 0, note = "di chuyển bởi " + name }, cancel);
                return (Name: name, Site: site, Status: response.StatusCode);
            }, cancel)).ToList();
            gate.SetResult();
            var answers = await Task.WhenAll(moves);

            Assert.All(answers, x => Assert.True(x.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{x.Name}: {(int)x.Status}"));
            using var store = PostgresCaseStore.Open(connection);
            foreach (var id in siteIds)
            {
                var pair = answers.Where(x => x.Site == id).ToList();
                Assert.Equal(2, pair.Count);
                var winner = Assert.Single(pair, x => x.Status == HttpStatusCode.OK);
                Assert.Single(pair, x => x.Status == HttpStatusCode.Conflict);
                var e = Assert.Single(await store.LoadEventsAsync(id, cancel));
                Assert.Equal((winner.Name, CaseStep.Received, "di chuyển bởi " + winner.Name), (e.Actor, e.To, e.Note));
            }

            // One audit line per acknowledged move (written in the move's transaction), none for a 409.
            using var security = PostgresTrackerSecurity.Open(connection);
            var audited = (await security.ListAuditAsync(actor: null, cancel: cancel)).Where(a => a.Action == AuditActions.Transition).ToList();
            Assert.Equal(
                answers.Where(x => x.Status == HttpStatusCode.OK).Select(x => (x.Name, $"{x.Site} #1: not_started -> received")).Order(),
                audited.Select(a => (a.Actor, a.Detail)).Order());

            // Both processes are still up: no move brought one down.
            Assert.True(_serve.AllRunning, _serve.Errors);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _serve.DisposeAsync();
        _site.Dispose();
    }
}
