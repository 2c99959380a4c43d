using Facilities.Core.Tracker;
using Npgsql;

namespace Facilities.Storage.PostGis;

/// <summary>
/// The audit log, sign-in sessions and recent wrong passwords in the tracker's PostgreSQL schema, beside the cases.
/// The tables are created with <c>IF NOT EXISTS</c> under the advisory lock of the case store's migrations (several
/// processes may start at once, and the case store creates the audit log too: <see cref="PostgresAuditLog"/>). The
/// audit log refuses UPDATE, DELETE and TRUNCATE. Sessions and wrong passwords shared here are what lets several server
/// processes behind one proxy serve the same signed-in users and refuse the same guesser.
/// </summary>
public sealed class PostgresTrackerSecurity : ITrackerSecurityStore
{
    /// <summary>Retries of a session statement after a broken connection (idempotent; see <see cref="WithRetryAsync"/>).</summary>
    private const int SessionRetries = 2;

    private readonly NpgsqlDataSource _db;
    private readonly string _schema;
    private readonly string _s;

    private PostgresTrackerSecurity(NpgsqlDataSource db, string schema)
    {
        _db = db;
        _schema = schema;
        _s = SchemaName.Quote(schema);
    }

    /// <summary>Connects, and creates the schema and the tables if needed.</summary>
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
        return WithRetryAsync(async () =>
        {
            await using var batch = _db.CreateBatch();
            batch.BatchCommands.Add(PostgresAuditLog.Insert(_s, entry));
            return await batch.ExecuteNonQueryAsync(cancel);
        }, cancel);
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

    /// <inheritdoc/>
    public Task<LoginFailures> ReadLoginFailuresAsync(string account, string address, DateTimeOffset since, DateTimeOffset now, CancellationToken cancel = default) =>
        WithRetryAsync(async () =>
        {
            await using var cmd = _db.CreateCommand($"""
                SELECT 0, until FROM {_s}.login_lockouts WHERE account = $1 AND until > $4
                UNION ALL SELECT 1, at FROM {_s}.login_failures WHERE scope = 'account' AND key = $1 AND at > $3
                UNION ALL SELECT 2, at FROM {_s}.login_failures WHERE scope = 'address' AND key = $2 AND at > $3
                ORDER BY 1, 2
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = account });
            cmd.Parameters.Add(new NpgsqlParameter { Value = address });
            cmd.Parameters.Add(new NpgsqlParameter { Value = since.UtcDateTime });
            cmd.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
            await using var r = await cmd.ExecuteReaderAsync(cancel);
            DateTimeOffset? locked = null;
            List<DateTimeOffset> accountTimes = [], addressTimes = [];
            while (await r.ReadAsync(cancel))
            {
                var at = Utc(r.GetFieldValue<DateTime>(1));
                switch (r.GetInt32(0))
                {
                    case 0: locked = at; break;
                    case 1: accountTimes.Add(at); break;
                    default: addressTimes.Add(at); break;
                }
            }

            return new LoginFailures(locked, accountTimes, addressTimes);
        }, cancel, SessionRetries);

    /// <inheritdoc/>
    public Task<bool> RecordLoginFailureAsync(string account, string address, DateTimeOffset at, DateTimeOffset since, int lockAt, DateTimeOffset lockUntil,
        CancellationToken cancel = default) =>
        // Tried once more after a broken connection, as an audit line: a failure whose commit was lost then counts
        // twice, which errs on the guesser's side of the limit, never on the user's.
        WithRetryAsync(async () =>
        {
            await using var c = await _db.OpenConnectionAsync(cancel);
            await using var tx = await c.BeginTransactionAsync(cancel);
            await using var batch = new NpgsqlBatch(c, tx)
            {
                BatchCommands =
                {
                    // One account's failures one transaction at a time, across every process on the database: each
                    // counts the others' committed failures, so of failures at once exactly one reaches lockAt.
                    Batch($"SELECT pg_advisory_xact_lock(hashtext('facilities_login:' || $1), hashtext($2))", _schema, account),
                    // Old rows go on the way; rows another transaction is deleting are skipped, never waited for,
                    // so two cleaners cannot deadlock.
                    Batch($"""
                        DELETE FROM {_s}.login_failures WHERE id IN
                          (SELECT id FROM {_s}.login_failures WHERE at < $1 ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED)
                        """, since.UtcDateTime),
                    Batch($"""
                        DELETE FROM {_s}.login_lockouts WHERE account IN
                          (SELECT account FROM {_s}.login_lockouts WHERE until <= $1 FOR UPDATE SKIP LOCKED)
                        """, at.UtcDateTime),
                    Batch($"INSERT INTO {_s}.login_failures (scope, key, at) VALUES ('account', $1, $3), ('address', $2, $3)", account, address, at.UtcDateTime),
                    Batch($"""
                        INSERT INTO {_s}.login_lockouts (account, until)
                        SELECT $1, $4 WHERE (SELECT count(*) FROM {_s}.login_failures WHERE scope = 'account' AND key = $1 AND at > $2) >= $3
                        ON CONFLICT (account) DO UPDATE SET until = excluded.until WHERE {_s}.login_lockouts.until <= $5
                        """, account, since.UtcDateTime, (long)lockAt, lockUntil.UtcDateTime, at.UtcDateTime),
                },
            };
            await batch.ExecuteNonQueryAsync(cancel);
            var locked = batch.BatchCommands[^1].RecordsAffected == 1;
            await tx.CommitAsync(cancel);
            return locked;
        }, cancel);

    /// <inheritdoc/>
    public Task ForgetLoginFailuresAsync(string account, CancellationToken cancel = default) =>
        WithRetryAsync(async () =>
        {
            await using var c = await _db.OpenConnectionAsync(cancel);
            await using var tx = await c.BeginTransactionAsync(cancel);
            await using var batch = new NpgsqlBatch(c, tx)
            {
                BatchCommands =
                {
                    Batch($"SELECT pg_advisory_xact_lock(hashtext('facilities_login:' || $1), hashtext($2))", _schema, account),
                    Batch($"DELETE FROM {_s}.login_failures WHERE scope = 'account' AND key = $1", account),
                },
            };
            await batch.ExecuteNonQueryAsync(cancel);
            await tx.CommitAsync(cancel);
            return 0;
        }, cancel, SessionRetries);

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _db.Dispose();

    private static NpgsqlBatchCommand Batch(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var v in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = v });
        }

        return command;
    }

    private void Create()
    {
        using var c = _db.OpenConnection();
        using var tx = c.BeginTransaction();
        using var cmd = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock({PostgresAuditLog.SchemaLock});
            CREATE SCHEMA IF NOT EXISTS {_s};
            {PostgresAuditLog.Create(_s)}
            CREATE TABLE IF NOT EXISTS {_s}.sessions (
              id_hash text PRIMARY KEY, user_name text NOT NULL, epoch integer NOT NULL, created timestamptz NOT NULL,
              last_seen timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS sessions_last_seen ON {_s}.sessions (last_seen);
            CREATE TABLE IF NOT EXISTS {_s}.login_failures (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, scope text NOT NULL CHECK (scope IN ('account', 'address')),
              key text NOT NULL, at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS login_failures_key ON {_s}.login_failures (scope, key, at);
            CREATE INDEX IF NOT EXISTS login_failures_at ON {_s}.login_failures (at);
            CREATE TABLE IF NOT EXISTS {_s}.login_lockouts (account text PRIMARY KEY, until timestamptz NOT NULL);
            """, c, tx);
        cmd.Parameters.AddWithValue("schema", _schema);
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
        new("PostgreSQL tracker store (sessions, audit log, login throttle) unavailable: " + x.Message, x);
}
