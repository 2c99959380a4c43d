using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// The attribute indexes the screening's SQL uses on the parcels layer (issue 15, docs/performance.md): on
/// <c>area_m2</c>, on <c>(land_use, area_m2)</c> and on <c>(planned_land_use, area_m2)</c>, each partial (only rows
/// with a geometry, the rows a screening reads). With them SQLite reads the few rows that can pass instead of
/// scanning the layer, and counts the rest by area in the index alone. Written at import and created on the first
/// screening of a GeoPackage made elsewhere (QGIS, ogr2ogr) when the file can be written; plain SQLite indexes, which
/// SQLite keeps up to date through any later edit and every GeoPackage reader ignores (about 59 MB at a million
/// parcels, docs/architecture.md).
/// </summary>
internal static class ParcelAttributeIndex
{
    /// <summary>
    /// Rows (largest rowid) from which a GeoPackage's first screening creates the indexes: below it a scan costs
    /// little (0.1 s of CPU at 100,000 parcels) and a user's small file is not changed.
    /// </summary>
    public const long CreateFrom = 50_000;

    /// <summary>The layer the indexes are on.</summary>
    public const string Layer = "parcels";

    /// <summary>Index names and their columns (the first is the leading column).</summary>
    private static readonly (string Name, string[] Columns)[] Indexes =
    [
        ("facilities_parcels_area", ["area_m2"]),
        ("facilities_parcels_land_use", ["land_use", "area_m2"]),
        ("facilities_parcels_planned_land_use", ["planned_land_use", "area_m2"]),
    ];

    /// <summary>The name of the index whose leading column is <paramref name="column"/>.</summary>
    public static string NameFor(string column) => Array.Find(Indexes, i => i.Columns[0] == column).Name
        ?? throw new ArgumentException($"no parcel index leads with {column}", nameof(column));

    /// <summary>The table's largest rowid (its row count when no row was deleted), in one index lookup.</summary>
    public static long LargestRowid(SqliteConnection c, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT max(rowid) FROM {GeoPackageSchema.Quote(table)}";
        return cmd.ExecuteScalar() is long n ? n : 0;
    }

    /// <summary>Whether the layer has every index (with the columns and condition written here).</summary>
    public static bool Present(SqliteConnection c, SqliteTransaction? tx, string table, string geometryColumn)
    {
        var expected = Statements(table, geometryColumn);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t";
        cmd.Parameters.AddWithValue("$t", table);
        var present = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                present[r.GetString(0)] = r.IsDBNull(1) ? "" : r.GetString(1);
            }
        }

        return expected.All(e => present.TryGetValue(e.Name, out var sql) && sql == e.Sql);
    }

    /// <summary>
    /// Creates the indexes that are missing (a stale one, with other columns, is replaced) when the table has the
    /// columns; in the caller's transaction. False when the table lacks one of the columns.
    /// </summary>
    public static bool Create(SqliteConnection c, SqliteTransaction tx, string table, string geometryColumn, IReadOnlyCollection<string> columns)
    {
        if (!Indexes.SelectMany(i => i.Columns).All(columns.Contains))
        {
            return false;
        }

        foreach (var (name, sql) in Statements(table, geometryColumn))
        {
            GeoPackageSchema.Execute(c, $"DROP INDEX IF EXISTS {GeoPackageSchema.Quote(name)}", tx);
            GeoPackageSchema.Execute(c, sql, tx);
        }

        return true;
    }

    /// <summary>Creates the indexes on the parcels layer if the file has one with the columns (at import, in its transaction).</summary>
    public static void CreateIfParcels(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = $t";
        cmd.Parameters.AddWithValue("$t", Layer);
        if (cmd.ExecuteScalar() is not string geometryColumn)
        {
            return;
        }

        cmd.CommandText = "SELECT name FROM pragma_table_info($t)";
        var columns = new List<string>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                columns.Add(r.GetString(0));
            }
        }

        Create(c, tx, Layer, geometryColumn, columns);
    }

    /// <summary>
    /// Creates the indexes in a file that lacks them (one write transaction). The content hash the file keeps
    /// (<see cref="GeoPackageHashCache"/>) is kept valid: an index changes no content, only SQLite's schema cookie,
    /// which is part of the hash's key, so a hash that was fresh before is stored again under the new key.
    /// False when the file cannot be written now (read-only, locked) or the table lacks a column: the caller then
    /// reads without the indexes (same rows, slower).
    /// </summary>
    public static bool TryCreate(string path, string table, string geometryColumn, IReadOnlyCollection<string> columns) =>
        GeoPackageOptionalWrite.Try(path, (c, tx) =>
        {
            var before = GeoPackageChangeCounter.Read(c, tx);
            if (!Create(c, tx, table, geometryColumn, columns))
            {
                return false;
            }

            if (before is { Fresh: true } && GeoPackageChangeCounter.Read(c, tx) is { } after)
            {
                GeoPackageChangeCounter.Store(c, tx, after.Changes, after.Key, before.Hash!);
            }

            return true;
        });

    // The exact CREATE text, as sqlite_master keeps it (so Present can compare it).
    private static IEnumerable<(string Name, string Sql)> Statements(string table, string geometryColumn) =>
        Indexes.Select(i => (i.Name, $"CREATE INDEX {GeoPackageSchema.Quote(i.Name)} ON {GeoPackageSchema.Quote(table)} " +
            $"({string.Join(", ", i.Columns.Select(GeoPackageSchema.Quote))}) WHERE {GeoPackageSchema.Quote(geometryColumn)} IS NOT NULL"));
}
