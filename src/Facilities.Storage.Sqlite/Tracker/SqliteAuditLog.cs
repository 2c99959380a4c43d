using System.Globalization;
using Facilities.Core.Tracker;
using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.Tracker;

/// <summary>
/// The audit log's table in the tracker file, shared by its two writers: <see cref="SqliteTrackerSecurity"/> (logins)
/// and <see cref="SqliteCaseStore"/> (a move's line, in the move's own transaction). Both create it with the same
/// statements (<c>IF NOT EXISTS</c>), whichever opens the file first.
/// </summary>
internal static class SqliteAuditLog
{
    /// <summary>Creates the table, its index and its append-only triggers if missing.</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS audit_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, address TEXT NOT NULL,
          action TEXT NOT NULL, detail TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """;

    /// <summary>Fixed-width UTC text, so that SQLite's text comparison orders instants correctly.</summary>
    public static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The instant written by <see cref="Utc"/>.</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The insert of one line on <paramref name="c"/>, in <paramref name="tx"/> when given.</summary>
    public static SqliteCommand Insert(SqliteConnection c, SqliteTransaction? tx, AuditEntry entry)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO audit_log (at, actor, address, action, detail) VALUES ($at, $actor, $address, $action, $detail)";
        cmd.Parameters.AddWithValue("$at", Utc(entry.At));
        cmd.Parameters.AddWithValue("$actor", entry.Actor);
        cmd.Parameters.AddWithValue("$address", entry.Address);
        cmd.Parameters.AddWithValue("$action", entry.Action);
        cmd.Parameters.AddWithValue("$detail", entry.Detail);
        return cmd;
    }

    /// <summary>The one-line error of an audit line the file refused (the move with it was not written).</summary>
    public static AuditNotWrittenException NotWritten(SqliteException x) => new(
        $"audit_log refused the line (SQLite {x.SqliteErrorCode}: {x.Message}); the move was not written. Check the tracker file's permissions, triggers and free disk space.",
        x);
}
