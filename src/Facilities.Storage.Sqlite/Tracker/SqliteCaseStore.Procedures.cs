using System.Globalization;
using System.Text.Json;
using Facilities.Core.Tracker;
using Facilities.Core.Tracker.Procedures;
using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.Tracker;

/// <summary>
/// The events of the procedures other than the certificate (land allocation, building permit, a province's own), in
/// their own append-only table: the certificate's <c>case_events</c> are not touched by migration 3, so today's cases
/// keep their events, ids and sequence numbers byte for byte.
/// </summary>
public sealed partial class SqliteCaseStore : IProcedureStore
{
    /// <summary>Migration 3. A property, not a field: static fields of partial files initialise in no fixed order.</summary>
    private static (int Version, string Sql) ProcedureMigration => (3, """
        CREATE TABLE procedure_events (
          case_id TEXT NOT NULL REFERENCES cases (case_id), procedure_code TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq >= 1),
          at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, from_step TEXT NOT NULL, to_step TEXT NOT NULL,
          note TEXT NOT NULL, attachments TEXT NOT NULL,
          UNIQUE (case_id, procedure_code, seq));
        CREATE TRIGGER procedure_events_no_update BEFORE UPDATE ON procedure_events BEGIN SELECT RAISE(ABORT, 'procedure_events is append-only'); END;
        CREATE TRIGGER procedure_events_no_delete BEFORE DELETE ON procedure_events BEGIN SELECT RAISE(ABORT, 'procedure_events is append-only'); END;
        """);

    /// <summary>Opens the store applying only the migrations up to <paramref name="version"/> (tests of the migration).</summary>
    public static SqliteCaseStore OpenAtVersion(string path, int version)
    {
        var store = new SqliteCaseStore(path);
        store.Migrate(version);
        return store;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ProcedureEvent>> LoadProcedureEventsAsync(string caseId, string procedure, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, """
            SELECT seq, at, actor, role, from_step, to_step, note, attachments FROM procedure_events
            WHERE case_id = $id AND procedure_code = $p ORDER BY seq
            """);
        cmd.Parameters.AddWithValue("$id", caseId);
        cmd.Parameters.AddWithValue("$p", procedure);
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        var list = new List<ProcedureEvent>();
        while (await r.ReadAsync(cancel))
        {
            list.Add(ReadProcedureEvent(r, 0));
        }

        return list;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredProcedureCase>> ListProcedureCasesAsync(string? communeCode = null, CancellationToken cancel = default)
    {
        await using var c = await ConnectAsync(cancel);
        await using var cmd = Command(c, """
            SELECT c.case_id, c.commune_code, c.unit_type, e.procedure_code, e.seq, e.at, e.actor, e.role, e.from_step, e.to_step, e.note, e.attachments
            FROM cases c JOIN procedure_events e ON e.case_id = c.case_id
            WHERE $commune IS NULL OR c.commune_code = $commune
            ORDER BY c.case_id, e.procedure_code, e.seq
            """);
        cmd.Parameters.AddWithValue("$commune", (object?)communeCode ?? DBNull.Value);
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        var list = new List<StoredProcedureCase>();
        List<ProcedureEvent>? events = null;
        while (await r.ReadAsync(cancel))
        {
            var site = new CaseSite(r.GetString(0), r.GetString(1), r.GetString(2));
            var procedure = r.GetString(3);
            if (list.Count == 0 || list[^1].Site.SiteId != site.SiteId || list[^1].Procedure != procedure)
            {
                events = [];
                list.Add(new StoredProcedureCase(site, procedure, events));
            }

            events!.Add(ReadProcedureEvent(r, 4));
        }

        return list;
    }

    /// <inheritdoc/>
    public async Task<AppendResult> AppendProcedureEventAsync(CaseSite site, string procedure, int expectedVersion, ProcedureEvent e, AuditEntry? audit = null)
    {
        if (e.Sequence != expectedVersion + 1)
        {
            return AppendResult.Conflict;
        }

        await _writers.WaitAsync(CancellationToken.None);
        try
        {
            using var c = Connect();
            using var tx = c.BeginTransaction(deferred: false);
            using (var current = Command(c, "SELECT COALESCE(MAX(seq), 0) FROM procedure_events WHERE case_id = $id AND procedure_code = $p", tx))
            {
                current.Parameters.AddWithValue("$id", site.SiteId);
                current.Parameters.AddWithValue("$p", procedure);
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
                INSERT INTO procedure_events (case_id, procedure_code, seq, at, actor, role, from_step, to_step, note, attachments)
                VALUES ($id, $p, $seq, $at, $actor, $role, $from, $to, $note, $attachments)
                """, tx);
            insert.Parameters.AddWithValue("$id", site.SiteId);
            insert.Parameters.AddWithValue("$p", procedure);
            insert.Parameters.AddWithValue("$seq", e.Sequence);
            insert.Parameters.AddWithValue("$at", FormatAt(e.At));
            insert.Parameters.AddWithValue("$actor", e.Actor);
            insert.Parameters.AddWithValue("$role", TrackerRoles.Code(e.Role));
            insert.Parameters.AddWithValue("$from", e.From);
            insert.Parameters.AddWithValue("$to", e.To);
            insert.Parameters.AddWithValue("$note", e.Note);
            insert.Parameters.AddWithValue("$attachments", JsonSerializer.Serialize(e.Attachments));
            try
            {
                insert.ExecuteNonQuery();
            }
            catch (SqliteException x) when (x.SqliteErrorCode == 19)
            {
                return AppendResult.Conflict;
            }

            WriteAudit(c, tx, audit);
            tx.Commit();
            return AppendResult.Appended;
        }
        finally
        {
            _writers.Release();
        }
    }

    private static ProcedureEvent ReadProcedureEvent(SqliteDataReader r, int o) => new(
        r.GetInt32(o),
        DateTimeOffset.ParseExact(r.GetString(o + 1), "O", CultureInfo.InvariantCulture),
        r.GetString(o + 2),
        ParseRole(r.GetString(o + 3)),
        r.GetString(o + 4),
        r.GetString(o + 5),
        r.GetString(o + 6),
        JsonSerializer.Deserialize<List<string>>(r.GetString(o + 7)) ?? []);
}
