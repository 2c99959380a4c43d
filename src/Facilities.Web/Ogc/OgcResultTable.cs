using Facilities.Core.Features;
using Facilities.Core.Provenance;
using Facilities.Core.Results;
using Facilities.Reports.Results;

namespace Facilities.Web.Ogc;

/// <summary>
/// A computed result as an OGC collection's features: the table's fields as properties, typed by their kind (plus
/// <c>stamp_id</c> and any constant the run was asked for, e.g. <c>method</c>), CRS84 geometries and ids, and the
/// stamps of the runs (one per level when a collection computed every level).
/// </summary>
internal sealed record OgcResultTable(IReadOnlyList<FieldInfo> Fields, IReadOnlyList<string> Ids, IReadOnlyList<FeatureRecord> Features, IReadOnlyList<ResultStamp> Stamps)
{
    /// <summary>The rows of <paramref name="table"/> as features (ids: the row keys, or <paramref name="id"/>); "no data" is null, as /api serves it.</summary>
    public static OgcResultTable Of(ResultTable table, IReadOnlyList<(string Name, object Value)> constants, Func<ResultRow, string>? id = null)
    {
        var fields = table.Fields.Select(f => new FieldInfo(f.Name, ResultLayers.TypeOf(f.Kind))).ToList();
        var extra = constants.Where(c => !fields.Exists(f => f.Name == c.Name)).ToList();
        fields.AddRange(extra.Select(c => new FieldInfo(c.Name, c.Value is string ? FieldType.Text : FieldType.Integer)));
        fields.Add(new FieldInfo("stamp_id", FieldType.Text));
        var features = new List<FeatureRecord>(table.Rows.Count);
        var stampId = table.Stamp.Id; // a hash of the stamp's text: once, not on every row
        foreach (var row in table.Rows)
        {
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var k = 0; k < table.Fields.Count; k++)
            {
                attributes[table.Fields[k].Name] = row.Values[k];
            }

            foreach (var (name, value) in extra)
            {
                attributes[name] = value;
            }

            attributes["stamp_id"] = stampId;
            features.Add(new FeatureRecord(features.Count + 1, row.Geometry, attributes));
        }

        return new OgcResultTable(fields, [.. table.Rows.Select(id ?? (r => r.Key))], features, [table.Stamp]);
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
