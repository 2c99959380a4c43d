using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Spatial;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// Writes a feature layer as a GeoPackage feature table with its R-tree spatial index, or as an attributes table when it
/// has no geometry column, replacing any table of the same name together with whatever index it had.
/// </summary>
public static class GeoPackageLayerWriter
{
    /// <summary>The geometry column of every feature table written here.</summary>
    public const string GeometryColumn = "geom";

    /// <summary>
    /// Writes <paramref name="layer"/> inside <paramref name="tx"/>. Geometries must be in the layer's CRS.
    /// </summary>
    /// <param name="c">Open connection with the core tables present.</param>
    /// <param name="tx">Transaction the whole write belongs to.</param>
    /// <param name="layer">The layer; its CRS must have an EPSG code.</param>
    /// <param name="geometryTypeName">GeoPackage geometry type (POINT, MULTIPOLYGON, GEOMETRY …), or null for a table
    /// without geometry, registered as 'attributes'.</param>
    /// <param name="lastChange">ISO 8601 timestamp for gpkg_contents, fixed for reproducible files.</param>
    /// <param name="progress">Reports features written.</param>
    /// <param name="index">How the R-tree is filled; anything but the default is for the benchmark.</param>
    public static void Write(
        SqliteConnection c, SqliteTransaction tx, FeatureLayer layer, string? geometryTypeName, string lastChange, IProgress<WorkProgress>? progress = null,
        SpatialIndexFill index = SpatialIndexFill.WhileWriting)
    {
        var crs = layer.Crs ?? CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        GeoPackageSchema.EnsureSrs(c, crs);
        var table = GeoPackageSchema.Quote(layer.Name);
        DropExisting(c, tx, layer.Name);

        var spatial = geometryTypeName is not null;
        var columns = string.Concat(layer.Fields.Select(f => $", {GeoPackageSchema.Quote(f.Name)} {SqlType(f.Type)}"));
        GeoPackageSchema.Execute(c, $"CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL{(spatial ? $", geom {geometryTypeName}" : "")}{columns})", tx);
        var indexed = spatial && index != SpatialIndexFill.None;
        if (indexed)
        {
            GeoPackageRtree.Create(c, tx, layer.Name, GeometryColumn);
            if (index == SpatialIndexFill.ByTriggers)
            {
                GeoPackageRtree.CreateTriggers(c, tx, layer.Name, GeometryColumn, "fid");
            }
        }

        var env = new Envelope();
        var boxes = new List<(long Id, Envelope Box)>();
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        using (var insert = c.CreateCommand())
        {
            insert.Transaction = tx;
            var names = string.Concat(layer.Fields.Select(f => ", " + GeoPackageSchema.Quote(f.Name)));
            var values = string.Concat(layer.Fields.Select((_, i) => $", $p{i}"));
            insert.CommandText = $"INSERT INTO {table} (fid{(spatial ? ", geom" : "")}{names}) VALUES ($fid{(spatial ? ", $geom" : "")}{values})";
            var pFid = insert.Parameters.Add("$fid", SqliteType.Integer);
            var pGeom = spatial ? insert.Parameters.Add("$geom", SqliteType.Blob) : null;
            var ps = layer.Fields.Select((f, i) => insert.Parameters.Add($"$p{i}", Affinity(f.Type))).ToArray();
            insert.Prepare();

            // The table is new, so fid = ordinal; each row's box is kept under that id for the R-tree.
            var collect = indexed && index == SpatialIndexFill.WhileWriting;
            var n = 0;
            foreach (var f in layer.Features)
            {
                pFid.Value = n + 1L;
                if (!spatial)
                {
                    // An attributes table has no geometry column.
                }
                else if (f.Geometry is { } g)
                {
                    // A MULTIPOLYGON column holds only multipolygons (GeoPackage 1.3 §2.1.6).
                    if (geometryTypeName == "MULTIPOLYGON" && g is Polygon single)
                    {
                        g = single.Factory.CreateMultiPolygon([single]);
                    }

                    g.SRID = crs.Srid;
                    pGeom!.Value = writer.Write(g);
                    env.ExpandToInclude(g.EnvelopeInternal);
                }
                else
                {
                    pGeom!.Value = DBNull.Value;
                }

                for (var i = 0; i < ps.Length; i++)
                {
                    ps[i].Value = f[layer.Fields[i].Name] switch
                    {
                        null => DBNull.Value,
                        bool b => b ? 1L : 0L,
                        var v => v,
                    };
                }

                insert.ExecuteNonQuery();
                if (collect && f.Geometry is { IsEmpty: false } written)
                {
                    boxes.Add((n + 1L, written.EnvelopeInternal));
                }

                if (++n % 5000 == 0)
                {
                    progress?.Report(new WorkProgress("write", n, layer.Features.Count));
                }
            }

            progress?.Report(new WorkProgress("write", n, layer.Features.Count));
        }

        if (indexed && index != SpatialIndexFill.ByTriggers)
        {
            GeoPackageRtree.Insert(c, tx, layer.Name, GeometryColumn, boxes);
            GeoPackageRtree.CreateTriggers(c, tx, layer.Name, GeometryColumn, "fid");
        }

        if (!spatial)
        {
            RegisterAttributes(c, tx, layer.Name, lastChange);
            return;
        }

        using var contents = c.CreateCommand();
        contents.Transaction = tx;
        contents.CommandText = """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
            VALUES ($t, 'features', $t, '', $lc, $minx, $miny, $maxx, $maxy, $srs);
            INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $gt, $srs, 0, 0);
            """;
        contents.Parameters.AddWithValue("$t", layer.Name);
        contents.Parameters.AddWithValue("$lc", lastChange);
        contents.Parameters.AddWithValue("$minx", env.IsNull ? DBNull.Value : env.MinX);
        contents.Parameters.AddWithValue("$miny", env.IsNull ? DBNull.Value : env.MinY);
        contents.Parameters.AddWithValue("$maxx", env.IsNull ? DBNull.Value : env.MaxX);
        contents.Parameters.AddWithValue("$maxy", env.IsNull ? DBNull.Value : env.MaxY);
        contents.Parameters.AddWithValue("$gt", geometryTypeName);
        contents.Parameters.AddWithValue("$srs", crs.Srid);
        contents.ExecuteNonQuery();
    }

    /// <summary>
    /// Drops the table and everything that described it: its R-tree (ours, GDAL's or QGIS's, under whatever geometry
    /// column the old table had; DROP TABLE removes the triggers but would leave the R-tree full of stale boxes),
    /// other extension rows naming it, and its gpkg_geometry_columns and gpkg_contents rows.
    /// </summary>
    private static void DropExisting(SqliteConnection c, SqliteTransaction tx, string name)
    {
        var oldColumns = new List<string> { GeometryColumn };
        using (var cols = c.CreateCommand())
        {
            cols.Transaction = tx;
            cols.CommandText = "SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower($t)";
            cols.Parameters.AddWithValue("$t", name);
            using var r = cols.ExecuteReader();
            while (r.Read())
            {
                oldColumns.Add(r.GetString(0));
            }
        }

        foreach (var column in oldColumns.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            GeoPackageRtree.Drop(c, tx, name, column);
        }

        GeoPackageSchema.Execute(c, $"DROP TABLE IF EXISTS {GeoPackageSchema.Quote(name)}", tx);
        GeoPackageRtree.EnsureExtensionsTable(c, tx);
        using var del = c.CreateCommand();
        del.Transaction = tx;
        del.CommandText = """
            DELETE FROM gpkg_extensions WHERE lower(table_name) = lower($t);
            DELETE FROM gpkg_geometry_columns WHERE lower(table_name) = lower($t);
            DELETE FROM gpkg_contents WHERE lower(table_name) = lower($t);
            """;
        del.Parameters.AddWithValue("$t", name);
        del.ExecuteNonQuery();
    }

    /// <summary>Registers a table without geometry: data_type 'attributes', no extent, no SRS (GeoPackage 1.3 §2.4).</summary>
    private static void RegisterAttributes(SqliteConnection c, SqliteTransaction tx, string name, string lastChange)
    {
        using var contents = c.CreateCommand();
        contents.Transaction = tx;
        contents.CommandText = "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES ($t, 'attributes', $t, '', $lc)";
        contents.Parameters.AddWithValue("$t", name);
        contents.Parameters.AddWithValue("$lc", lastChange);
        contents.ExecuteNonQuery();
    }

    private static string SqlType(FieldType t) => t switch
    {
        FieldType.Integer => "INTEGER",
        FieldType.Real => "REAL",
        _ => "TEXT",
    };

    private static SqliteType Affinity(FieldType t) => t switch
    {
        FieldType.Integer => SqliteType.Integer,
        FieldType.Real => SqliteType.Real,
        _ => SqliteType.Text,
    };
}
