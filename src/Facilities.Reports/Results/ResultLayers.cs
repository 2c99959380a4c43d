using Facilities.Core.Features;
using Facilities.Core.Results;
using Facilities.Core.Spatial;

namespace Facilities.Reports.Results;

/// <summary>Turns result tables into GeoPackage layers.</summary>
public static class ResultLayers
{
    private static readonly CrsDefinition Wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);

    /// <summary>
    /// <paramref name="table"/> as a layer named as the table, its fields typed by their kind (a column that is all "no
    /// data" keeps its type), null values as NULL, yes/no as 1/0, plus a stamp_id field; geometries in EPSG:4326.
    /// </summary>
    public static FeatureLayer Build(ResultTable table)
    {
        var fields = table.Fields.Select(f => new FieldInfo(f.Name, TypeOf(f.Kind))).Append(new FieldInfo("stamp_id", FieldType.Text)).ToList();
        var stampId = table.Stamp.Id; // a hash of the stamp's text: once, not on every row
        var records = table.Rows.Select((r, i) =>
        {
            var a = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var k = 0; k < table.Fields.Count; k++)
            {
                a[table.Fields[k].Name] = r.Values[k] is bool b ? (b ? 1L : 0L) : r.Values[k];
            }

            a["stamp_id"] = stampId;
            return new FeatureRecord(i + 1, r.Geometry, a);
        }).ToList();
        return new FeatureLayer(table.Name, Wgs84, fields, records);
    }

    /// <summary>The storage type of a kind: whole numbers and yes/no as INTEGER, numbers and ratios as REAL, the rest (dates as ISO text) as TEXT.</summary>
    public static FieldType TypeOf(ResultKind kind) => kind switch
    {
        ResultKind.Integer or ResultKind.Bool => FieldType.Integer,
        ResultKind.Number or ResultKind.Ratio => FieldType.Real,
        _ => FieldType.Text,
    };

    /// <summary>The stamp as facilities_metadata entries of a result GeoPackage (result.*, with result.stamp_id).</summary>
    public static Dictionary<string, string> Metadata(Core.Provenance.ResultStamp stamp)
    {
        var m = stamp.Lines().ToDictionary(l => "result." + l.Key, l => l.Value);
        m["result.stamp_id"] = stamp.Id;
        return m;
    }
}
