using System.Net;
using Facilities.Core.Tracker;
using Facilities.Storage.PostGis;
using Facilities.Testing;
using Facilities.Web.Security;

namespace Facilities.Web.Tests;

/// <summary>The login throttle's rules on PostgreSQL, in a schema of this test's own (dropped afterwards).</summary>
public sealed class PostgresLoginThrottleTests : LoginThrottleContract
{
    private readonly TempDir _dir = new();
    private readonly string _schema = "throttle_" + Guid.NewGuid().ToString("N");
    private string? _connection;

    protected override WebOptions Options()
    {
        _connection = Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrWhiteSpace(_connection))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") != "1", "set FACILITIES_TEST_PG");
            Assert.Fail("FACILITIES_TEST_PG is required (FACILITIES_REQUIRE_TOOLS=1) but not set; scripts/test.sh starts a PostgreSQL server");
        }

        return new WebOptions { DatasetPath = _dir.File("d.gpkg"), TrackerDb = _connection, TrackerSchema = _schema };
    }

    [Fact]
    public async Task An_unreachable_database_refuses_a_login_with_a_one_line_503_and_the_throttle_says_which_store()
    {
        // Nothing listens on loopback port 1: refused at once, no network needed.
        const string Nowhere = "Host=127.0.0.1;Port=1;Username=postgres;Database=facilities;Timeout=3";
        using var site = new DepartmentSite();
        await using var app = await RunningApp.StartAsync(new WebOptions { DatasetPath = site.Dataset, TrackerDb = Nowhere });
        using var response = await app.Client().PostAsync("/api/login",
            new StringContent("""{"user":"xem","password":"xem-pw-123"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("\"code\":\"store-unavailable\"", body, StringComparison.Ordinal);
        Assert.Contains("không kết nối được cơ sở dữ liệu hồ sơ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);

        using var security = new TrackerSecurity(new WebOptions { DatasetPath = site.Dataset, TrackerDb = Nowhere }, site.Dataset);
        var throttle = new LoginThrottle(security, new SettableClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7))));
        var e = await Assert.ThrowsAsync<CaseStoreUnavailableException>(() => throttle.FailedAsync("xem", "10.0.0.1"));
        Assert.StartsWith("PostgreSQL tracker store (sessions, audit log, login throttle) unavailable: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_connection is not null)
        {
            using var store = PostgresCaseStore.Open(_connection, _schema);
            store.DropSchema();
        }

        _dir.Dispose();
    }
}
