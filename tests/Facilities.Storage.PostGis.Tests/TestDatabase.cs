using Facilities.PostGisReference;
using Npgsql;

namespace Facilities.Storage.PostGis.Tests;

/// <summary>
/// A PostGIS database from FACILITIES_TEST_PG and a schema of its own (unique name), dropped on dispose.
/// Without the variable a test skips, unless FACILITIES_REQUIRE_TOOLS=1 (scripts/test.sh starts a server), where it fails.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(NpgsqlDataSource db, string schema)
    {
        Db = db;
        Schema = schema;
    }

    /// <summary>The data source (NetTopologySuite mapping on).</summary>
    public NpgsqlDataSource Db { get; }

    /// <summary>This test's schema; it does not exist until a load creates it.</summary>
    public string Schema { get; }

    /// <summary>Connects, or skips/fails the test when no server is configured.</summary>
    public static TestDatabase Open()
    {
        var connectionString = Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") == "1")
            {
                Assert.Fail("FACILITIES_TEST_PG is required (FACILITIES_REQUIRE_TOOLS=1) but not set; scripts/test.sh starts a PostGIS server");
            }

            Assert.Skip("set FACILITIES_TEST_PG");
        }

        return new TestDatabase(PostGisDeficit.CreateDataSource(connectionString), "t_" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Drops the schema and closes the data source.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await PostGisDeficit.DropSchemaAsync(Db, Schema);
        }
        finally
        {
            await Db.DisposeAsync();
        }
    }
}
