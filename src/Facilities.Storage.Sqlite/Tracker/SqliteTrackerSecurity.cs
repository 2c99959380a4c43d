using System.Globalization;
using Facilities.Core.Tracker;
using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.Tracker;

/// <summary>
/// The audit log, sign-in sessions and recent wrong passwords in the tracker's SQLite file
/// (<c>&lt;dataset&gt;.tracker.sqlite</c>), beside the cases. The tables are created with <c>IF NOT EXISTS</c> rather
/// than as numbered migrations of <see cref="SqliteCaseStore"/> (which creates the audit log the same way,
/// <see cref="SqliteAuditLog"/>), so they never collide with the case store's own migrations; the audit log refuses
/// UPDATE and DELETE, as the case events do. One connection per call, as the case store, so several processes may
/// use the file at once; a wrong password is recorded in an immediate transaction, one writer at a time across them.
/// </summary>
public sealed class SqliteTrackerSecurity : ITrackerSecurityStore
{
    private const string Schema = SqliteAuditLog.Create + """
        CREATE TABLE IF NOT EXISTS sessions (
          id_hash TEXT NOT NULL PRIMARY KEY, user_name TEXT NOT NULL, epoch INTEGER NOT NULL, created TEXT NOT NULL, last_seen TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS sessions_last_seen ON sessions (last_seen);
        CREATE TABLE IF NOT EXISTS login_failures (
          id INTEGER PRIMARY KEY, scope TEXT NOT NULL CHECK (scope IN ('account', 'address')), key TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (scope, key, at);
        CREATE INDEX IF NOT EXISTS login_failures_at ON login_failures (at);
        CREATE TABLE IF NOT EXISTS login_lockouts (account TEXT NOT NULL PRIMARY KEY, until TEXT NOT NULL);
        """;

    private readonly string _connectionString;

    private SqliteTrackerSecurity(string path) => _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 60,
    }.ToString();

    /// <summary>Opens the tracker file at <paramref name="path"/> (creating it and the tables if needed).</summary>
    public static SqliteTrackerSecurity Open(string path)
    {
        var store = new SqliteTrackerSecurity(path);
        using var c = store.Connect();
        using (var wal = Command(c, "PRAGMA journal_mode = WAL"))
        {
            wal.ExecuteNonQuery();
        }

        using var create = Command(c, Schema);
        create.ExecuteNonQuery();
        return store;
    }

    /// <inheritdoc/>
    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var c = await ConnectAsync(cancel);
        await using var cmd = SqliteAuditLog.Insert(c, null, entry);
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(DateTimeOffset? since = null, string? actor = null, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, """
            SELECT at, actor, address, action, detail FROM audit_log
            WHERE ($since IS NULL OR at >= $since) AND ($actor IS NULL OR actor = $actor) ORDER BY id
            """);
        cmd.Parameters.AddWithValue("$since", since is { } s ? Utc(s) : DBNull.Value);
        cmd.Parameters.AddWithValue("$actor", (object?)actor ?? DBNull.Value);
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        var list = new List<AuditEntry>();
        while (await r.ReadAsync(cancel))
        {
            list.Add(new AuditEntry(Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        }

        return list;
    }

    /// <inheritdoc/>
    public async Task OpenSessionAsync(string idHash, StoredSession session, DateTimeOffset expiredBefore, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, """
            DELETE FROM sessions WHERE last_seen < $expired;
            INSERT INTO sessions (id_hash, user_name, epoch, created, last_seen) VALUES ($id, $user, $epoch, $created, $seen);
            """);
        cmd.Parameters.AddWithValue("$expired", Utc(expiredBefore));
        cmd.Parameters.AddWithValue("$id", idHash);
        cmd.Parameters.AddWithValue("$user", session.User);
        cmd.Parameters.AddWithValue("$epoch", session.Epoch);
        cmd.Parameters.AddWithValue("$created", Utc(session.Created));
        cmd.Parameters.AddWithValue("$seen", Utc(session.LastSeen));
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    /// <inheritdoc/>
    public async Task<StoredSession?> FindSessionAsync(string idHash, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, "SELECT user_name, epoch, created, last_seen FROM sessions WHERE id_hash = $id");
        cmd.Parameters.AddWithValue("$id", idHash);
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        return await r.ReadAsync(cancel) ? new StoredSession(r.GetString(0), r.GetInt32(1), Parse(r.GetString(2)), Parse(r.GetString(3))) : null;
    }

    /// <inheritdoc/>
    public async Task TouchSessionAsync(string idHash, DateTimeOffset lastSeen, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, "UPDATE sessions SET last_seen = $seen WHERE id_hash = $id AND last_seen < $seen");
        cmd.Parameters.AddWithValue("$id", idHash);
        cmd.Parameters.AddWithValue("$seen", Utc(lastSeen));
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    /// <inheritdoc/>
    public async Task EndSessionAsync(string idHash, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, "DELETE FROM sessions WHERE id_hash = $id");
        cmd.Parameters.AddWithValue("$id", idHash);
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    /// <inheritdoc/>
    public async Task<LoginFailures> ReadLoginFailuresAsync(string account, string address, DateTimeOffset since, DateTimeOffset now, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, """
            SELECT 0, until FROM login_lockouts WHERE account = $account AND until > $now
            UNION ALL SELECT 1, at FROM login_failures WHERE scope = 'account' AND key = $account AND at > $since
            UNION ALL SELECT 2, at FROM login_failures WHERE scope = 'address' AND key = $address AND at > $since
            ORDER BY 1, 2
            """);
        cmd.Parameters.AddWithValue("$account", account);
        cmd.Parameters.AddWithValue("$address", address);
        cmd.Parameters.AddWithValue("$since", Utc(since));
        cmd.Parameters.AddWithValue("$now", Utc(now));
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        DateTimeOffset? locked = null;
        List<DateTimeOffset> accountTimes = [], addressTimes = [];
        while (await r.ReadAsync(cancel))
        {
            var at = Parse(r.GetString(1));
            switch (r.GetInt32(0))
            {
                case 0: locked = at; break;
                case 1: accountTimes.Add(at); break;
                default: addressTimes.Add(at); break;
            }
        }

        return new LoginFailures(locked, accountTimes, addressTimes);
    }

    /// <inheritdoc/>
    public async Task<bool> RecordLoginFailureAsync(string account, string address, DateTimeOffset at, DateTimeOffset since, int lockAt, DateTimeOffset lockUntil,
        CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        // BEGIN IMMEDIATE: the file's one writer from the count to the lockout, across every process on the file, so
        // of failures recorded at once exactly one reaches lockAt.
        using var tx = c.BeginTransaction(deferred: false);
        await using var cmd = Command(c, """
            DELETE FROM login_failures WHERE at < $since;
            DELETE FROM login_lockouts WHERE until <= $at;
            INSERT INTO login_failures (scope, key, at) VALUES ('account', $account, $at), ('address', $address, $at);
            INSERT OR IGNORE INTO login_lockouts (account, until)
              SELECT $account, $until WHERE (SELECT count(*) FROM login_failures WHERE scope = 'account' AND key = $account AND at > $since) >= $lockAt;
            SELECT changes();
            """);
        cmd.Transaction = tx;
        cmd.Parameters.AddWithValue("$account", account);
        cmd.Parameters.AddWithValue("$address", address);
        cmd.Parameters.AddWithValue("$at", Utc(at));
        cmd.Parameters.AddWithValue("$since", Utc(since));
        cmd.Parameters.AddWithValue("$lockAt", lockAt);
        cmd.Parameters.AddWithValue("$until", Utc(lockUntil));
        var locked = Convert.ToInt64(await cmd.ExecuteScalarAsync(cancel), CultureInfo.InvariantCulture) == 1;
        tx.Commit();
        return locked;
    }

    /// <inheritdoc/>
    public async Task ForgetLoginFailuresAsync(string account, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, "DELETE FROM login_failures WHERE scope = 'account' AND key = $account");
        cmd.Parameters.AddWithValue("$account", account);
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    /// <summary>Nothing to release: every call opens and closes its own connection.</summary>
    public void Dispose()
    {
    }

    private static string Utc(DateTimeOffset t) => SqliteAuditLog.Utc(t);

    private static DateTimeOffset Parse(string text) => SqliteAuditLog.Parse(text);

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var pragmas = Command(c, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 60000;");
        pragmas.ExecuteNonQuery();
        return c;
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancel)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancel);
        await using var pragmas = Command(c, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 60000;");
        await pragmas.ExecuteNonQueryAsync(cancel);
        return c;
    }

    private static SqliteCommand Command(SqliteConnection c, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }
}
