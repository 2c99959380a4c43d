using System.Globalization;
using Facilities.Core.Spatial;
using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// The GeoPackage 1.3 core tables (OGC 12-128r18 §1.1), created over plain SQLite because
/// NetTopologySuite.IO.GeoPackage only converts geometry blobs.
/// </summary>
public static class GeoPackageSchema
{
    /// <summary>"GPKG" as a 32-bit big-endian integer, required in the SQLite header's application_id.</summary>
    public const int ApplicationId = 1196444487;

    /// <summary>GeoPackage version 1.3.0.</summary>
    public const int UserVersion = 10300;

    /// <summary>The table of Facilities' own key/value metadata (schema version, provenance of each layer).</summary>
    public const string MetadataTable = "facilities_metadata";

    /// <summary>Opens a connection without pooling, so the file is released as soon as it is disposed.</summary>
    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
        var c = new SqliteConnection(cs);
        c.Open();
        return c;
    }

    /// <summary>Creates the required tables and the two undefined SRS rows, if they do not exist.</summary>
    public static void EnsureCore(SqliteConnection c)
    {
        Execute(c, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {UserVersion};");
        Execute(c, """
            CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE IF NOT EXISTS gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
              table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE IF NOT EXISTS facilities_metadata (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL UNIQUE, value TEXT);
            INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES
              ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
              ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """);
        EnsureSrs(c, CrsRegistry.Get(CrsRegistry.Wgs84Srid));
        UpgradeMetadataTable(c);
    }

    /// <summary>
    /// Registers facilities_metadata in gpkg_contents as an 'attributes' table, so QGIS and GDAL list the stamp beside
    /// the layers. An attributes table needs an INTEGER PRIMARY KEY (GeoPackage 1.3 Req 119): files written before
    /// had the key as primary key, and get the new layout with the same entries.
    /// </summary>
    public static void RegisterMetadataTable(SqliteConnection c, SqliteTransaction tx, string lastChange)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES ($t, 'attributes', $t, $d, $lc)";
        cmd.Parameters.AddWithValue("$t", MetadataTable);
        cmd.Parameters.AddWithValue("$d", "Facilities: phiên bản, nguồn và dấu kiểm / version, sources and result stamp");
        cmd.Parameters.AddWithValue("$lc", lastChange);
        cmd.ExecuteNonQuery();
    }

    private static void UpgradeMetadataTable(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM pragma_table_info('facilities_metadata') WHERE name = 'fid'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        using var tx = c.BeginTransaction();
        Execute(c, """
            ALTER TABLE facilities_metadata RENAME TO facilities_metadata_old;
            CREATE TABLE facilities_metadata (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL UNIQUE, value TEXT);
            INSERT INTO facilities_metadata (key, value) SELECT key, value FROM facilities_metadata_old ORDER BY key;
            DROP TABLE facilities_metadata_old;
            """, tx);
        tx.Commit();
    }

    /// <summary>Registers a CRS in gpkg_spatial_ref_sys under its EPSG code.</summary>
    public static void EnsureSrs(SqliteConnection c, CrsDefinition crs)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ($name, $id, 'EPSG', $id, $wkt, $name)";
        cmd.Parameters.AddWithValue("$name", crs.Name);
        cmd.Parameters.AddWithValue("$id", crs.Srid);
        cmd.Parameters.AddWithValue("$wkt", crs.Wkt);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs SQL that returns nothing.</summary>
    public static void Execute(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Quotes an SQL identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Reads one metadata value, or null.</summary>
    public static string? GetMetadata(SqliteConnection c, string key)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM facilities_metadata WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        try
        {
            return cmd.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>Writes one metadata value.</summary>
    public static void SetMetadata(SqliteConnection c, SqliteTransaction tx, string key, string value)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO facilities_metadata (key, value) VALUES ($k, $v)";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Invariant text of a number, for SQL literals.</summary>
    public static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
