using Facilities.Storage.PostGis;
using Facilities.Testing;

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
