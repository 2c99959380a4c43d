using System.Net;
using Facilities.Storage.PostGis;
using Npgsql;

namespace Facilities.Web.Tests;

/// <summary>
/// The same tracker API tests with the cases in PostgreSQL (<c>--db</c>), in a schema of this test's own, and what
/// only PostgreSQL has: its connections broken under the server (as a restart of PostgreSQL does: every backend
/// terminated), before a request and in the middle of a burst.
/// </summary>
public sealed class PostgresTrackerApiTests : TrackerLoadContract
{
    private readonly string _schema = "web_" + Guid.NewGuid().ToString("N");
    private string? _connection;

    /// <summary>The server's connections carry this name, so a test can terminate them and no one else's.</summary>
    private string ApplicationName => _schema;

    protected override WebOptions Options(string dataset)
    {
        _connection = Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrWhiteSpace(_connection))
        {
            if (Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") == "1")
            {
                Assert.Fail("FACILITIES_TEST_PG is required (FACILITIES_REQUIRE_TOOLS=1) but not set; scripts/test.sh starts a PostgreSQL server");
            }

            Assert.Skip("set FACILITIES_TEST_PG");
        }

        return new WebOptions { DatasetPath = dataset, TrackerDb = _connection + ";Application Name=" + ApplicationName, TrackerSchema = _schema };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connection is not null)
        {
            using var store = PostgresCaseStore.Open(_connection, _schema);
            store.DropSchema();
        }
    }

    [Fact]
    public async Task The_first_request_after_the_connections_were_terminated_succeeds()
    {
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetJsonAsync($"/api/cases/{Own}")).Status);
        Assert.True(await TerminateAsync() > 0);
        var (status, body) = await admin.PostJsonAsync($"/api/cases/{Own}/transitions", new { to = "received", version = 0, note = "sau khởi động lại" });
        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body}");
        Assert.Equal("sau khởi động lại", Assert.Single(await HistoryAsync(Own)).GetProperty("note").GetString());
    }

    [Fact]
    public async Task Connections_terminated_mid_burst_lose_no_acknowledged_move_and_give_no_500()
    {
        var sites = Tracker.Sites.All.Select(s => s.SiteId).Take(150).ToList();
        // Signed in first: the terminations start with the burst, and a login whose connection is terminated is rightly
        // a 503 (this raced once and failed the sign-in, not the burst).
        var admin = await App.LoginAsync("admin", "admin-pw-1");
        var burst = BurstAsync(admin, [.. sites.Select(id => (id, "writer " + id))]);
        var terminated = 0;
        while (!burst.IsCompleted && terminated < 3)
        {
            terminated += await TerminateAsync() > 0 ? 1 : 0;
        }

        var answers = await burst;
        Report($"150 writers, backends terminated {terminated}×", answers);
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.Site}: {(int)a.Status} {a.Body}"));
        var history = await AllHistoriesAsync(sites);
        var acknowledged = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Site).ToHashSet();
        Assert.All(acknowledged, id => Assert.Equal(["writer " + id], history[id]));
        // A 503 wrote nothing, or its commit reached the server just as the connection and the retry both failed:
        // then the move is there once, never twice.
        Assert.All(sites.Where(id => !acknowledged.Contains(id)), id => Assert.True(history[id].Count <= 1));
        var (after, _) = await (await App.LoginAsync("admin", "admin-pw-1")).GetJsonAsync($"/api/cases/{sites[0]}");
        Assert.Equal(HttpStatusCode.OK, after);
    }

    /// <summary>Terminates every PostgreSQL backend of this test's server (by its application name); the count.</summary>
    private async Task<int> TerminateAsync()
    {
        await using var db = NpgsqlDataSource.Create(_connection!);
        await using var cmd = db.CreateCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ApplicationName });
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
