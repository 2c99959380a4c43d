using System.Text.Json;
using Facilities.Reports.Results;
using NetTopologySuite.Geometries;

namespace Facilities.Web;

/// <summary>Writes GeoJSON (RFC 7946, EPSG:4326 lon/lat) straight to UTF-8 bytes.</summary>
internal static class GeoJson
{
    public const string ContentType = "application/geo+json";

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

    /// <summary>A geometry, or null (the one writer: <see cref="ResultGeoJson.Geometry"/>).</summary>
    public static void Geometry(Utf8JsonWriter w, Geometry? g) => ResultGeoJson.Geometry(w, g);

    /// <summary>A property value: strings, whole numbers and finite reals as themselves, anything missing as null.</summary>
    public static void Value(Utf8JsonWriter w, object? v) => ResultGeoJson.Value(w, v);

    /// <summary>The stamp as an object with the keys of <c>&lt;file&gt;.stamp.json</c>.</summary>
    public static void Stamp(Utf8JsonWriter w, Core.Provenance.ResultStamp stamp) => ResultGeoJson.Stamp(w, stamp);
}
