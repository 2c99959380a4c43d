using System.Globalization;
using System.Text.Json;
using Facilities.Core.Tracker;
using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.Tracker;

/// <summary>
/// The tracker's embedded store: a SQLite file beside the dataset (<c>&lt;dataset&gt;.tracker.sqlite</c>). Events are
/// append-only (triggers refuse UPDATE and DELETE), <c>UNIQUE(case_id, seq)</c> makes a stale append fail, and the
/// file runs in WAL mode with <c>synchronous=FULL</c>, so an acknowledged append (with its audit line, written in the
/// same transaction) survives a killed process or a power cut. One connection per call (no pooling), so several threads and processes may use the file at once.
/// </summary>
public sealed partial class SqliteCaseStore : ICaseStore
{
    /// <summary>The schema migrations, applied in order; each is recorded in <c>schema_migrations</c>.</summary>
    internal static readonly IReadOnlyList<(int Version, string Sql)> Migrations =
    [
        (1, """
            CREATE TABLE cases (
              case_id TEXT NOT NULL PRIMARY KEY, commune_code TEXT NOT NULL, unit_type TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE INDEX cases_commune ON cases (commune_code);
            CREATE TABLE case_events (
              case_id TEXT NOT NULL REFERENCES cases (case_id), seq INTEGER NOT NULL CHECK (seq >= 1),
              at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, from_step TEXT NOT NULL, to_step TEXT NOT NULL,
              note TEXT NOT NULL, attachments TEXT NOT NULL,
              UNIQUE (case_id, seq));
            CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
            CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
            CREATE TABLE users (
              name TEXT NOT NULL PRIMARY KEY, role TEXT NOT NULL, commune_code TEXT, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
            """),
        (2, """
            ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
            """),
        ProcedureMigration, // 3: the other procedures' events (SqliteCaseStore.Procedures.cs)

        // 4: the audit log, so that a move and its audit line commit together (AppendAsync) even in a file the
        // server's security store never opened; the same statements that store runs (IF NOT EXISTS).
        (4, SqliteAuditLog.Create),
    ];

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writers = new(1, 1);

    private SqliteCaseStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>The SQLite file.</summary>
    public string Path { get; }

    /// <summary>The tracker file that belongs to a dataset: <c>&lt;dataset&gt;.tracker.sqlite</c> beside it.</summary>
    public static string PathFor(string dataset) => dataset + ".tracker.sqlite";

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and applies pending migrations.</summary>
    public static SqliteCaseStore Open(string path)
    {
        var store = new SqliteCaseStore(path);
        store.Migrate();
        return store;
    }

    /// <summary>The migration versions applied to the file, in order.</summary>
    public IReadOnlyList<int> AppliedMigrations()
    {
        using var c = Connect();
        using var cmd = Command(c, "SELECT version FROM schema_migrations ORDER BY version");
        using var r = cmd.ExecuteReader();
        var list = new List<int>();
        while (r.Read())
        {
            list.Add(r.GetInt32(0));
        }

        return list;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CaseEvent>> LoadEventsAsync(string caseId, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, "SELECT seq, at, actor, role, from_step, to_step, note, attachments FROM case_events WHERE case_id = $id ORDER BY seq");
        cmd.Parameters.AddWithValue("$id", caseId);
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        var list = new List<CaseEvent>();
        while (await r.ReadAsync(cancel))
        {
            list.Add(ReadEvent(r, 0));
        }

        return list;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredCase>> ListCasesAsync(string? communeCode = null, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, """
            SELECT c.case_id, c.commune_code, c.unit_type, e.seq, e.at, e.actor, e.role, e.from_step, e.to_step, e.note, e.attachments
            FROM cases c JOIN case_events e ON e.case_id = c.case_id
            WHERE $commune IS NULL OR c.commune_code = $commune
            ORDER BY c.case_id, e.seq
            """);
        cmd.Parameters.AddWithValue("$commune", (object?)communeCode ?? DBNull.Value);
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        var rows = new List<(CaseSite, CaseEvent)>();
        while (await r.ReadAsync(cancel))
        {
            rows.Add((new CaseSite(r.GetString(0), r.GetString(1), r.GetString(2)), ReadEvent(r, 3)));
        }

        return StoredCase.Group(rows);
    }

    /// <inheritdoc/>
    public async Task<AppendResult> AppendAsync(CaseSite site, int expectedVersion, CaseEvent e, AuditEntry? audit = null)
    {
        if (e.Sequence != expectedVersion + 1)
        {
            return AppendResult.Conflict;
        }

        // SQLite has one writer at a time and its driver waits for the lock synchronously: writers of this process
        // queue here without holding a thread, and only the one holding the turn blocks one (other processes are
        // still serialised by the file lock and busy_timeout).
        await _writers.WaitAsync(CancellationToken.None);
        try
        {
            return AppendLocked(site, expectedVersion, e, audit);
        }
        finally
        {
            _writers.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<StoredUser?> FindUserAsync(string name, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, "SELECT name, role, commune_code, password_hash, disabled, session_epoch FROM users WHERE name = $name");
        cmd.Parameters.AddWithValue("$name", name);
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        return await r.ReadAsync(cancel)
            ? new StoredUser(new TrackerUser(r.GetString(0), ParseRole(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2)),
                r.GetString(3), r.GetInt64(4) != 0, r.GetInt32(5))
            : null;
    }

    /// <inheritdoc/>
    public async Task<int> CountUsersAsync(CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, "SELECT COUNT(*) FROM users");
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancel), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async Task<bool> AddUserAsync(StoredUser user, CancellationToken cancel = default)
    {
        await _writers.WaitAsync(cancel);
        try
        {
            await using var c = await ConnectAsync(cancel);
            await using var cmd = Command(c, "INSERT OR IGNORE INTO users (name, role, commune_code, password_hash, created_at) VALUES ($name, $role, $commune, $hash, $at)");
            cmd.Parameters.AddWithValue("$name", user.User.Name);
            cmd.Parameters.AddWithValue("$role", TrackerRoles.Code(user.User.Role));
            cmd.Parameters.AddWithValue("$commune", (object?)user.User.CommuneCode ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$hash", user.PasswordHash);
            cmd.Parameters.AddWithValue("$at", FormatAt(DateTimeOffset.UtcNow));
            return await cmd.ExecuteNonQueryAsync(cancel) == 1;
        }
        finally
        {
            _writers.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<bool> UpdateUserAsync(StoredUser user, CancellationToken cancel = default)
    {
        await _writers.WaitAsync(cancel);
        try
        {
            await using var c = await ConnectAsync(cancel);
            await using var cmd = Command(c,
                "UPDATE users SET role = $role, commune_code = $commune, password_hash = $hash, disabled = $disabled, session_epoch = session_epoch + 1 WHERE name = $name");
            cmd.Parameters.AddWithValue("$name", user.User.Name);
            cmd.Parameters.AddWithValue("$role", TrackerRoles.Code(user.User.Role));
            cmd.Parameters.AddWithValue("$commune", (object?)user.User.CommuneCode ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$hash", user.PasswordHash);
            cmd.Parameters.AddWithValue("$disabled", user.Disabled ? 1 : 0);
            return await cmd.ExecuteNonQueryAsync(cancel) == 1;
        }
        finally
        {
            _writers.Release();
        }
    }

    /// <summary>Releases the writers' turn; every call opens and closes its own connection.</summary>
    public void Dispose() => _writers.Dispose();

    private AppendResult AppendLocked(CaseSite site, int expectedVersion, CaseEvent e, AuditEntry? audit)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: one writer at a time, no upgrade deadlock
        using (var current = Command(c, "SELECT COALESCE(MAX(seq), 0) FROM case_events WHERE case_id = $id", tx))
        {
            current.Parameters.AddWithValue("$id", site.SiteId);
            if (Convert.ToInt32(current.ExecuteScalar(), CultureInfo.InvariantCulture) != expectedVersion)
            {
                return AppendResult.Conflict;
            }
        }

        using (var caseRow = Command(c, "INSERT OR IGNORE INTO cases (case_id, commune_code, unit_type, created_at) VALUES ($id, $commune, $unit, $at)", tx))
        {
            caseRow.Parameters.AddWithValue("$id", site.SiteId);
            caseRow.Parameters.AddWithValue("$commune", site.CommuneCode);
            caseRow.Parameters.AddWithValue("$unit", site.UnitType);
            caseRow.Parameters.AddWithValue("$at", FormatAt(e.At));
            caseRow.ExecuteNonQuery();
        }

        using var insert = Command(c, """
            INSERT INTO case_events (case_id, seq, at, actor, role, from_step, to_step, note, attachments)
            VALUES ($id, $seq, $at, $actor, $role, $from, $to, $note, $attachments)
            """, tx);
        insert.Parameters.AddWithValue("$id", site.SiteId);
        insert.Parameters.AddWithValue("$seq", e.Sequence);
        insert.Parameters.AddWithValue("$at", FormatAt(e.At));
        insert.Parameters.AddWithValue("$actor", e.Actor);
        insert.Parameters.AddWithValue("$role", TrackerRoles.Code(e.Role));
        insert.Parameters.AddWithValue("$from", CaseSteps.Code(e.From));
        insert.Parameters.AddWithValue("$to", CaseSteps.Code(e.To));
        insert.Parameters.AddWithValue("$note", e.Note);
        insert.Parameters.AddWithValue("$attachments", JsonSerializer.Serialize(e.Attachments));
        try
        {
            insert.ExecuteNonQuery();
        }
        catch (SqliteException x) when (x.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: UNIQUE(case_id, seq)
        {
            return AppendResult.Conflict;
        }

        WriteAudit(c, tx, audit);
        tx.Commit();
        return AppendResult.Appended;
    }

    /// <summary>
    /// A move's audit line (none when <paramref name="audit"/> is null), in the move's transaction: a crash or a
    /// refused line keeps neither (the transaction is rolled back when it is disposed uncommitted). Used by the
    /// certificate's and the other procedures' appends.
    /// </summary>
    private static void WriteAudit(SqliteConnection c, SqliteTransaction tx, AuditEntry? audit)
    {
        if (audit is null)
        {
            return;
        }

        using var line = SqliteAuditLog.Insert(c, tx, audit);
        try
        {
            line.ExecuteNonQuery();
        }
        catch (SqliteException x) when (x.SqliteErrorCode is not (5 or 6)) // not SQLITE_BUSY/LOCKED: those stay what they are
        {
            throw SqliteAuditLog.NotWritten(x);
        }
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancel)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancel);
        await using var pragmas = Command(c, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 60000;");
        await pragmas.ExecuteNonQueryAsync(cancel);
        return c;
    }

    private void Migrate(int upTo = int.MaxValue)
    {
        using var c = Connect();
        using (var wal = Command(c, "PRAGMA journal_mode = WAL"))
        {
            wal.ExecuteNonQuery(); // persistent in the file
        }

        foreach (var (version, sql) in Migrations.Where(m => m.Version <= upTo))
        {
            using var tx = c.BeginTransaction(deferred: false);
            using (var create = Command(c, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)", tx))
            {
                create.ExecuteNonQuery();
            }

            using (var check = Command(c, "SELECT COUNT(*) FROM schema_migrations WHERE version = $v", tx))
            {
                check.Parameters.AddWithValue("$v", version);
                if (Convert.ToInt32(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            using (var apply = Command(c, sql, tx))
            {
                apply.ExecuteNonQuery();
            }

            using (var record = Command(c, "INSERT INTO schema_migrations (version, applied_at) VALUES ($v, $at)", tx))
            {
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$at", FormatAt(DateTimeOffset.UtcNow));
                record.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var pragmas = Command(c, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 60000;");
        pragmas.ExecuteNonQuery();
        return c;
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static CaseEvent ReadEvent(SqliteDataReader r, int o) => new(
        r.GetInt32(o),
        DateTimeOffset.ParseExact(r.GetString(o + 1), "O", CultureInfo.InvariantCulture),
        r.GetString(o + 2),
        ParseRole(r.GetString(o + 3)),
        CaseSteps.Parse(r.GetString(o + 4)),
        CaseSteps.Parse(r.GetString(o + 5)),
        r.GetString(o + 6),
        JsonSerializer.Deserialize<List<string>>(r.GetString(o + 7)) ?? []);

    private static string FormatAt(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static TrackerRole ParseRole(string code) =>
        TrackerRoles.TryParse(code, out var role) ? role : throw new FormatException($"unknown role '{code}' in the tracker store");
}
