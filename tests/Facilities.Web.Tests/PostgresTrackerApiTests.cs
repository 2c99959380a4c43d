using Facilities.Storage.PostGis;

namespace Facilities.Web.Tests;

/// <summary>The same tracker API tests with the cases in PostgreSQL (<c>--db</c>), in a schema of this test's own.</summary>
public sealed class PostgresTrackerApiTests : TrackerApiContract
{
    private readonly string _schema = "web_" + Guid.NewGuid().ToString("N");
    private string? _connection;

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

        return new WebOptions { DatasetPath = dataset, TrackerDb = _connection, TrackerSchema = _schema };
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
}
