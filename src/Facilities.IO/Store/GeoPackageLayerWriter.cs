using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Spatial;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.IO.Store;

/// <summary>Writes a feature layer as a GeoPackage feature table, replacing any table of the same name.</summary>
public static class GeoPackageLayerWriter
{
    /// <summary>
    /// Writes <paramref name="layer"/> inside <paramref name="tx"/>. Geometries must be in the layer's CRS.
    /// </summary>
    /// <param name="c">Open connection with the core tables present.</param>
    /// <param name="tx">Transaction the whole write belongs to.</param>
    /// <param name="layer">The layer; its CRS must have an EPSG code.</param>
    /// <param name="geometryTypeName">GeoPackage geometry type: POINT, MULTIPOLYGON or GEOMETRY.</param>
    /// <param name="lastChange">ISO 8601 timestamp for gpkg_contents, fixed for reproducible files.</param>
    /// <param name="progress">Reports features written.</param>
    public static void Write(SqliteConnection c, SqliteTransaction tx, FeatureLayer layer, string geometryTypeName, string lastChange, IProgress<WorkProgress>? progress = null)
    {
        var crs = layer.Crs ?? CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        GeoPackageSchema.EnsureSrs(c, crs);
        var table = GeoPackageSchema.Quote(layer.Name);
        GeoPackageSchema.Execute(c, $"DROP TABLE IF EXISTS {table}", tx);
        using (var del = c.CreateCommand())
        {
            del.Transaction = tx;
            del.CommandText = "DELETE FROM gpkg_geometry_columns WHERE table_name = $t; DELETE FROM gpkg_contents WHERE table_name = $t;";
            del.Parameters.AddWithValue("$t", layer.Name);
            del.ExecuteNonQuery();
        }

        var columns = string.Concat(layer.Fields.Select(f => $", {GeoPackageSchema.Quote(f.Name)} {SqlType(f.Type)}"));
        GeoPackageSchema.Execute(c, $"CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {geometryTypeName}{columns})", tx);

        var env = new Envelope();
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        using (var insert = c.CreateCommand())
        {
            insert.Transaction = tx;
            var names = string.Concat(layer.Fields.Select(f => ", " + GeoPackageSchema.Quote(f.Name)));
            var values = string.Concat(layer.Fields.Select((_, i) => $", $p{i}"));
            insert.CommandText = $"INSERT INTO {table} (geom{names}) VALUES ($geom{values})";
            var pGeom = insert.Parameters.Add("$geom", SqliteType.Blob);
            var ps = layer.Fields.Select((f, i) => insert.Parameters.Add($"$p{i}", Affinity(f.Type))).ToArray();
            insert.Prepare();
            var n = 0;
            foreach (var f in layer.Features)
            {
                if (f.Geometry is { } g)
                {
                    // A MULTIPOLYGON column holds only multipolygons (GeoPackage 1.3 §2.1.6).
                    if (geometryTypeName == "MULTIPOLYGON" && g is Polygon single)
                    {
                        g = single.Factory.CreateMultiPolygon([single]);
                    }

                    g.SRID = crs.Srid;
                    pGeom.Value = writer.Write(g);
                    env.ExpandToInclude(g.EnvelopeInternal);
                }
                else
                {
                    pGeom.Value = DBNull.Value;
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
                if (++n % 5000 == 0)
                {
                    progress?.Report(new WorkProgress("write", n, layer.Features.Count));
                }
            }

            progress?.Report(new WorkProgress("write", n, layer.Features.Count));
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
