using Facilities.Core.Tracker;
using Npgsql;

namespace Facilities.Storage.PostGis;

/// <summary>
/// The audit log and sign-in sessions in the tracker's PostgreSQL schema, beside the cases. The tables are created with
/// <c>IF NOT EXISTS</c> under the same kind of advisory lock as the case store's migrations (several processes may
/// start at once), not as numbered migrations of <see cref="PostgresCaseStore"/>, so the two never collide. The audit
/// log refuses UPDATE, DELETE and TRUNCATE. Sessions shared here are what lets several server processes behind one
/// proxy serve the same signed-in users.
/// </summary>
public sealed class PostgresTrackerSecurity : ITrackerSecurityStore
{
    /// <summary>Retries of a session statement after a broken connection (idempotent; see <see cref="WithRetryAsync"/>).</summary>
    private const int SessionRetries = 2;

    private readonly NpgsqlDataSource _db;
    private readonly string _s;

    private PostgresTrackerSecurity(NpgsqlDataSource db, string schema)
    {
        _db = db;
        _s = SchemaName.Quote(schema);
    }

    /// <summary>Connects, and creates the schema and the two tables if needed.</summary>
    public static PostgresTrackerSecurity Open(string connectionString, string schema = PostgresCaseStore.DefaultSchema)
    {
        // Its own pool, named apart from the case store's in pg_stat_activity ("…-security"), so an operator sees
        // which of the two holds connections.
        var b = new NpgsqlConnectionStringBuilder(PostgresCaseStore.Bounded(connectionString));
        b.ApplicationName = (b.ApplicationName ?? "facilities-tracker") + "-security";
        var store = new PostgresTrackerSecurity(NpgsqlDataSource.Create(b.ConnectionString), schema);
        try
        {
            try
            {
                store.Create();
            }
            catch (Exception x) when (IsTransient(x))
            {
                // Once more on a fresh connection, as every statement: the pool may hold connections a restart broke.
                store._db.Clear();
                store.Create();
            }

            return store;
        }
        catch (Exception x) when (IsTransient(x))
        {
            store.Dispose();
            throw Unavailable(x);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return RunAsync($"INSERT INTO {_s}.audit_log (at, actor, address, action, detail) VALUES ($1, $2, $3, $4, $5)",
            [entry.At.UtcDateTime, entry.Actor, entry.Address, entry.Action, entry.Detail], cancel);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(DateTimeOffset? since = null, string? actor = null, CancellationToken cancel = default) =>
        WithRetryAsync<IReadOnlyList<AuditEntry>>(async () =>
        {
            await using var cmd = _db.CreateCommand($"""
                SELECT at, actor, address, action, detail FROM {_s}.audit_log
                WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::text IS NULL OR actor = $2) ORDER BY id
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = since is { } s ? s.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)actor ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var r = await cmd.ExecuteReaderAsync(cancel);
            var list = new List<AuditEntry>();
            while (await r.ReadAsync(cancel))
            {
                list.Add(new AuditEntry(Utc(r.GetFieldValue<DateTime>(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
            }

            return list;
        }, cancel);

    /// <inheritdoc/>
    public Task OpenSessionAsync(string idHash, StoredSession session, DateTimeOffset expiredBefore, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return RunAsync($"""
            WITH gone AS (DELETE FROM {_s}.sessions WHERE last_seen < $6)
            INSERT INTO {_s}.sessions (id_hash, user_name, epoch, created, last_seen) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id_hash) DO NOTHING
            """, [idHash, session.User, session.Epoch, session.Created.UtcDateTime, session.LastSeen.UtcDateTime, expiredBefore.UtcDateTime], cancel, SessionRetries);
    }

    /// <inheritdoc/>
    public Task<StoredSession?> FindSessionAsync(string idHash, CancellationToken cancel = default) =>
        WithRetryAsync(async () =>
        {
            await using var cmd = _db.CreateCommand($"SELECT user_name, epoch, created, last_seen FROM {_s}.sessions WHERE id_hash = $1");
            cmd.Parameters.Add(new NpgsqlParameter { Value = idHash });
            await using var r = await cmd.ExecuteReaderAsync(cancel);
            return await r.ReadAsync(cancel)
                ? new StoredSession(r.GetString(0), r.GetInt32(1), Utc(r.GetFieldValue<DateTime>(2)), Utc(r.GetFieldValue<DateTime>(3)))
                : null;
        }, cancel, SessionRetries);

    /// <inheritdoc/>
    public Task TouchSessionAsync(string idHash, DateTimeOffset lastSeen, CancellationToken cancel = default) =>
        RunAsync($"UPDATE {_s}.sessions SET last_seen = $2 WHERE id_hash = $1 AND last_seen < $2", [idHash, lastSeen.UtcDateTime], cancel, SessionRetries);

    /// <inheritdoc/>
    public Task EndSessionAsync(string idHash, CancellationToken cancel = default) =>
        RunAsync($"DELETE FROM {_s}.sessions WHERE id_hash = $1", [idHash], cancel, SessionRetries);

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _db.Dispose();

    private void Create()
    {
        using var c = _db.OpenConnection();
        using var tx = c.BeginTransaction();
        using var cmd = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock(hashtext('facilities.tracker_security'));
            CREATE SCHEMA IF NOT EXISTS {_s};
            CREATE TABLE IF NOT EXISTS {_s}.audit_log (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL,
              address text NOT NULL, action text NOT NULL, detail text NOT NULL);
            CREATE INDEX IF NOT EXISTS audit_log_at ON {_s}.audit_log (at);
            CREATE OR REPLACE FUNCTION {_s}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
            DROP TRIGGER IF EXISTS audit_log_no_change ON {_s}.audit_log;
            CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON {_s}.audit_log
              FOR EACH ROW EXECUTE FUNCTION {_s}.audit_log_append_only();
            DROP TRIGGER IF EXISTS audit_log_no_truncate ON {_s}.audit_log;
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON {_s}.audit_log
              FOR EACH STATEMENT EXECUTE FUNCTION {_s}.audit_log_append_only();
            CREATE TABLE IF NOT EXISTS {_s}.sessions (
              id_hash text PRIMARY KEY, user_name text NOT NULL, epoch integer NOT NULL, created timestamptz NOT NULL,
              last_seen timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS sessions_last_seen ON {_s}.sessions (last_seen);
            """, c, tx);
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    private Task<int> RunAsync(string sql, object[] values, CancellationToken cancel, int retries = 1) =>
        WithRetryAsync(async () =>
        {
            await using var cmd = _db.CreateCommand(sql);
            foreach (var v in values)
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = v });
            }

            return await cmd.ExecuteNonQueryAsync(cancel);
        }, cancel, retries);

    /// <summary>
    /// Again on a fresh connection after a broken one (a PostgreSQL restart), <paramref name="retries"/> times, then
    /// unavailable. The audit insert is tried once more only, as the case store's moves: a commit whose answer was lost
    /// would be written twice by every further try. Session statements are idempotent (a session id is 256 random
    /// bits, so a repeated insert is the same session), and a sign-in or any request needs several of them, so they
    /// get a second retry: otherwise one broken pool made every sign-in in flight fail.
    /// </summary>
    private async Task<T> WithRetryAsync<T>(Func<Task<T>> operation, CancellationToken cancel, int retries = 1)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (Exception x) when (IsTransient(x) && !cancel.IsCancellationRequested)
            {
                if (attempt >= retries)
                {
                    throw Unavailable(x);
                }

                _db.Clear();
            }
        }
    }

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    private static bool IsTransient(Exception x) => x switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P0", StringComparison.Ordinal)
            || p.SqlState == PostgresErrorCodes.TooManyConnections || p.SqlState == PostgresErrorCodes.CannotConnectNow,
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        _ => false,
    };

    private static CaseStoreUnavailableException Unavailable(Exception x) =>
        new("PostgreSQL tracker store (sessions, audit log) unavailable: " + x.Message, x);
}
