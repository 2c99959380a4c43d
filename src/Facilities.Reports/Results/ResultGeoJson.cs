using System.Text.Json;
using Facilities.Core.Provenance;
using Facilities.Core.Results;
using Facilities.Formats.Writers;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Facilities.Reports.Results;

/// <summary>
/// Result tables as GeoJSON (RFC 7946, EPSG:4326 lon/lat): a FeatureCollection with the stamp (the keys of
/// <c>&lt;file&gt;.stamp.json</c>) and one feature per row whose properties are the table's fields, under the CSV's
/// names, in the CSV's order, then stamp_id. "No data" is null. What the web server answers and OGC items serve.
/// </summary>
public static class ResultGeoJson
{
    private static readonly JsonSerializerOptions GeometryOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>A whole FeatureCollection of <paramref name="table"/> (ids by <paramref name="id"/>), with <paramref name="extra"/> written after the features.</summary>
    public static void Collection(Utf8JsonWriter w, ResultTable table, Func<ResultRow, string> id, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        Stamp(w, table.Stamp);
        Features(w, table, id);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>The "features" array of <paramref name="table"/>, each feature's id given by <paramref name="id"/>.</summary>
    public static void Features(Utf8JsonWriter w, ResultTable table, Func<ResultRow, string> id)
    {
        w.WriteStartArray("features");
        var stampId = table.Stamp.Id; // a hash of the stamp's text: once, not on every row
        foreach (var row in table.Rows)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", id(row));
            w.WritePropertyName("geometry");
            Geometry(w, row.Geometry);
            w.WriteStartObject("properties");
            for (var k = 0; k < table.Fields.Count; k++)
            {
                w.WritePropertyName(table.Fields[k].Name);
                Value(w, row.Values[k]);
            }

            w.WriteString("stamp_id", stampId);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The stamp as an object named "stamp" with the keys of <c>&lt;file&gt;.stamp.json</c>.</summary>
    public static void Stamp(Utf8JsonWriter w, ResultStamp stamp)
    {
        w.WriteStartObject("stamp");
        StampProperties(w, stamp);
        w.WriteEndObject();
    }

    /// <summary>The stamp's keys (stamp_id first) inside an object already started.</summary>
    public static void StampProperties(Utf8JsonWriter w, ResultStamp stamp)
    {
        w.WriteString("stamp_id", stamp.Id);
        foreach (var (k, v) in stamp.Lines())
        {
            w.WriteString(k, v);
        }
    }

    /// <summary>A geometry, or null for none (and for an empty one).</summary>
    public static void Geometry(Utf8JsonWriter w, Geometry? g)
    {
        if (g is null || g.IsEmpty)
        {
            w.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(w, g, GeometryOptions);
    }

    /// <summary>A property value: strings, whole numbers, finite reals and booleans as themselves; null and non-finite reals as null.</summary>
    public static void Value(Utf8JsonWriter w, object? v) => GeoJsonValue.Write(w, v);
}
