using System.Globalization;
using System.Text;
using Facilities.Core.Tracker;
using Facilities.Storage.Sqlite.Tracker;
using Facilities.Testing;
using Facilities.Testing.Tracker;
using Microsoft.Data.Sqlite;

namespace Facilities.IO.Tests.Tracker;

/// <summary>The chain-of-procedures contract on SQLite.</summary>
public sealed class SqliteProcedureStoreTests : ProcedureStoreContract, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    protected override ICaseStore OpenStore(string key, int? version = null) =>
        version is int v ? SqliteCaseStore.OpenAtVersion(Path(key), v) : SqliteCaseStore.Open(Path(key));

    protected override IReadOnlyList<int> Applied(ICaseStore store) => ((SqliteCaseStore)store).AppliedMigrations();

    protected override async Task<string> DumpGcnTablesAsync(string key)
    {
        var text = new StringBuilder();
        await using var c = new SqliteConnection($"Data Source={Path(key)};Mode=ReadOnly;Pooling=False");
        await c.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var sql in new[] { "SELECT * FROM cases ORDER BY case_id", "SELECT * FROM case_events ORDER BY case_id, seq" })
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            await using var r = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await r.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    // Type and bytes of every value: a column stored as another type or re-encoded text would differ.
                    var value = r.GetValue(i);
                    text.Append(r.GetName(i)).Append(':').Append(r.GetDataTypeName(i)).Append(':')
                        .Append(value is string s ? Convert.ToHexString(Encoding.UTF8.GetBytes(s)) : Convert.ToString(value, CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    protected override async Task<IReadOnlyList<RawRow>> RawRowsAsync(string key)
    {
        await using var c = new SqliteConnection($"Data Source={Path(key)};Mode=ReadOnly;Pooling=False");
        await c.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT e.case_id, c.commune_code, 'gcn', e.seq, e.at, e.to_step FROM case_events e JOIN cases c ON c.case_id = e.case_id
            UNION ALL
            SELECT e.case_id, c.commune_code, e.procedure_code, e.seq, e.at, e.to_step FROM procedure_events e JOIN cases c ON c.case_id = e.case_id
            """;
        await using var r = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<RawRow>();
        while (await r.ReadAsync(TestContext.Current.CancellationToken))
        {
            // The instant as stored (ISO 8601 with its offset), moved to UTC+7 and dated.
            var local = DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7));
            rows.Add(new RawRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), DateOnly.FromDateTime(local.DateTime), r.GetString(5)));
        }

        return rows;
    }

    private string Path(string key) => _dir.File(key + ".tracker.sqlite");
}
