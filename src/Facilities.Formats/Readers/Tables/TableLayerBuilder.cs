using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Formats.Readers.Tables;

/// <summary>
/// Turns tables with a known header (one or more sheets of an .xlsx, or a CSV) into one layer: columns become fields,
/// rows become features, geometry comes from a WKT column or a pair of coordinate columns whose axis order is read
/// from the values. Blank rows, the column-number row and the totals/signature block under the list are left out
/// with a notice; nothing else is dropped.
/// </summary>
public static class TableLayerBuilder
{
    /// <summary>Builds the layer <paramref name="layerName"/> from <paramref name="sections"/>.</summary>
    public static FeatureLayer Build(string file, string layerName, IReadOnlyList<TableSection> sections, TableOptions options, IssueList issues)
    {
        var fields = new List<FieldInfo>();
        var records = new List<FeatureRecord>();
        CrsDefinition? crs = null;
        var geometry = new List<GeometrySource>();
        foreach (var section in sections)
        {
            var part = SectionReader.Read(file, layerName, section, options, issues, records.Count);
            crs ??= part.Crs;
            geometry.AddRange(part.Geometry.Where(g => !geometry.Exists(x => x.Column == g.Column)));
            foreach (var f in part.Fields)
            {
                var i = fields.FindIndex(x => x.Name == f.Name);
                if (i < 0)
                {
                    fields.Add(f);
                }
                else if (fields[i].Type != f.Type)
                {
                    fields[i] = fields[i] with { Type = FieldType.Text };
                }
            }

            records.AddRange(part.Features);
        }

        // A column that is numeric in one sheet and text in another is text everywhere.
        foreach (var f in fields.Where(f => f.Type == FieldType.Text))
        {
            foreach (var r in records)
            {
                if (r.Attributes.TryGetValue(f.Name, out var v) && v is double d)
                {
                    r.Attributes[f.Name] = CellText.Of(d);
                }
            }
        }

        return new FeatureLayer(layerName, options.CrsOverride ?? crs ?? CrsRegistry.Get(CrsRegistry.Wgs84Srid), fields, records)
        {
            GeometrySources = geometry,
        };
    }

    /// <summary>What a table's geometry columns are, for messages.</summary>
    public static string NoGeometryVi =>
        "không có cột hình học: cần cột WKT (wkt, geometry), cặp kinh độ/vĩ độ (lon, lat, Kinh độ, Vĩ độ) hoặc cặp toạ độ X/Y (X, Y, Tọa độ X, Tọa độ Y, X (m), Toạ độ Y (VN-2000); VN-2000 theo cách ghi X = Bắc, Y = Đông cũng được nhận).";

    /// <summary>English of <see cref="NoGeometryVi"/>.</summary>
    public static string NoGeometryEn =>
        "no geometry columns: it needs a WKT column (wkt, geometry), lon/lat columns (lon, lat, Kinh độ, Vĩ độ) or X/Y columns (X, Y, Tọa độ X, Tọa độ Y, X (m), Toạ độ Y (VN-2000); VN-2000 written X = north, Y = east is recognised).";

    internal static Geometry? Wkt(object? cell, WKTReader reader, string? sheet, TableRow row, string column, string label, IssueList issues)
    {
        var text = CellText.Of(cell);
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return reader.Read(text);
        }
        catch (ParseException e)
        {
            issues.Error("geometry-unreadable", label, column,
                $"{TableLocation.Vi(sheet, row.Number)}: WKT không hợp lệ: {e.Message}",
                $"{TableLocation.En(sheet, row.Number)}: invalid WKT: {e.Message}");
            return null;
        }
    }

    internal static string ColumnLetter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnLetter((index / 26) - 1) + (char)('A' + (index % 26));

    internal static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
