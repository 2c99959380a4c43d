using System.Globalization;
using System.Text.Json;
using Facilities.Core.Tracker;
using Facilities.Core.Tracker.Procedures;
using Npgsql;

namespace Facilities.Storage.PostGis;

/// <summary>
/// The events of the procedures other than the certificate, in their own append-only table (migration 3): the
/// certificate's <c>case_events</c> are not touched, so today's cases keep their events, ids and sequence numbers.
/// </summary>
public sealed partial class PostgresCaseStore : IProcedureStore
{
    /// <summary>Migration 3. A property, not a field: static fields of partial files initialise in no fixed order.</summary>
    private static (int Version, string Sql) ProcedureMigration => (3, """
        CREATE TABLE {s}.procedure_events (
          case_id text NOT NULL REFERENCES {s}.cases (case_id), procedure_code text NOT NULL, seq integer NOT NULL CHECK (seq >= 1),
          at timestamptz NOT NULL, at_offset_minutes smallint NOT NULL, actor text NOT NULL, role text NOT NULL,
          from_step text NOT NULL, to_step text NOT NULL, note text NOT NULL, attachments jsonb NOT NULL,
          UNIQUE (case_id, procedure_code, seq));
        CREATE TRIGGER procedure_events_no_change BEFORE UPDATE OR DELETE ON {s}.procedure_events
          FOR EACH ROW EXECUTE FUNCTION {s}.case_events_append_only();
        CREATE TRIGGER procedure_events_no_truncate BEFORE TRUNCATE ON {s}.procedure_events
          FOR EACH STATEMENT EXECUTE FUNCTION {s}.case_events_append_only();
        """);

    /// <summary>Opens the store applying only the migrations up to <paramref name="version"/> (tests of the migration).</summary>
    public static PostgresCaseStore OpenAtVersion(string connectionString, string schema, int version)
    {
        var store = new PostgresCaseStore(NpgsqlDataSource.Create(Bounded(connectionString)), schema);
        store.Migrate(version);
        return store;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ProcedureEvent>> LoadProcedureEventsAsync(string caseId, string procedure, CancellationToken cancel = default) =>
        WithRetryAsync<IReadOnlyList<ProcedureEvent>>(async c =>
        {
            await using var cmd = _db.CreateCommand($"""
                SELECT seq, at, at_offset_minutes, actor, role, from_step, to_step, note, attachments::text FROM {_s}.procedure_events
                WHERE case_id = $1 AND procedure_code = $2 ORDER BY seq
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = caseId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = procedure });
            await using var r = await cmd.ExecuteReaderAsync(c);
            var list = new List<ProcedureEvent>();
            while (await r.ReadAsync(c))
            {
                list.Add(ReadProcedureEvent(r, 0));
            }

            return list;
        }, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredProcedureCase>> ListProcedureCasesAsync(string? communeCode = null, CancellationToken cancel = default) =>
        WithRetryAsync<IReadOnlyList<StoredProcedureCase>>(async c =>
        {
            await using var cmd = _db.CreateCommand($"""
                SELECT c.case_id, c.commune_code, c.unit_type, e.procedure_code,
                       e.seq, e.at, e.at_offset_minutes, e.actor, e.role, e.from_step, e.to_step, e.note, e.attachments::text
                FROM {_s}.cases c JOIN {_s}.procedure_events e ON e.case_id = c.case_id
                WHERE $1::text IS NULL OR c.commune_code = $1
                ORDER BY c.case_id COLLATE "C", e.procedure_code COLLATE "C", e.seq
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)communeCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var r = await cmd.ExecuteReaderAsync(c);
            var list = new List<StoredProcedureCase>();
            List<ProcedureEvent>? events = null;
            while (await r.ReadAsync(c))
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
        }, cancel);

    /// <inheritdoc/>
    public async Task<AppendResult> AppendProcedureEventAsync(CaseSite site, string procedure, int expectedVersion, ProcedureEvent e, AuditEntry? audit = null)
    {
        if (e.Sequence != expectedVersion + 1)
        {
            return AppendResult.Conflict;
        }

        try
        {
            return await AppendProcedureOnceAsync(site, procedure, expectedVersion, e, audit);
        }
        catch (Exception x) when (IsTransient(x))
        {
            _db.Clear();
        }

        try
        {
            // As for the certificate: a commit that reached the server before the connection broke is ours.
            var events = await LoadProcedureEventsAsync(site.SiteId, procedure, CancellationToken.None);
            if (events.Count >= e.Sequence && events[e.Sequence - 1].Equals(e))
            {
                return AppendResult.Appended;
            }

            return await AppendProcedureOnceAsync(site, procedure, expectedVersion, e, audit);
        }
        catch (Exception x) when (IsTransient(x))
        {
            throw Unavailable(x);
        }
    }

    private async Task<AppendResult> AppendProcedureOnceAsync(CaseSite site, string procedure, int expectedVersion, ProcedureEvent e, AuditEntry? audit)
    {
        await using var c = await _db.OpenConnectionAsync(CancellationToken.None);
        await using var tx = await c.BeginTransactionAsync(CancellationToken.None);
        await using (var current = new NpgsqlCommand($"SELECT COALESCE(MAX(seq), 0) FROM {_s}.procedure_events WHERE case_id = $1 AND procedure_code = $2", c, tx))
        {
            current.Parameters.Add(new NpgsqlParameter { Value = site.SiteId });
            current.Parameters.Add(new NpgsqlParameter { Value = procedure });
            if (Convert.ToInt32(await current.ExecuteScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture) != expectedVersion)
            {
                return AppendResult.Conflict;
            }
        }

        await using var insert = new NpgsqlBatch(c, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"INSERT INTO {_s}.cases (case_id, commune_code, unit_type, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING")
                {
                    Parameters = { P(site.SiteId), P(site.CommuneCode), P(site.UnitType), P(e.At.UtcDateTime) },
                },
                new NpgsqlBatchCommand($"""
                    INSERT INTO {_s}.procedure_events (case_id, procedure_code, seq, at, at_offset_minutes, actor, role, from_step, to_step, note, attachments)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)
                    """)
                {
                    Parameters =
                    {
                        P(site.SiteId), P(procedure), P(e.Sequence), P(e.At.UtcDateTime), P((short)e.At.Offset.TotalMinutes), P(e.Actor),
                        P(TrackerRoles.Code(e.Role)), P(e.From), P(e.To), P(e.Note), P(JsonSerializer.Serialize(e.Attachments)),
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

    private static ProcedureEvent ReadProcedureEvent(NpgsqlDataReader r, int o)
    {
        var utc = r.GetFieldValue<DateTime>(o + 1);
        var at = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(r.GetInt16(o + 2)));
        return new ProcedureEvent(r.GetInt32(o), at, r.GetString(o + 3), ParseRole(r.GetString(o + 4)), r.GetString(o + 5), r.GetString(o + 6),
            r.GetString(o + 7), JsonSerializer.Deserialize<List<string>>(r.GetString(o + 8)) ?? []);
    }
}
