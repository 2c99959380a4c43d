using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Formats;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>Reads feature tables of any GeoPackage (ours, GDAL's or QGIS's).</summary>
public static class GeoPackageLayerReader
{
    /// <summary>Feature tables of an open GeoPackage, from gpkg_contents, in name order.</summary>
    public static List<GeoPackageTableInfo> ListTables(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT c.table_name, g.column_name, g.geometry_type_name, c.srs_id, s.organization, s.organization_coordsys_id, s.definition,
                   c.min_x, c.min_y, c.max_x, c.max_y
            FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
            LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = c.srs_id
            WHERE c.data_type = 'features' ORDER BY c.table_name
            """;
        var list = new List<GeoPackageTableInfo>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new GeoPackageTableInfo(
                r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? 0 : r.GetInt32(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : new Envelope(r.GetDouble(7), r.GetDouble(9), r.GetDouble(8), r.GetDouble(10))));
        }

        return list;
    }

    /// <summary>
    /// Tables without geometry (data_type 'attributes') in name order, described with an empty geometry column, so
    /// <see cref="Read"/> gives their rows as features without geometry.
    /// </summary>
    public static List<GeoPackageTableInfo> ListAttributeTables(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT table_name FROM gpkg_contents WHERE data_type = 'attributes' ORDER BY table_name";
        var list = new List<GeoPackageTableInfo>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new GeoPackageTableInfo(r.GetString(0), "", "", 0, null, null, null, null));
        }

        return list;
    }

    /// <summary>The CRS a table declares, or null with a reason.</summary>
    public static CrsDefinition? Crs(GeoPackageTableInfo t, out string reason)
    {
        reason = "";
        if (string.Equals(t.Organization, "EPSG", StringComparison.OrdinalIgnoreCase) && t.OrganizationCode is int code && CrsRegistry.TryGet(code, out var d))
        {
            return d;
        }

        if (t.Definition is { } wkt && wkt != "undefined" && CrsRecognizer.TryRecognise(wkt, out d, out reason))
        {
            return d;
        }

        reason = reason.Length > 0 ? reason : $"SRS {t.Organization}:{t.OrganizationCode} is not one this tool knows";
        return null;
    }

    /// <summary>Reads a whole table as a layer named <paramref name="layerName"/>.</summary>
    public static FeatureLayer Read(SqliteConnection c, GeoPackageTableInfo table, string layerName, string file, IssueList issues, CrsDefinition? crsOverride = null)
    {
        var crs = ResolveCrs(table, layerName, file, crsOverride);
        var fields = Fields(c, table);
        return new FeatureLayer(layerName, crs, fields, [.. Rows(c, table, fields, issues)]);
    }

    /// <summary>
    /// The table's CRS (or <paramref name="crsOverride"/>); a <see cref="DataFileException"/> when it declares one
    /// this tool does not know; null when it declares none.
    /// </summary>
    public static CrsDefinition? ResolveCrs(GeoPackageTableInfo table, string layerName, string file, CrsDefinition? crsOverride = null)
    {
        var reason = "";
        var crs = crsOverride ?? Crs(table, out reason);
        if (crs is null && table.SrsId > 0)
        {
            throw new DataFileException("crs-unsupported", file, layerName,
                $"không nhận ra hệ toạ độ của bảng '{table.Name}': {reason}. Dùng --crs EPSG:n.",
                $"the coordinate system of table '{table.Name}' is not recognised: {reason}. Pass --crs EPSG:n.");
        }

        return crs;
    }

    /// <summary>The table's attribute columns (all but the primary key and the geometry), in table order.</summary>
    public static List<FieldInfo> Fields(SqliteConnection c, GeoPackageTableInfo table)
    {
        var fields = new List<FieldInfo>();
        using var info = c.CreateCommand();
        info.CommandText = $"PRAGMA table_info({GeoPackageSchema.Quote(table.Name)})";
        using var r = info.ExecuteReader();
        while (r.Read())
        {
            var name = r.GetString(1);
            var pk = r.GetInt32(5) > 0;
            if (pk || name == table.GeometryColumn)
            {
                continue;
            }

            var type = r.GetString(2).ToUpperInvariant();
            fields.Add(new FieldInfo(name,
                type.Contains("INT", StringComparison.Ordinal) || type is "BOOLEAN" ? FieldType.Integer
                : type is "REAL" or "DOUBLE" or "FLOAT" ? FieldType.Real : FieldType.Text));
        }

        return fields;
    }

    /// <summary>The table's features in rowid order, one at a time (unreadable geometries are reported and left null).</summary>
    public static IEnumerable<FeatureRecord> Rows(SqliteConnection c, GeoPackageTableInfo table, IReadOnlyList<FieldInfo> fields, IssueList issues)
    {
        var reader = new GeoPackageGeoReader { HandleSRID = true };
        using var cmd = c.CreateCommand();
        var cols = string.Concat(fields.Select(f => ", " + GeoPackageSchema.Quote(f.Name)));
        var geometry = table.GeometryColumn.Length == 0 ? "NULL" : GeoPackageSchema.Quote(table.GeometryColumn);
        cmd.CommandText = $"SELECT {geometry}{cols} FROM {GeoPackageSchema.Quote(table.Name)} ORDER BY rowid";
        using var rows = cmd.ExecuteReader();
        var ordinal = 0;
        while (rows.Read())
        {
            ordinal++;
            Geometry? g = null;
            if (!rows.IsDBNull(0))
            {
                try
                {
                    g = reader.Read((byte[])rows.GetValue(0));
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or ParseException or IOException)
                {
                    issues.Error("geometry-unreadable", "#" + ordinal, null, $"không đọc được hình học: {e.Message}", $"the geometry cannot be read: {e.Message}");
                }
            }

            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                // PERF: one GetValue (DBNull for NULL) instead of IsDBNull then GetValue, which reads the cell's type twice.
                var v = rows.GetValue(i + 1);
                attributes[fields[i].Name] = v switch
                {
                    DBNull or byte[] => null,
                    _ => v,
                };
            }

            yield return new FeatureRecord(ordinal, g, attributes);
        }
    }
}
