using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// The GeoPackage R-tree spatial index extension (gpkg_rtree_index, GeoPackage 1.3 Annex F.3): a virtual table
/// rtree_&lt;t&gt;_&lt;g&gt; holding each feature's bounding box, a gpkg_extensions row, and seven triggers that keep it in
/// step with later edits (QGIS, GDAL). QGIS and GDAL answer a bbox query from it instead of reading every row.
/// </summary>
public static class GeoPackageRtree
{
    /// <summary>The extension's name in gpkg_extensions.</summary>
    public const string ExtensionName = "gpkg_rtree_index";

    private const string Definition = "http://www.geopackage.org/spec/#extension_rtree";

    private static readonly string[] TriggerSuffixes = ["insert", "update1", "update2", "update3", "update4", "delete"];

    /// <summary>Name of the R-tree of a table's geometry column.</summary>
    public static string Name(string table, string geometryColumn) => $"rtree_{table}_{geometryColumn}";

    /// <summary>Creates gpkg_extensions (GeoPackage 1.3 §2.3.2) when absent.</summary>
    public static void EnsureExtensionsTable(SqliteConnection c, SqliteTransaction? tx)
    {
        GeoPackageSchema.Execute(c, """
            CREATE TABLE IF NOT EXISTS gpkg_extensions (
              table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
              CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            """, tx);
    }

    /// <summary>
    /// Removes the index of a geometry column, whoever made it (us, GDAL, QGIS): its virtual table (with the shadow
    /// tables), triggers and extension row. Run before a table is dropped and rewritten, or a stale index stays behind.
    /// </summary>
    public static void Drop(SqliteConnection c, SqliteTransaction tx, string table, string geometryColumn)
    {
        var rtree = Name(table, geometryColumn);
        foreach (var suffix in TriggerSuffixes.Concat(["update5", "update6", "update7"]))
        {
            GeoPackageSchema.Execute(c, $"DROP TRIGGER IF EXISTS {GeoPackageSchema.Quote(rtree + "_" + suffix)}", tx);
        }

        GeoPackageSchema.Execute(c, $"DROP TABLE IF EXISTS {GeoPackageSchema.Quote(rtree)}", tx);
        if (TableExists(c, tx, "gpkg_extensions"))
        {
            using var del = c.CreateCommand();
            del.Transaction = tx;
            del.CommandText = "DELETE FROM gpkg_extensions WHERE lower(table_name) = lower($t) AND lower(column_name) = lower($g) AND extension_name = $e";
            del.Parameters.AddWithValue("$t", table);
            del.Parameters.AddWithValue("$g", geometryColumn);
            del.Parameters.AddWithValue("$e", ExtensionName);
            del.ExecuteNonQuery();
        }
    }

    /// <summary>Creates the empty virtual table and its extension row (the triggers come with <see cref="CreateTriggers"/>).</summary>
    public static void Create(SqliteConnection c, SqliteTransaction tx, string table, string geometryColumn)
    {
        EnsureExtensionsTable(c, tx);
        GeoPackageSchema.Execute(c, $"CREATE VIRTUAL TABLE {GeoPackageSchema.Quote(Name(table, geometryColumn))} USING rtree(id, minx, maxx, miny, maxy)", tx);
        using var ext = c.CreateCommand();
        ext.Transaction = tx;
        ext.CommandText = "INSERT OR REPLACE INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES ($t, $g, $e, $d, 'write-only')";
        ext.Parameters.AddWithValue("$t", table);
        ext.Parameters.AddWithValue("$g", geometryColumn);
        ext.Parameters.AddWithValue("$e", ExtensionName);
        ext.Parameters.AddWithValue("$d", Definition);
        ext.ExecuteNonQuery();
    }

    /// <summary>Fills the index from the table's rows in one statement (through <see cref="GeoPackageSqlFunctions"/>).</summary>
    public static void Fill(SqliteConnection c, SqliteTransaction tx, string table, string geometryColumn, string idColumn)
    {
        var g = GeoPackageSchema.Quote(geometryColumn);
        GeoPackageSchema.Execute(c, $"""
            INSERT OR REPLACE INTO {GeoPackageSchema.Quote(Name(table, geometryColumn))}
            SELECT {GeoPackageSchema.Quote(idColumn)}, ST_MinX({g}), ST_MaxX({g}), ST_MinY({g}), ST_MaxY({g})
            FROM {GeoPackageSchema.Quote(table)} WHERE {g} NOT NULL AND NOT ST_IsEmpty({g})
            """, tx);
    }

    /// <summary>
    /// Inserts boxes computed by the caller (the envelopes of the rows just written, so no blob is read back).
    /// Inserting them in Hilbert order of their centres was measured and gained nothing (docs/performance.md).
    /// </summary>
    public static void Insert(SqliteConnection c, SqliteTransaction tx, string table, string geometryColumn, IReadOnlyList<(long Id, Envelope Box)> boxes)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {GeoPackageSchema.Quote(Name(table, geometryColumn))} VALUES ($id, $minx, $maxx, $miny, $maxy)";
        var (id, minX, maxX, minY, maxY) = (cmd.Parameters.Add("$id", SqliteType.Integer), cmd.Parameters.Add("$minx", SqliteType.Real),
            cmd.Parameters.Add("$maxx", SqliteType.Real), cmd.Parameters.Add("$miny", SqliteType.Real), cmd.Parameters.Add("$maxy", SqliteType.Real));
        cmd.Prepare();
        foreach (var (i, b) in boxes)
        {
            (id.Value, minX.Value, maxX.Value, minY.Value, maxY.Value) = (i, b.MinX, b.MaxX, b.MinY, b.MaxY);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The six triggers of GeoPackage 1.3 Annex F.3 (insert, update1–4, delete), word for word but for the names.</summary>
    public static void CreateTriggers(SqliteConnection c, SqliteTransaction tx, string table, string geometryColumn, string idColumn)
    {
        var t = GeoPackageSchema.Quote(table);
        var g = GeoPackageSchema.Quote(geometryColumn);
        var i = GeoPackageSchema.Quote(idColumn);
        var name = Name(table, geometryColumn);
        var r = GeoPackageSchema.Quote(name);
        string T(string suffix) => GeoPackageSchema.Quote(name + "_" + suffix);
        var insert = $"INSERT OR REPLACE INTO {r} VALUES (NEW.{i}, ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}), ST_MinY(NEW.{g}), ST_MaxY(NEW.{g}));";
        GeoPackageSchema.Execute(c, $"""
            CREATE TRIGGER {T("insert")} AFTER INSERT ON {t}
              WHEN (NEW.{g} NOT NULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN {insert} END;
            CREATE TRIGGER {T("update1")} AFTER UPDATE OF {g} ON {t}
              WHEN OLD.{i} = NEW.{i} AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN {insert} END;
            CREATE TRIGGER {T("update2")} AFTER UPDATE OF {g} ON {t}
              WHEN OLD.{i} = NEW.{i} AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
            CREATE TRIGGER {T("update3")} AFTER UPDATE ON {t}
              WHEN OLD.{i} != NEW.{i} AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {r} WHERE id = OLD.{i}; {insert} END;
            CREATE TRIGGER {T("update4")} AFTER UPDATE ON {t}
              WHEN OLD.{i} != NEW.{i} AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i}); END;
            CREATE TRIGGER {T("delete")} AFTER DELETE ON {t}
              WHEN OLD.{g} NOT NULL
            BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
            """, tx);
    }

    /// <summary>Whether the index of a geometry column exists with all six triggers (so it cannot have gone stale).</summary>
    public static bool IsComplete(SqliteConnection c, SqliteTransaction? tx, string table, string geometryColumn)
    {
        var name = Name(table, geometryColumn);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $t AND name IN ({string.Join(", ", TriggerSuffixes.Select((_, k) => "$n" + k))})";
        cmd.Parameters.AddWithValue("$t", table);
        for (var k = 0; k < TriggerSuffixes.Length; k++)
        {
            cmd.Parameters.AddWithValue("$n" + k, name + "_" + TriggerSuffixes[k]);
        }

        return TableExists(c, tx, name) && Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == TriggerSuffixes.Length;
    }

    /// <summary>
    /// Gives every feature table of the file a complete index: a table without one, or whose index lost its triggers
    /// (a table dropped and rewritten by an older Facilities or another tool), gets it dropped, rebuilt and refilled.
    /// </summary>
    public static void EnsureAll(SqliteConnection c, SqliteTransaction tx)
    {
        var columns = new List<(string Table, string Column)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                SELECT g.table_name, g.column_name FROM gpkg_geometry_columns g
                JOIN gpkg_contents c ON c.table_name = g.table_name AND c.data_type = 'features'
                JOIN sqlite_master m ON m.type = 'table' AND m.name = g.table_name ORDER BY g.table_name
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                columns.Add((r.GetString(0), r.GetString(1)));
            }
        }

        foreach (var (table, column) in columns)
        {
            if (IsComplete(c, tx, table, column) || PrimaryKey(c, tx, table) is not { } id)
            {
                continue;
            }

            Drop(c, tx, table, column);
            Create(c, tx, table, column);
            Fill(c, tx, table, column, id);
            CreateTriggers(c, tx, table, column, id);
        }
    }

    /// <summary>The table's single INTEGER PRIMARY KEY column (the rowid an R-tree's id follows), or null.</summary>
    internal static string? PrimaryKey(SqliteConnection c, SqliteTransaction? tx, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"PRAGMA table_info({GeoPackageSchema.Quote(table)})";
        using var r = cmd.ExecuteReader();
        var keys = new List<string>();
        while (r.Read())
        {
            if (r.GetInt32(5) > 0 && r.GetString(2).Equals("INTEGER", StringComparison.OrdinalIgnoreCase))
            {
                keys.Add(r.GetString(1));
            }
        }

        // Only a single INTEGER PRIMARY KEY is the rowid the R-tree's id can follow.
        return keys.Count == 1 ? keys[0] : null;
    }

    private static bool TableExists(SqliteConnection c, SqliteTransaction? tx, string name)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = lower($n)";
        cmd.Parameters.AddWithValue("$n", name);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
