using System.Globalization;
using System.Text;
using Facilities.Core.Tracker;
using Facilities.Testing.Tracker;
using Npgsql;

namespace Facilities.Storage.PostGis.Tests.Tracker;

/// <summary>The chain-of-procedures contract on PostgreSQL; each key is its own schema, dropped afterwards.</summary>
public sealed class PostgresProcedureStoreTests : ProcedureStoreContract, IDisposable
{
    private readonly HashSet<string> _schemas = [];

    public void Dispose()
    {
        if (_schemas.Count == 0)
        {
            return;
        }

        // The contract disposes its stores itself; the schemas are dropped over a connection of our own.
        using var db = NpgsqlDataSource.Create(ConnectionString());
        foreach (var schema in _schemas)
        {
            using var cmd = db.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            cmd.ExecuteNonQuery();
        }
    }

    protected override ICaseStore OpenStore(string key, int? version = null)
    {
        _schemas.Add(Schema(key));
        return version is int v ? PostgresCaseStore.OpenAtVersion(ConnectionString(), Schema(key), v) : PostgresCaseStore.Open(ConnectionString(), Schema(key));
    }

    protected override IReadOnlyList<int> Applied(ICaseStore store) => ((PostgresCaseStore)store).AppliedMigrations();

    protected override async Task<string> DumpGcnTablesAsync(string key)
    {
        var text = new StringBuilder();
        await using var db = NpgsqlDataSource.Create(ConnectionString());
        foreach (var sql in new[] { $"SELECT * FROM {Schema(key)}.cases ORDER BY case_id COLLATE \"C\"", $"SELECT *, at::text AS at_text FROM {Schema(key)}.case_events ORDER BY case_id COLLATE \"C\", seq" })
        {
            await using var cmd = db.CreateCommand(sql);
            await using var r = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await r.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    var value = r.GetValue(i);
                    text.Append(r.GetName(i)).Append(':').Append(r.GetDataTypeName(i)).Append(':')
                        .Append(value is string s ? Convert.ToHexString(Encoding.UTF8.GetBytes(s))
                            : value is DateTime d ? d.Ticks.ToString(CultureInfo.InvariantCulture)
                            : Convert.ToString(value, CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    protected override async Task<IReadOnlyList<RawRow>> RawRowsAsync(string key)
    {
        await using var db = NpgsqlDataSource.Create(ConnectionString());
        // The local date computed by PostgreSQL itself (Vietnam has had no daylight saving since 1975).
        await using var cmd = db.CreateCommand($"""
            SELECT e.case_id, c.commune_code, 'gcn', e.seq, (e.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, e.to_step
            FROM {Schema(key)}.case_events e JOIN {Schema(key)}.cases c ON c.case_id = e.case_id
            UNION ALL
            SELECT e.case_id, c.commune_code, e.procedure_code, e.seq, (e.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, e.to_step
            FROM {Schema(key)}.procedure_events e JOIN {Schema(key)}.cases c ON c.case_id = e.case_id
            """);
        await using var r = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<RawRow>();
        while (await r.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(new RawRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetFieldValue<DateOnly>(4), r.GetString(5)));
        }

        return rows;
    }

    private static string Schema(string key) => "t_" + key;

    private static string ConnectionString()
    {
        var cs = Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") == "1")
            {
                Assert.Fail("FACILITIES_TEST_PG is required (FACILITIES_REQUIRE_TOOLS=1) but not set; scripts/test.sh starts a PostgreSQL server");
            }

            Assert.Skip("set FACILITIES_TEST_PG");
        }

        return cs;
    }
}
