using System.Diagnostics;
using Facilities.PostGisReference;
using Facilities.Web.Tiles;
using Npgsql;
using NpgsqlTypes;

namespace Facilities.Benchmarks;

/// <summary>
/// The same parcel tiles from PostGIS (ST_AsMVT over a GiST-indexed EPSG:3857 table), for the ratio in
/// docs/performance.md: the parcels go in once by binary COPY, then each tile is one statement through Npgsql.
/// </summary>
internal sealed class PostGisTiles : IAsyncDisposable
{
    private readonly NpgsqlDataSource _db;
    private readonly string _schema = "bench_tiles_" + Guid.NewGuid().ToString("N")[..8];

    private PostGisTiles(NpgsqlDataSource db) => _db = db;

    public static async Task<PostGisTiles> LoadAsync(string connectionString, ParcelIndex index)
    {
        var t = new PostGisTiles(PostGisDeficit.CreateDataSource(connectionString));
        await MachineInfo.PrintServerAsync(t._db);
        var watch = Stopwatch.StartNew();
        await using var conn = await t._db.OpenConnectionAsync();
        await Exec(conn, $"CREATE SCHEMA {t._schema}; CREATE TABLE {t._schema}.parcels_4326 (id text, land_use text, area_m2 float8, geom geometry(Geometry, 4326))");
        await using (var w = await conn.BeginBinaryImportAsync($"COPY {t._schema}.parcels_4326 (id, land_use, area_m2, geom) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < index.Count; i++)
            {
                await w.StartRowAsync();
                await w.WriteAsync(index.Ids[i], NpgsqlDbType.Text);
                await w.WriteAsync(index.LandUse[i], NpgsqlDbType.Text);
                if (index.AreaM2[i] is double a)
                {
                    await w.WriteAsync(a, NpgsqlDbType.Double);
                }
                else
                {
                    await w.WriteNullAsync();
                }

                await w.WriteAsync(index.Geometry[i], NpgsqlDbType.Geometry);
            }

            await w.CompleteAsync();
        }

        await Exec(conn, $"""
            CREATE TABLE {t._schema}.parcels AS SELECT id, land_use, round(area_m2::numeric, 1)::float8 AS area_m2, ST_Transform(geom, 3857) AS geom FROM {t._schema}.parcels_4326;
            CREATE INDEX ON {t._schema}.parcels USING gist (geom);
            ANALYZE {t._schema}.parcels;
            """);
        Console.WriteLine($"PostGIS: {index.Count:N0} parcels copied, transformed to EPSG:3857 and indexed in {watch.Elapsed.TotalSeconds:0.0} s");
        return t;
    }

    /// <summary>One tile: ST_AsMVT of the parcels meeting it (geometries clipped with a 64-unit buffer, as PostGIS does by default).</summary>
    public async Task<byte[]> TileAsync(NpgsqlConnection conn, int z, int x, int y)
    {
        await using var cmd = new NpgsqlCommand($"""
            SELECT ST_AsMVT(q, 'parcels', 4096, 'geom') FROM (
              SELECT id, land_use, area_m2, ST_AsMVTGeom(p.geom, ST_TileEnvelope(@z, @x, @y), 4096, 64, true) AS geom
              FROM {_schema}.parcels p WHERE p.geom && ST_TileEnvelope(@z, @x, @y)) q
            """, conn);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        return (byte[])(await cmd.ExecuteScalarAsync())!;
    }

    public Task<NpgsqlConnection> OpenAsync() => _db.OpenConnectionAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await using (var conn = await _db.OpenConnectionAsync())
        {
            await Exec(conn, $"DROP SCHEMA {_schema} CASCADE");
        }

        await _db.DisposeAsync();
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
