using System.Diagnostics;
using SQLitePCL;

namespace Facilities.Benchmarks;

/// <summary>
/// Where the streamed screening's reader spends its time: the parcel rows read through Microsoft.Data.Sqlite (as
/// DatasetLoader did) against the same statement stepped through SQLitePCL.raw, whose column accessors return spans
/// into SQLite's own buffers (no string or byte[] per column). CPU time, so the other processes' load matters less.
/// </summary>
public static class RowReadBenchmark
{
    private const string Sql = "SELECT geom, id, land_use, planned_land_use, owner_type, area_m2 FROM parcels ORDER BY rowid";

    /// <summary>Prints the CPU time of each way of reading every row of <paramref name="path"/>'s parcels.</summary>
    public static void Run(string path)
    {
        for (var round = 0; round < 2; round++)
        {
            Measure("Microsoft.Data.Sqlite, every column as a .NET value", () =>
            {
                using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly");
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = Sql;
                using var r = cmd.ExecuteReader();
                long n = 0, bytes = 0;
                while (r.Read())
                {
                    bytes += ((byte[])r.GetValue(0)).Length;
                    for (var i = 1; i < 5; i++)
                    {
                        bytes += r.IsDBNull(i) ? 0 : ((string)r.GetValue(i)).Length;
                    }

                    bytes += r.IsDBNull(5) ? 0 : (long)r.GetDouble(5);
                    n++;
                }

                return (n, bytes);
            });
            Measure("SQLitePCL.raw, spans", () =>
            {
                Batteries_V2.Init();
                Check(raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READONLY, null), null);
                using (db)
                {
                    Check(raw.sqlite3_prepare_v2(db, Sql, out var stmt), db);
                    using (stmt)
                    {
                        long n = 0, bytes = 0;
                        while (raw.sqlite3_step(stmt) == raw.SQLITE_ROW)
                        {
                            bytes += raw.sqlite3_column_blob(stmt, 0).Length;
                            for (var i = 1; i < 5; i++)
                            {
                                bytes += raw.sqlite3_column_type(stmt, i) == raw.SQLITE_NULL ? 0 : raw.sqlite3_column_blob(stmt, i).Length;
                            }

                            bytes += raw.sqlite3_column_type(stmt, 5) == raw.SQLITE_NULL ? 0 : (long)raw.sqlite3_column_double(stmt, 5);
                            n++;
                        }

                        return (n, bytes);
                    }
                }
            });
        }
    }

    private static void Check(int rc, sqlite3? db)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException(db is null ? $"sqlite error {rc}" : raw.sqlite3_errmsg(db).utf8_to_string());
        }
    }

    private static void Measure(string label, Func<(long Rows, long Bytes)> read)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var (rows, bytes) = read();
        Console.WriteLine($"{label}: {rows:N0} rows ({bytes:N0}), {watch.Elapsed.TotalSeconds:0.00} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s CPU");
    }
}
