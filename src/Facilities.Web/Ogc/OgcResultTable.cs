using Facilities.Core.Features;
using Facilities.Core.Provenance;
using Facilities.IO.Results;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Ogc;

/// <summary>
/// A computed result as an OGC collection's features: the CLI's columns as properties (plus <c>stamp_id</c> and any
/// constant the run was asked for, e.g. <c>method</c>), CRS84 geometries and ids, and the stamps of the runs (one per
/// level when a collection computed every level).
/// </summary>
internal sealed record OgcResultTable(IReadOnlyList<FieldInfo> Fields, IReadOnlyList<string> Ids, IReadOnlyList<FeatureRecord> Features, IReadOnlyList<ResultStamp> Stamps)
{
    /// <summary>
    /// The rows as features. A column's type is what its values are (text when any is text, else real when any is real,
    /// else integer); an empty text in a numeric column is "no data", served as null as /api does.
    /// </summary>
    public static OgcResultTable Of<T>(
        IReadOnlyList<T> rows, IReadOnlyList<ResultColumn<T>> columns, Func<T, string> id, Func<T, Geometry?> geometry, ResultStamp stamp,
        IReadOnlyList<(string Name, object Value)> constants)
    {
        var values = rows.Select(r => columns.Select(c => c.Value(r)).ToArray()).ToList();
        var fields = new List<FieldInfo>();
        for (var k = 0; k < columns.Count; k++)
        {
            var type = values.Exists(v => v[k] is string { Length: > 0 }) ? FieldType.Text
                : values.Exists(v => v[k] is double) ? FieldType.Real
                : values.Exists(v => v[k] is long) ? FieldType.Integer : FieldType.Text;
            fields.Add(new FieldInfo(columns[k].Name, type));
        }

        var extra = constants.Where(c => !fields.Exists(f => f.Name == c.Name)).ToList();
        fields.AddRange(extra.Select(c => new FieldInfo(c.Name, c.Value is string ? FieldType.Text : FieldType.Integer)));
        fields.Add(new FieldInfo("stamp_id", FieldType.Text));
        var features = new List<FeatureRecord>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var k = 0; k < columns.Count; k++)
            {
                var v = values[i][k];
                attributes[columns[k].Name] = v is string { Length: 0 } && fields[k].Type != FieldType.Text ? null : v;
            }

            foreach (var (name, value) in extra)
            {
                attributes[name] = value;
            }

            attributes["stamp_id"] = stamp.Id;
            features.Add(new FeatureRecord(i + 1, geometry(rows[i]), attributes));
        }

        return new OgcResultTable(fields, [.. rows.Select(id)], features, [stamp]);
    }

    /// <summary>Several runs (one per level) as one table, in run order.</summary>
    public static OgcResultTable Concat(IReadOnlyList<OgcResultTable> parts)
    {
        var fields = parts.SelectMany(p => p.Fields).DistinctBy(f => f.Name).ToList();
        var features = new List<FeatureRecord>();
        foreach (var f in parts.SelectMany(p => p.Features))
        {
            features.Add(new FeatureRecord(features.Count + 1, f.Geometry, f.Attributes));
        }

        return new OgcResultTable(fields, [.. parts.SelectMany(p => p.Ids)], features, [.. parts.SelectMany(p => p.Stamps)]);
    }
}
