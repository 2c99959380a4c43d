using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Facilities.Core.Tracker;
using Facilities.Storage.PostGis;
using Facilities.Web.Tracker;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Facilities.Web.Tests;

/// <summary>
/// The department deployment as it runs (issue 17): two OS processes of the built CLI, <c>facilities serve … --db …</c>,
/// on one PostgreSQL database, each with its own runtime, connection pool, session cache and login throttle. 50
/// commune officials, two per case, each signed in on one process and moving the case through the other, all at once:
/// every acknowledged move is in its case's history exactly once, and the other of each pair gets 409. The in-process
/// twin is <see cref="TwoServersOnePostgresTests"/>; this one proves nothing is shared through the test's own memory.
/// </summary>
public sealed partial class TwoServeProcessesOnePostgresTests : IAsyncDisposable
{
    private const int Officials = 50;
    private readonly DepartmentSite _site = new();
    private readonly List<Process> _servers = [];
    private readonly List<StringBuilder> _errors = [];
    private string? _admin;
    private string? _database;

    [Fact]
    public async Task Fifty_officials_moving_cases_through_two_serve_processes_on_one_database_leave_each_acknowledged_move_once_and_conflicts_get_409()
    {
        var server = Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") != "1", "set FACILITIES_TEST_PG");
            Assert.Fail("FACILITIES_TEST_PG is required (FACILITIES_REQUIRE_TOOLS=1) but not set; scripts/test.sh starts a PostgreSQL server");
        }

        // serve keeps the tracker in the default schema of --db, so the test gets a database of its own.
        var cancel = TestContext.Current.CancellationToken;
        var connection = await CreateDatabaseAsync(server, cancel);

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

        var addresses = new[] { await StartServeAsync(connection, cancel), await StartServeAsync(connection, cancel) };
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

            // Both processes are still up: no move brought one down.
            Assert.All(_servers, p => Assert.False(p.HasExited, string.Join(Environment.NewLine, _errors)));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _servers)
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }

            await p.WaitForExitAsync(CancellationToken.None);
            p.Dispose();
        }

        if (_admin is not null && _database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(_admin);
            await c.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", c);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }

        _site.Dispose();
    }

    /// <summary>A fresh database on the test server, named after the test server's database; its connection string.</summary>
    private async Task<string> CreateDatabaseAsync(string server, CancellationToken cancel)
    {
        var admin = new NpgsqlConnectionStringBuilder(server);
        _database = (admin.Database ?? "postgres") + "_procs_" + Guid.NewGuid().ToString("N")[..12];
        _admin = admin.ConnectionString;
        await using (var c = new NpgsqlConnection(_admin))
        {
            await c.OpenAsync(cancel);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", c);
            await create.ExecuteNonQueryAsync(cancel);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
    }

    /// <summary>
    /// Starts <c>facilities serve DATASET --db … --port 0</c> as its own process (the apphost built beside the tests)
    /// and waits for the line that names its address; fails with the process's stderr if it ends first.
    /// </summary>
    private async Task<string> StartServeAsync(string connection, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "facilities"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "serve", _site.Dataset, "--db", connection, "--port", "0" })
        {
            start.ArgumentList.Add(a);
        }

        var p = Process.Start(start) ?? throw new InvalidOperationException("could not start facilities serve");
        _servers.Add(p);
        var errors = new StringBuilder();
        _errors.Add(errors);
        p.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        p.BeginErrorReadLine();

        // The address line comes within the first few lines; a bounded read, no sleeps.
        for (var i = 0; i < 20; i++)
        {
            var line = await p.StandardOutput.ReadLineAsync(cancel);
            if (line is null)
            {
                await p.WaitForExitAsync(cancel);
                Assert.Fail($"facilities serve ended (exit {p.ExitCode}) before printing its address: {errors}");
            }

            if (AddressPattern().Match(line) is { Success: true } m)
            {
                // Keep draining stdout so the process never blocks on a full pipe.
                _ = p.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return m.Value;
            }
        }

        Assert.Fail($"facilities serve printed no address in its first 20 lines: {errors}");
        return "";
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex AddressPattern();
}
