using System.Text.Json;
using Facilities.IO.Results;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Facilities.Web;

/// <summary>Writes GeoJSON (RFC 7946, EPSG:4326 lon/lat) straight to UTF-8 bytes.</summary>
internal static class GeoJson
{
    public const string ContentType = "application/geo+json";

    private static readonly JsonSerializerOptions GeometryOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The JSON document <paramref name="body"/> writes, as bytes.</summary>
    public static byte[] Document(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(w);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Geometry(Utf8JsonWriter w, Geometry? g)
    {
        if (g is null || g.IsEmpty)
        {
            w.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(w, g, GeometryOptions);
    }

    /// <summary>A property value: strings, whole numbers and finite reals as themselves, anything missing as null.</summary>
    public static void Value(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null:
                w.WriteNullValue();
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case double d when double.IsFinite(d):
                w.WriteNumberValue(d);
                break;
            case double:
                w.WriteNullValue();
                break;
            case decimal m:
                w.WriteNumberValue(m);
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            default:
                w.WriteStringValue(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>
    /// Writes result rows as features whose properties are the columns of the CLI's CSV for the same command, under
    /// the same names, in the same order. The CSV writes an unknown number as an empty cell; here it is null (a
    /// column that never holds a non-empty text is a number column, or wholly unknown).
    /// </summary>
    public static void ResultFeatures<T>(
        Utf8JsonWriter w, IReadOnlyList<T> rows, IReadOnlyList<ResultColumn<T>> columns, Func<T, string> id, Func<T, Geometry?> geometry, string stampId)
    {
        var values = rows.Select(r => columns.Select(c => c.Value(r)).ToArray()).ToList();
        var isText = new bool[columns.Count];
        for (var k = 0; k < columns.Count; k++)
        {
            isText[k] = values.Exists(v => v[k] is string { Length: > 0 });
        }

        w.WriteStartArray("features");
        for (var i = 0; i < rows.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", id(rows[i]));
            w.WritePropertyName("geometry");
            Geometry(w, geometry(rows[i]));
            w.WriteStartObject("properties");
            for (var k = 0; k < columns.Count; k++)
            {
                w.WritePropertyName(columns[k].Name);
                Value(w, values[i][k] is string { Length: 0 } && !isText[k] ? null : values[i][k]);
            }

            w.WriteString("stamp_id", stampId);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The stamp as an object with the keys of <c>&lt;file&gt;.stamp.json</c>.</summary>
    public static void Stamp(Utf8JsonWriter w, Core.Provenance.ResultStamp stamp)
    {
        w.WriteStartObject("stamp");
        w.WriteString("stamp_id", stamp.Id);
        foreach (var (k, v) in stamp.Lines())
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    }
}
