using System.Globalization;
using Facilities.Core.Tracker;
using Microsoft.Data.Sqlite;

namespace Facilities.IO.Tracker;

/// <summary>
/// The audit log and sign-in sessions in the tracker's SQLite file (<c>&lt;dataset&gt;.tracker.sqlite</c>), beside the
/// cases. The two tables are created with <c>IF NOT EXISTS</c> rather than as a numbered migration of
/// <see cref="SqliteCaseStore"/>, so they never collide with the case store's own migrations; the audit log refuses
/// UPDATE and DELETE, as the case events do. One connection per call, as the case store, so several processes may
/// use the file at once.
/// </summary>
public sealed class SqliteTrackerSecurity : ITrackerSecurityStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS audit_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, address TEXT NOT NULL,
          action TEXT NOT NULL, detail TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TABLE IF NOT EXISTS sessions (
          id_hash TEXT NOT NULL PRIMARY KEY, user_name TEXT NOT NULL, epoch INTEGER NOT NULL, created TEXT NOT NULL, last_seen TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS sessions_last_seen ON sessions (last_seen);
        """;

    private readonly string _connectionString;

    private SqliteTrackerSecurity(string path) => _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 60,
    }.ToString();

    /// <summary>Opens the tracker file at <paramref name="path"/> (creating it and the two tables if needed).</summary>
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
        await using var cmd = Command(c, "INSERT INTO audit_log (at, actor, address, action, detail) VALUES ($at, $actor, $address, $action, $detail)");
        cmd.Parameters.AddWithValue("$at", Utc(entry.At));
        cmd.Parameters.AddWithValue("$actor", entry.Actor);
        cmd.Parameters.AddWithValue("$address", entry.Address);
        cmd.Parameters.AddWithValue("$action", entry.Action);
        cmd.Parameters.AddWithValue("$detail", entry.Detail);
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

    /// <summary>Nothing to release: every call opens and closes its own connection.</summary>
    public void Dispose()
    {
    }

    /// <summary>Fixed-width UTC text, so that SQLite's text comparison orders instants correctly.</summary>
    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

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
