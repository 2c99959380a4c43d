using System.Globalization;
using System.Text.Json;
using Facilities.Core.Tracker;
using Microsoft.Data.Sqlite;

namespace Facilities.IO.Tracker;

/// <summary>
/// The tracker's embedded store: a SQLite file beside the dataset (<c>&lt;dataset&gt;.tracker.sqlite</c>). Events are
/// append-only (triggers refuse UPDATE and DELETE), <c>UNIQUE(case_id, seq)</c> makes a stale append fail, and the
/// file runs in WAL mode with <c>synchronous=FULL</c>, so an acknowledged append survives a killed process or a power
/// cut. One connection per call (no pooling), so several threads and processes may use the file at once.
/// </summary>
public sealed class SqliteCaseStore : ICaseStore
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
    ];

    private readonly string _connectionString;

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
    public IReadOnlyList<CaseEvent> LoadEvents(string caseId)
    {
        using var c = Connect();
        using var cmd = Command(c, "SELECT seq, at, actor, role, from_step, to_step, note, attachments FROM case_events WHERE case_id = $id ORDER BY seq");
        cmd.Parameters.AddWithValue("$id", caseId);
        using var r = cmd.ExecuteReader();
        var list = new List<CaseEvent>();
        while (r.Read())
        {
            list.Add(ReadEvent(r, 0));
        }

        return list;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredCase> ListCases(string? communeCode = null)
    {
        using var c = Connect();
        using var cmd = Command(c, """
            SELECT c.case_id, c.commune_code, c.unit_type, e.seq, e.at, e.actor, e.role, e.from_step, e.to_step, e.note, e.attachments
            FROM cases c JOIN case_events e ON e.case_id = c.case_id
            WHERE $commune IS NULL OR c.commune_code = $commune
            ORDER BY c.case_id, e.seq
            """);
        cmd.Parameters.AddWithValue("$commune", (object?)communeCode ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        return StoredCase.Group(Rows(r));

        IEnumerable<(CaseSite, CaseEvent)> Rows(SqliteDataReader reader)
        {
            while (reader.Read())
            {
                yield return (new CaseSite(reader.GetString(0), reader.GetString(1), reader.GetString(2)), ReadEvent(reader, 3));
            }
        }
    }

    /// <inheritdoc/>
    public AppendResult Append(CaseSite site, int expectedVersion, CaseEvent e)
    {
        if (e.Sequence != expectedVersion + 1)
        {
            return AppendResult.Conflict;
        }

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

        tx.Commit();
        return AppendResult.Appended;
    }

    /// <inheritdoc/>
    public StoredUser? FindUser(string name)
    {
        using var c = Connect();
        using var cmd = Command(c, "SELECT name, role, commune_code, password_hash FROM users WHERE name = $name");
        cmd.Parameters.AddWithValue("$name", name);
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new StoredUser(new TrackerUser(r.GetString(0), ParseRole(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2)), r.GetString(3))
            : null;
    }

    /// <inheritdoc/>
    public int CountUsers()
    {
        using var c = Connect();
        using var cmd = Command(c, "SELECT COUNT(*) FROM users");
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool AddUser(StoredUser user)
    {
        using var c = Connect();
        using var cmd = Command(c, "INSERT OR IGNORE INTO users (name, role, commune_code, password_hash, created_at) VALUES ($name, $role, $commune, $hash, $at)");
        cmd.Parameters.AddWithValue("$name", user.User.Name);
        cmd.Parameters.AddWithValue("$role", TrackerRoles.Code(user.User.Role));
        cmd.Parameters.AddWithValue("$commune", (object?)user.User.CommuneCode ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$hash", user.PasswordHash);
        cmd.Parameters.AddWithValue("$at", FormatAt(DateTimeOffset.UtcNow));
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Nothing to release: every call opens and closes its own connection.</summary>
    public void Dispose()
    {
    }

    private void Migrate()
    {
        using var c = Connect();
        using (var wal = Command(c, "PRAGMA journal_mode = WAL"))
        {
            wal.ExecuteNonQuery(); // persistent in the file
        }

        foreach (var (version, sql) in Migrations)
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
