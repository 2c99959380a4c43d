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
/// <c>synchronous_commit = on</c>).
/// </summary>
public sealed class PostgresCaseStore : ICaseStore
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
        var store = new PostgresCaseStore(NpgsqlDataSource.Create(connectionString), schema);
        try
        {
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

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
    public IReadOnlyList<CaseEvent> LoadEvents(string caseId)
    {
        using var cmd = _db.CreateCommand(
            $"SELECT seq, at, at_offset_minutes, actor, role, from_step, to_step, note, attachments::text FROM {_s}.case_events WHERE case_id = $1 ORDER BY seq");
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseId });
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
        using var cmd = _db.CreateCommand($"""
            SELECT c.case_id, c.commune_code, c.unit_type,
                   e.seq, e.at, e.at_offset_minutes, e.actor, e.role, e.from_step, e.to_step, e.note, e.attachments::text
            FROM {_s}.cases c JOIN {_s}.case_events e ON e.case_id = c.case_id
            WHERE $1::text IS NULL OR c.commune_code = $1
            ORDER BY c.case_id COLLATE "C", e.seq
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)communeCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        using var r = cmd.ExecuteReader();
        return StoredCase.Group(Rows(r));

        IEnumerable<(CaseSite, CaseEvent)> Rows(NpgsqlDataReader reader)
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

        using var c = _db.OpenConnection();
        using var tx = c.BeginTransaction();
        using (var current = new NpgsqlCommand($"SELECT COALESCE(MAX(seq), 0) FROM {_s}.case_events WHERE case_id = $1", c, tx))
        {
            current.Parameters.Add(new NpgsqlParameter { Value = site.SiteId });
            if (Convert.ToInt32(current.ExecuteScalar(), CultureInfo.InvariantCulture) != expectedVersion)
            {
                return AppendResult.Conflict;
            }
        }

        // Two statements in one command: named parameters, which Npgsql splits into a batch (positional ones cannot).
        using var insert = new NpgsqlCommand($"""
            INSERT INTO {_s}.cases (case_id, commune_code, unit_type, created_at) VALUES (@id, @commune, @unit, @at) ON CONFLICT (case_id) DO NOTHING;
            INSERT INTO {_s}.case_events (case_id, seq, at, at_offset_minutes, actor, role, from_step, to_step, note, attachments)
            VALUES (@id, @seq, @at, @offset, @actor, @role, @from, @to, @note, @attachments::jsonb);
            """, c, tx);
        insert.Parameters.AddWithValue("id", site.SiteId);
        insert.Parameters.AddWithValue("commune", site.CommuneCode);
        insert.Parameters.AddWithValue("unit", site.UnitType);
        insert.Parameters.AddWithValue("at", e.At.UtcDateTime);
        insert.Parameters.AddWithValue("seq", e.Sequence);
        insert.Parameters.AddWithValue("offset", (short)e.At.Offset.TotalMinutes);
        insert.Parameters.AddWithValue("actor", e.Actor);
        insert.Parameters.AddWithValue("role", TrackerRoles.Code(e.Role));
        insert.Parameters.AddWithValue("from", CaseSteps.Code(e.From));
        insert.Parameters.AddWithValue("to", CaseSteps.Code(e.To));
        insert.Parameters.AddWithValue("note", e.Note);
        insert.Parameters.AddWithValue("attachments", JsonSerializer.Serialize(e.Attachments));
        try
        {
            insert.ExecuteNonQuery();
        }
        catch (PostgresException x) when (x.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return AppendResult.Conflict;
        }

        tx.Commit();
        return AppendResult.Appended;
    }

    /// <inheritdoc/>
    public StoredUser? FindUser(string name)
    {
        using var cmd = _db.CreateCommand($"SELECT name, role, commune_code, password_hash FROM {_s}.users WHERE name = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new StoredUser(new TrackerUser(r.GetString(0), ParseRole(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2)), r.GetString(3))
            : null;
    }

    /// <inheritdoc/>
    public int CountUsers()
    {
        using var cmd = _db.CreateCommand($"SELECT COUNT(*) FROM {_s}.users");
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool AddUser(StoredUser user)
    {
        using var cmd = _db.CreateCommand(
            $"INSERT INTO {_s}.users (name, role, commune_code, password_hash, created_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT (name) DO NOTHING");
        cmd.Parameters.Add(new NpgsqlParameter { Value = user.User.Name });
        cmd.Parameters.Add(new NpgsqlParameter { Value = TrackerRoles.Code(user.User.Role) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)user.User.CommuneCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = user.PasswordHash });
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Drops the store's schema and everything in it (tests; irreversible).</summary>
    public void DropSchema()
    {
        using var cmd = _db.CreateCommand($"DROP SCHEMA IF EXISTS {_s} CASCADE");
        cmd.ExecuteNonQuery();
    }

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _db.Dispose();

    private void Migrate()
    {
        using var c = _db.OpenConnection();
        foreach (var (version, sql) in Migrations)
        {
            using var tx = c.BeginTransaction();
            using (var setup = new NpgsqlCommand($"""
                SELECT pg_advisory_xact_lock(hashtext('facilities_tracker_migrate:' || @schema));
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
