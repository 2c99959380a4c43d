using Facilities.Core.Tracker;
using Npgsql;

namespace Facilities.Storage.PostGis;

/// <summary>
/// The audit log's table, shared by the two writers of one schema: <see cref="PostgresTrackerSecurity"/> (logins) and
/// <see cref="PostgresCaseStore"/> (a move's line, in the move's own transaction). Both create it with the same
/// statements under the same advisory lock (<see cref="SchemaLock"/>), whichever opens the schema first.
/// </summary>
internal static class PostgresAuditLog
{
    /// <summary>The advisory lock that serialises every creation and migration of one schema's tables; $1 (or @schema) is the schema.</summary>
    public const string SchemaLock = "hashtext('facilities_tracker_migrate:' || @schema)";

    /// <summary>Creates the table if missing and (again) its append-only triggers; <paramref name="s"/> is the quoted schema.</summary>
    public static string Create(string s) => $"""
        CREATE TABLE IF NOT EXISTS {s}.audit_log (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL,
          address text NOT NULL, action text NOT NULL, detail text NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_log_at ON {s}.audit_log (at);
        CREATE OR REPLACE FUNCTION {s}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
        DROP TRIGGER IF EXISTS audit_log_no_change ON {s}.audit_log;
        CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON {s}.audit_log
          FOR EACH ROW EXECUTE FUNCTION {s}.audit_log_append_only();
        DROP TRIGGER IF EXISTS audit_log_no_truncate ON {s}.audit_log;
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON {s}.audit_log
          FOR EACH STATEMENT EXECUTE FUNCTION {s}.audit_log_append_only();
        """;

    /// <summary>The insert of one line, for a batch or a transaction; <paramref name="s"/> is the quoted schema.</summary>
    public static NpgsqlBatchCommand Insert(string s, AuditEntry entry) =>
        new($"INSERT INTO {s}.audit_log (at, actor, address, action, detail) VALUES ($1, $2, $3, $4, $5)")
        {
            Parameters =
            {
                new NpgsqlParameter { Value = entry.At.UtcDateTime },
                new NpgsqlParameter { Value = entry.Actor },
                new NpgsqlParameter { Value = entry.Address },
                new NpgsqlParameter { Value = entry.Action },
                new NpgsqlParameter { Value = entry.Detail },
            },
        };

    /// <summary>The one-line error of an audit line the database refused (the move with it was not written).</summary>
    public static AuditNotWrittenException NotWritten(PostgresException x) => new(
        $"audit_log refused the line ({x.SqlState}: {x.MessageText}); the move was not written. Check the table's privileges, triggers and the disk of the PostgreSQL server.",
        x);
}
