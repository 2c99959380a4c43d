using Facilities.Core.Features;

namespace Facilities.IO.Results;

/// <summary>Turns result rows into GeoPackage layers.</summary>
public static class ResultLayers
{
    /// <summary>A layer of result rows with their geometry, the columns as fields and a stamp_id field.</summary>
    /// <param name="name">Layer name.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="columns">Columns.</param>
    /// <param name="geometry">Geometry of a row (EPSG:4326), or null.</param>
    /// <param name="stampId">Stamp id.</param>
    /// <param name="crsSource">Layer whose CRS the geometries are in.</param>
    public static FeatureLayer Build<T>(
        string name, IEnumerable<T> rows, IReadOnlyList<ResultColumn<T>> columns, Func<T, NetTopologySuite.Geometries.Geometry?> geometry, string stampId, FeatureLayer crsSource)
    {
        var list = rows.ToList();
        // Types from every row, not the first: an empty first value must not make a number column text.
        // Empty strings are how tables write "unknown"; in a GeoPackage that is NULL, never 0 or ''.
        var fields = columns.Select(c => new FieldInfo(c.Name, TypeOf(list.Select(r => c.Value(r)))))
            .Append(new FieldInfo("stamp_id", FieldType.Text)).ToList();
        var records = list.Select((r, i) =>
        {
            var a = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var k = 0; k < columns.Count; k++)
            {
                var v = columns[k].Value(r);
                a[columns[k].Name] = v is string { Length: 0 } && fields[k].Type != FieldType.Text ? null : v;
            }

            a["stamp_id"] = stampId;
            return new FeatureRecord(i + 1, geometry(r), a);
        }).ToList();
        return new FeatureLayer(name, crsSource.Crs, fields, records);
    }

    private static FieldType TypeOf(IEnumerable<object> values)
    {
        var type = (FieldType?)null;
        foreach (var v in values)
        {
            var t = v switch
            {
                string { Length: 0 } => (FieldType?)null,
                long or int => FieldType.Integer,
                double => FieldType.Real,
                _ => FieldType.Text,
            };
            if (t is FieldType x && (type is null || Rank(x) > Rank(type.Value)))
            {
                type = x;
            }
        }

        return type ?? FieldType.Text;
    }

    private static int Rank(FieldType t) => t switch { FieldType.Integer => 0, FieldType.Real => 1, _ => 2 };
}
