using Facilities.Core.Tracker;
using Facilities.Testing.Tracker;
using Npgsql;

// The store calls below take an optional token; each test has its own store and a hang guard where it runs
// concurrent work, so the test-cancellation token is not threaded through every call.
#pragma warning disable xUnit1051

namespace Facilities.Storage.PostGis.Tests.Tracker;

/// <summary>The store contract on PostgreSQL; each store gets its own schema, dropped afterwards.</summary>
public sealed class PostgresCaseStoreTests : CaseStoreContract, IDisposable
{
    private readonly List<PostgresCaseStore> _stores = [];

    protected override ICaseStore CreateStore()
    {
        var store = PostgresCaseStore.Open(ConnectionString(), "t_" + Guid.NewGuid().ToString("N"));
        _stores.Add(store);
        return store;
    }

    protected override async Task<IReadOnlyList<AuditEntry>> AuditAsync(ICaseStore store)
    {
        using var security = PostgresTrackerSecurity.Open(ConnectionString(), ((PostgresCaseStore)store).Schema);
        return await security.ListAuditAsync();
    }

    protected override async Task RefuseAuditLinesOfAsync(ICaseStore store, string actor)
    {
        var s = "\"" + ((PostgresCaseStore)store).Schema + "\"";
        await using var db = NpgsqlDataSource.Create(ConnectionString());
        await using var cmd = db.CreateCommand($"""
            CREATE FUNCTION {s}.test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected: audit line refused'; END $$;
            CREATE TRIGGER test_refuse_audit BEFORE INSERT ON {s}.audit_log FOR EACH ROW WHEN (NEW.actor = '{actor}') EXECUTE FUNCTION {s}.test_refuse_audit();
            """);
        await cmd.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        foreach (var s in _stores)
        {
            s.DropSchema();
            s.Dispose();
        }
    }

    [Fact]
    public async Task Migrations_are_recorded_once_and_events_cannot_be_changed()
    {
        var cs = ConnectionString();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        var store = PostgresCaseStore.Open(cs, schema);
        _stores.Add(store);
        using (var again = PostgresCaseStore.Open(cs, schema))
        {
            Assert.Equal([1, 2, 3, 4], again.AppliedMigrations());
        }

        var e = new CaseEvent(1, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)), "a", TrackerRole.CityDepartment,
            CaseStep.NotStarted, CaseStep.Received, "n", []);
        Assert.Equal(AppendResult.Appended, await store.AppendAsync(SiteA, 0, e));
        using var db = NpgsqlDataSource.Create(cs);
        foreach (var sql in new[] { "UPDATE {0}.case_events SET note = 'x'", "DELETE FROM {0}.case_events", "TRUNCATE {0}.case_events CASCADE" })
        {
            using var cmd = db.CreateCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, schema));
            Assert.Throws<PostgresException>(() => cmd.ExecuteNonQuery());
        }

        Assert.Equal(e, Assert.Single(await store.LoadEventsAsync(SiteA.SiteId)));
    }

    private static string ConnectionString()
    {
        var cs = Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") == "1")
            {
                Assert.Fail("FACILITIES_TEST_PG is required (FACILITIES_REQUIRE_TOOLS=1) but not set; scripts/test.sh starts a PostgreSQL server");
            }

            Assert.Skip("set FACILITIES_TEST_PG");
        }

        return cs;
    }
}
