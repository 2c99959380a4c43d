using Facilities.Storage.Sqlite.GeoPackage;
using Microsoft.Data.Sqlite;

namespace Facilities.Reports.Results;

/// <summary>
/// QGIS's layer_styles table in a GeoPackage: a style with useAsDefault = 1 is applied when QGIS (3.x) opens the
/// layer. The table is created as QGIS 3.22 creates it when a user saves a style into a GeoPackage (the same columns,
/// types and update_time default) and registered in gpkg_contents as an 'attributes' table, so GDAL's validator and
/// QGIS both accept it and a style the user saves later lands beside ours.
/// </summary>
public static class GeoPackageLayerStyles
{
    /// <summary>The table's name (fixed by QGIS).</summary>
    public const string Table = "layer_styles";

    private const string Create = """
        CREATE TABLE IF NOT EXISTS "layer_styles" ( "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
          "f_table_catalog" TEXT(256), "f_table_schema" TEXT(256), "f_table_name" TEXT(256), "f_geometry_column" TEXT(256),
          "styleName" TEXT(30), "styleQML" TEXT, "styleSLD" TEXT, "useAsDefault" BOOLEAN, "description" TEXT,
          "owner" TEXT(30), "ui" TEXT(30), "update_time" DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))
        """;

    /// <summary>Adds <paramref name="entries"/> as the default styles of their layers (replacing earlier defaults), in one transaction.</summary>
    /// <param name="path">An existing GeoPackage.</param>
    /// <param name="entries">The styles.</param>
    /// <param name="lastChange">gpkg_contents timestamp of the table.</param>
    public static void Write(string path, IReadOnlyList<LayerStyleEntry> entries, string lastChange)
    {
        using var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadWrite);
        // Result layers carry R-tree triggers that call the GeoPackage SQL functions; register them before any write.
        GeoPackageSqlFunctions.Register(c);
        using var tx = c.BeginTransaction();
        GeoPackageSchema.Execute(c, Create, tx);
        using (var contents = c.CreateCommand())
        {
            contents.Transaction = tx;
            contents.CommandText = """
                INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change)
                SELECT 'layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles', $t
                WHERE NOT EXISTS (SELECT 1 FROM gpkg_contents WHERE table_name = 'layer_styles')
                """;
            contents.Parameters.AddWithValue("$t", lastChange);
            contents.ExecuteNonQuery();
        }

        foreach (var e in entries)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = $layer;
                INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName,
                  styleQML, styleSLD, useAsDefault, description, owner, ui, update_time)
                VALUES ('', '', $layer, $geom, $name, $qml, $sld, 1, $description, 'facilities', NULL, $t);
                """;
            cmd.Parameters.AddWithValue("$layer", e.Layer);
            cmd.Parameters.AddWithValue("$geom", e.GeometryColumn);
            cmd.Parameters.AddWithValue("$name", e.Name);
            cmd.Parameters.AddWithValue("$qml", e.Qml);
            cmd.Parameters.AddWithValue("$sld", e.Sld);
            cmd.Parameters.AddWithValue("$description", e.Description);
            cmd.Parameters.AddWithValue("$t", lastChange);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
