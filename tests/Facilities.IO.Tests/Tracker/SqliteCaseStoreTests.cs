using Facilities.Core.Tracker;
using Facilities.Storage.Sqlite.Tracker;
using Facilities.Testing;
using Facilities.Testing.Tracker;
using Microsoft.Data.Sqlite;

// The store calls below take an optional token; each test has its own store and a hang guard where it runs
// concurrent work, so the test-cancellation token is not threaded through every call.
#pragma warning disable xUnit1051

namespace Facilities.IO.Tests.Tracker;

public sealed class SqliteCaseStoreTests : CaseStoreContract, IDisposable
{
    private readonly TempDir _dir = new();

    protected override ICaseStore CreateStore() => SqliteCaseStore.Open(_dir.File(Guid.NewGuid().ToString("N") + ".tracker.sqlite"));

    protected override async Task<IReadOnlyList<AuditEntry>> AuditAsync(ICaseStore store)
    {
        using var security = SqliteTrackerSecurity.Open(((SqliteCaseStore)store).Path);
        return await security.ListAuditAsync();
    }

    protected override Task RefuseAuditLinesOfAsync(ICaseStore store, string actor)
    {
        Scalar(((SqliteCaseStore)store).Path,
            $"CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log WHEN NEW.actor = '{actor}' BEGIN SELECT RAISE(ABORT, 'injected: audit line refused'); END");
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void Migrations_are_recorded_once_and_the_file_is_in_wal_mode()
    {
        var path = _dir.File("d.gpkg.tracker.sqlite");
        Assert.Equal(path, SqliteCaseStore.PathFor(_dir.File("d.gpkg")));
        Assert.Equal([1, 2, 3, 4], SqliteCaseStore.Open(path).AppliedMigrations());
        Assert.Equal([1, 2, 3, 4], SqliteCaseStore.Open(path).AppliedMigrations()); // reopening applies nothing again
        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Events_cannot_be_updated_or_deleted()
    {
        var path = _dir.File("x.tracker.sqlite");
        var store = SqliteCaseStore.Open(path);
        var e = new CaseEvent(1, DateTimeOffset.UnixEpoch.AddYears(60), "a", TrackerRole.CityDepartment, CaseStep.NotStarted, CaseStep.Received, "n", []);
        Assert.Equal(AppendResult.Appended, await store.AppendAsync(SiteA, 0, e));
        Assert.Throws<SqliteException>(() => Scalar(path, "UPDATE case_events SET note = 'changed'"));
        Assert.Throws<SqliteException>(() => Scalar(path, "DELETE FROM case_events"));
        Assert.Equal(e, Assert.Single(await store.LoadEventsAsync(SiteA.SiteId)));
    }

    private static string? Scalar(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar()?.ToString();
    }
}
