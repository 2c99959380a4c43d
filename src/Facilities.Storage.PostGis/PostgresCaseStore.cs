using System.Globalization;
using System.Text.Json;
using Facilities.Core.Tracker;
using Npgsql;

namespace Facilities.Storage.PostGis;

/// <summary>
/// The tracker's store on PostgreSQL (<c>--db "Host=…;Database=…"</c>), with the same tables and semantics as the
/// SQLite store: versioned migrations in <c>schema_migrations</c>, append-only <c>case_events</c> (a trigger refuses
/// UPDATE, DELETE and TRUNCATE) with <c>UNIQUE(case_id, seq)</c>, so of two appends on the same version the second
/// fails with a unique violation and is reported as a conflict. Everything lives in one schema (default
/// <see cref="DefaultSchema"/>). An append returns after its transaction commits (durable with the server's default
/// <c>synchronous_commit = on</c>); a move's audit line is in that same transaction.
/// </summary>
public sealed partial class PostgresCaseStore : ICaseStore
{
    /// <summary>The schema used unless another is given.</summary>
    public const string DefaultSchema = "facilities_tracker";

    private readonly NpgsqlDataSource _db;
    private readonly string _s;

    private PostgresCaseStore(NpgsqlDataSource db, string schema)
    {
        _db = db;
        Schema = schema;
        _s = SchemaName.Quote(schema);
    }

    /// <summary>The schema holding the tables.</summary>
    public string Schema { get; }

    /// <summary>
    /// Connects to <paramref name="connectionString"/>, creates <paramref name="schema"/> if needed and applies pending
    /// migrations (serialised by an advisory lock, so several processes may open the store at once).
    /// </summary>
    public static PostgresCaseStore Open(string connectionString, string schema = DefaultSchema)
    {
        var store = new PostgresCaseStore(NpgsqlDataSource.Create(Bounded(connectionString)), schema);
        try
        {
            store.Migrate();
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

    /// <summary>
    /// <paramref name="connectionString"/> with a pool bounded below the server's connection slots: Npgsql's default of
    /// 100 equals PostgreSQL's default <c>max_connections</c>, so one busy server took every slot and locked out the CLI
    /// and psql (issue 12). Without an explicit <c>Max Pool Size</c> the store uses <see cref="DefaultMaxPoolSize"/>,
    /// waits at most <see cref="DefaultPoolTimeoutSeconds"/> s for a free connection, and names itself to the server.
    /// </summary>
    public static string Bounded(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!new[] { "Max Pool Size", "MaxPoolSize", "Maximum Pool Size" }.Any(given.ContainsKey))
        {
            b.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!new[] { "Timeout", "Connect Timeout", "Connection Timeout" }.Any(given.ContainsKey))
        {
            b.Timeout = DefaultPoolTimeoutSeconds;
        }

        if (!new[] { "Application Name", "ApplicationName" }.Any(given.ContainsKey))
        {
            b.ApplicationName = "facilities-tracker";
        }

        return b.ConnectionString;
    }

    /// <summary>Connections a store opens at most unless the connection string says otherwise (PostgreSQL's default is 100 slots).</summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Seconds to wait for a free pooled connection (or a new one) before the store reports itself unavailable.</summary>
    public const int DefaultPoolTimeoutSeconds = 10;

    /// <summary>The migrations, applied in order; {s} is the quoted schema.</summary>
    private static IReadOnlyList<(int Version, string Sql)> Migrations { get; } =
    [
        (1, """
            CREATE TABLE {s}.cases (
              case_id text PRIMARY KEY, commune_code text NOT NULL, unit_type text NOT NULL, created_at timestamptz NOT NULL);
            CREATE INDEX cases_commune ON {s}.cases (commune_code);
            CREATE TABLE {s}.case_events (
              case_id text NOT NULL REFERENCES {s}.cases (case_id), seq integer NOT NULL CHECK (seq >= 1),
              at timestamptz NOT NULL, at_offset_minutes smallint NOT NULL, actor text NOT NULL, role text NOT NULL,
              from_step text NOT NULL, to_step text NOT NULL, note text NOT NULL, attachments jsonb NOT NULL,
              UNIQUE (case_id, seq));
            CREATE FUNCTION {s}.case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'case_events is append-only'; END $$;
            CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON {s}.case_events
              FOR EACH ROW EXECUTE FUNCTION {s}.case_events_append_only();
            CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON {s}.case_events
              FOR EACH STATEMENT EXECUTE FUNCTION {s}.case_events_append_only();
            CREATE TABLE {s}.users (
              name text PRIMARY KEY, role text NOT NULL, commune_code text, password_hash text NOT NULL, created_at timestamptz NOT NULL);
            """),
        (2, """
            ALTER TABLE {s}.users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
            ALTER TABLE {s}.users ADD COLUMN session_epoch integer NOT NULL DEFAULT 0;
            """),
        ProcedureMigration, // 3: the other procedures' events (PostgresCaseStore.Procedures.cs)

        // 4: the audit log, so that a move and its audit line commit together (AppendAsync) even when the store is
        // opened before the server's security store ever was; the same statements that store runs (IF NOT EXISTS).
        (4, PostgresAuditLog.Create("{s}")),
    ];

    /// <summary>The migration versions applied, in order.</summary>
    public IReadOnlyList<int> AppliedMigrations()
    {
        using var cmd = _db.CreateCommand($"SELECT version FROM {_s}.schema_migrations ORDER BY version");
        using var r = cmd.ExecuteReader();
        var list = new List<int>();
        while (r.Read())
        {
            list.Add(r.GetInt32(0));
        }

        return list;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CaseEvent>> LoadEventsAsync(string caseId, CancellationToken cancel = default) =>
        WithRetryAsync(c => LoadEventsOnceAsync(caseId, c), cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredCase>> ListCasesAsync(string? communeCode = null, CancellationToken cancel = default) =>
        WithRetryAsync<IReadOnlyList<StoredCase>>(async c =>
        {
            await using var cmd = _db.CreateCommand($"""
                SELECT c.case_id, c.commune_code, c.unit_type,
                       e.seq, e.at, e.at_offset_minutes, e.actor, e.role, e.from_step, e.to_step, e.note, e.attachments::text
                FROM {_s}.cases c JOIN {_s}.case_events e ON e.case_id = c.case_id
                WHERE $1::text IS NULL OR c.commune_code = $1
                ORDER BY c.case_id COLLATE "C", e.seq
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)communeCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var r = await cmd.ExecuteReaderAsync(c);
            var rows = new List<(CaseSite, CaseEvent)>();
            while (await r.ReadAsync(c))
            {
                rows.Add((new CaseSite(r.GetString(0), r.GetString(1), r.GetString(2)), ReadEvent(r, 3)));
            }

            return StoredCase.Group(rows);
        }, cancel);

    /// <inheritdoc/>
    public async Task<AppendResult> AppendAsync(CaseSite site, int expectedVersion, CaseEvent e, AuditEntry? audit = null)
    {
        if (e.Sequence != expectedVersion + 1)
        {
            return AppendResult.Conflict;
        }

        try
        {
            return await AppendOnceAsync(site, expectedVersion, e, audit);
        }
        catch (Exception x) when (IsTransient(x))
        {
            _db.Clear();
        }

        try
        {
            // The commit may have reached the server before the connection broke: then the move is ours and was
            // made (its audit line with it, same transaction), and must be acknowledged as such, not reported as a
            // conflict with itself.
            var events = await LoadEventsOnceAsync(site.SiteId, CancellationToken.None);
            if (events.Count >= e.Sequence && events[e.Sequence - 1].Equals(e))
            {
                return AppendResult.Appended;
            }

            return await AppendOnceAsync(site, expectedVersion, e, audit);
        }
        catch (Exception x) when (IsTransient(x))
        {
            throw Unavailable(x);
        }
    }

    /// <inheritdoc/>
    public Task<StoredUser?> FindUserAsync(string name, CancellationToken cancel = default) =>
        WithRetryAsync(async c =>
        {
            await using var cmd = _db.CreateCommand(
                $"SELECT name, role, commune_code, password_hash, disabled, session_epoch FROM {_s}.users WHERE name = $1");
            cmd.Parameters.Add(new NpgsqlParameter { Value = name });
            await using var r = await cmd.ExecuteReaderAsync(c);
            return await r.ReadAsync(c)
                ? new StoredUser(new TrackerUser(r.GetString(0), ParseRole(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2)),
                    r.GetString(3), r.GetBoolean(4), r.GetInt32(5))
                : null;
        }, cancel);

    /// <inheritdoc/>
    public Task<int> CountUsersAsync(CancellationToken cancel = default) =>
        WithRetryAsync(async c =>
        {
            await using var cmd = _db.CreateCommand($"SELECT COUNT(*) FROM {_s}.users");
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(c), CultureInfo.InvariantCulture);
        }, cancel);

    /// <inheritdoc/>
    public Task<bool> AddUserAsync(StoredUser user, CancellationToken cancel = default) =>
        WithRetryAsync(async c =>
        {
            await using var cmd = _db.CreateCommand(
                $"INSERT INTO {_s}.users (name, role, commune_code, password_hash, created_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT (name) DO NOTHING");
            cmd.Parameters.Add(new NpgsqlParameter { Value = user.User.Name });
            cmd.Parameters.Add(new NpgsqlParameter { Value = TrackerRoles.Code(user.User.Role) });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)user.User.CommuneCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = user.PasswordHash });
            return await cmd.ExecuteNonQueryAsync(c) == 1;
        }, cancel);

    /// <inheritdoc/>
    public Task<bool> UpdateUserAsync(StoredUser user, CancellationToken cancel = default) =>
        WithRetryAsync(async c =>
        {
            await using var cmd = _db.CreateCommand(
                $"UPDATE {_s}.users SET role = $2, commune_code = $3, password_hash = $4, disabled = $5, session_epoch = session_epoch + 1 WHERE name = $1");
            cmd.Parameters.Add(new NpgsqlParameter { Value = user.User.Name });
            cmd.Parameters.Add(new NpgsqlParameter { Value = TrackerRoles.Code(user.User.Role) });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)user.User.CommuneCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = user.PasswordHash });
            cmd.Parameters.Add(new NpgsqlParameter { Value = user.Disabled });
            return await cmd.ExecuteNonQueryAsync(c) == 1;
        }, cancel);

    /// <summary>Drops the store's schema and everything in it (tests; irreversible).</summary>
    public void DropSchema()
    {
        using var cmd = _db.CreateCommand($"DROP SCHEMA IF EXISTS {_s} CASCADE");
        cmd.ExecuteNonQuery();
    }

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _db.Dispose();

    private void Migrate(int upTo = int.MaxValue)
    {
        using var c = _db.OpenConnection();
        foreach (var (version, sql) in Migrations.Where(m => m.Version <= upTo))
        {
            using var tx = c.BeginTransaction();
            using (var setup = new NpgsqlCommand($"""
                SELECT pg_advisory_xact_lock({PostgresAuditLog.SchemaLock});
                CREATE SCHEMA IF NOT EXISTS {_s};
                CREATE TABLE IF NOT EXISTS {_s}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL);
                """, c, tx))
            {
                setup.Parameters.AddWithValue("schema", Schema);
                setup.ExecuteNonQuery();
            }

            using (var check = new NpgsqlCommand($"SELECT COUNT(*) FROM {_s}.schema_migrations WHERE version = $1", c, tx))
            {
                check.Parameters.Add(new NpgsqlParameter { Value = version });
                if (Convert.ToInt32(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            using (var apply = new NpgsqlCommand(sql.Replace("{s}", _s, StringComparison.Ordinal), c, tx))
            {
                apply.ExecuteNonQuery();
            }

            using (var record = new NpgsqlCommand($"INSERT INTO {_s}.schema_migrations (version, applied_at) VALUES ($1, now())", c, tx))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = version });
                record.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private async Task<IReadOnlyList<CaseEvent>> LoadEventsOnceAsync(string caseId, CancellationToken cancel)
    {
        await using var cmd = _db.CreateCommand(
            $"SELECT seq, at, at_offset_minutes, actor, role, from_step, to_step, note, attachments::text FROM {_s}.case_events WHERE case_id = $1 ORDER BY seq");
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseId });
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        var list = new List<CaseEvent>();
        while (await r.ReadAsync(cancel))
        {
            list.Add(ReadEvent(r, 0));
        }

        return list;
    }

    private async Task<AppendResult> AppendOnceAsync(CaseSite site, int expectedVersion, CaseEvent e, AuditEntry? audit)
    {
        // Not cancellable (CancellationToken.None): a client that hangs up must not leave the outcome of its move unknown.
        await using var c = await _db.OpenConnectionAsync(CancellationToken.None);
        await using var tx = await c.BeginTransactionAsync(CancellationToken.None);
        await using (var current = new NpgsqlCommand($"SELECT COALESCE(MAX(seq), 0) FROM {_s}.case_events WHERE case_id = $1", c, tx))
        {
            current.Parameters.Add(new NpgsqlParameter { Value = site.SiteId });
            if (Convert.ToInt32(await current.ExecuteScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture) != expectedVersion)
            {
                return AppendResult.Conflict;
            }
        }

        // Two statements in one asynchronous batch: one round trip, and no pool thread blocked while it runs. The audit
        // line follows in the same transaction, so a crash keeps both or neither.
        await using var insert = new NpgsqlBatch(c, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"INSERT INTO {_s}.cases (case_id, commune_code, unit_type, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING")
                {
                    Parameters = { P(site.SiteId), P(site.CommuneCode), P(site.UnitType), P(e.At.UtcDateTime) },
                },
                new NpgsqlBatchCommand($"""
                    INSERT INTO {_s}.case_events (case_id, seq, at, at_offset_minutes, actor, role, from_step, to_step, note, attachments)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
                    """)
                {
                    Parameters =
                    {
                        P(site.SiteId), P(e.Sequence), P(e.At.UtcDateTime), P((short)e.At.Offset.TotalMinutes), P(e.Actor), P(TrackerRoles.Code(e.Role)),
                        P(CaseSteps.Code(e.From)), P(CaseSteps.Code(e.To)), P(e.Note), P(JsonSerializer.Serialize(e.Attachments)),
                    },
                },
            },
        };
        try
        {
            await insert.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (PostgresException x) when (x.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return AppendResult.Conflict;
        }

        await WriteAuditAsync(c, tx, audit);
        await tx.CommitAsync(CancellationToken.None);
        return AppendResult.Appended;
    }

    /// <summary>
    /// A move's audit line (none when <paramref name="audit"/> is null), in the move's transaction: its own statement
    /// (one more round trip), so that a refusal is known to be the audit line's and not the event's; the transaction is
    /// rolled back when disposed uncommitted. Used by the certificate's and the other procedures' appends.
    /// </summary>
    private async Task WriteAuditAsync(NpgsqlConnection c, NpgsqlTransaction tx, AuditEntry? audit)
    {
        if (audit is null)
        {
            return;
        }

        await using var line = new NpgsqlBatch(c, tx) { BatchCommands = { PostgresAuditLog.Insert(_s, audit) } };
        try
        {
            await line.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (PostgresException x) when (!IsTransient(x))
        {
            throw PostgresAuditLog.NotWritten(x);
        }
    }

    private static NpgsqlParameter P(object value) => new() { Value = value };

    /// <summary>
    /// Runs <paramref name="operation"/>, and once more on a fresh connection when it failed on a broken or refused
    /// one (the first request after a PostgreSQL restart finds every pooled connection dead). A second failure, or a
    /// pool with no free connection in time, is <see cref="CaseStoreUnavailableException"/>.
    /// </summary>
    private async Task<T> WithRetryAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancel)
    {
        try
        {
            return await operation(cancel);
        }
        catch (Exception x) when (IsTransient(x) && !cancel.IsCancellationRequested)
        {
            _db.Clear();
        }

        try
        {
            return await operation(cancel);
        }
        catch (Exception x) when (IsTransient(x) && !cancel.IsCancellationRequested)
        {
            throw Unavailable(x);
        }
    }

    /// <summary>A broken connection, a server shutting down or starting, too many clients, or no pooled connection in time.</summary>
    private static bool IsTransient(Exception x) => x switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P0", StringComparison.Ordinal)
            || p.SqlState == PostgresErrorCodes.TooManyConnections || p.SqlState == PostgresErrorCodes.CannotConnectNow,
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        _ => false,
    };

    private static CaseStoreUnavailableException Unavailable(Exception x) =>
        new("PostgreSQL tracker store unavailable: " + x.Message, x);

    private static CaseEvent ReadEvent(NpgsqlDataReader r, int o)
    {
        var utc = r.GetFieldValue<DateTime>(o + 1);
        var at = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(r.GetInt16(o + 2)));
        return new CaseEvent(
            r.GetInt32(o), at, r.GetString(o + 3), ParseRole(r.GetString(o + 4)), CaseSteps.Parse(r.GetString(o + 5)), CaseSteps.Parse(r.GetString(o + 6)),
            r.GetString(o + 7), JsonSerializer.Deserialize<List<string>>(r.GetString(o + 8)) ?? []);
    }

    private static TrackerRole ParseRole(string code) =>
        TrackerRoles.TryParse(code, out var role) ? role : throw new FormatException($"unknown role '{code}' in the tracker store");
}
