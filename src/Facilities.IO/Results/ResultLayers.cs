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
        var fields = columns.Select(c => new FieldInfo(c.Name, list.Count == 0 ? FieldType.Text : c.Value(list[0]) switch
        {
            long => FieldType.Integer,
            double => FieldType.Real,
            _ => FieldType.Text,
        })).Append(new FieldInfo("stamp_id", FieldType.Text)).ToList();
        var records = list.Select((r, i) =>
        {
            var a = columns.ToDictionary(c => c.Name, c => (object?)c.Value(r));
            a["stamp_id"] = stampId;
            return new FeatureRecord(i + 1, geometry(r), a);
        }).ToList();
        return new FeatureLayer(name, crsSource.Crs, fields, records);
    }
}
