using System.Text.Encodings.Web;
using System.Text.Json;
using Facilities.Core.Features;
using Facilities.Core.Spatial;
using NetTopologySuite.IO.Converters;

namespace Facilities.Formats.Writers;

/// <summary>Writes a layer as an RFC 7946 GeoJSON FeatureCollection (always EPSG:4326, lon/lat).</summary>
public static class GeoJsonLayerWriter
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Writes <paramref name="layer"/> (reprojected to EPSG:4326 when needed) to <paramref name="path"/>.</summary>
    public static void Write(FeatureLayer layer, string path) => AtomicFile.Write(path, temp =>
    {
        using var stream = File.Create(temp);
        Write(layer, stream);
    });

    /// <summary>Writes the FeatureCollection to a stream, UTF-8, Vietnamese text unescaped.</summary>
    public static void Write(FeatureLayer layer, Stream stream)
    {
        var wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("name", layer.Name);
        w.WriteStartArray("features");
        foreach (var f in layer.Features)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WritePropertyName("properties");
            w.WriteStartObject();
            foreach (var field in layer.Fields)
            {
                w.WritePropertyName(field.Name);
                GeoJsonValue.Write(w, f[field.Name]);
            }

            w.WriteEndObject();
            w.WritePropertyName("geometry");
            if (f.Geometry is { } g)
            {
                var lonLat = layer.Crs is { } crs && crs.Srid != CrsRegistry.Wgs84Srid ? Reprojector.Transform(g, crs, wgs84) : g;
                JsonSerializer.Serialize(w, lonLat, Options);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        o.Converters.Add(new GeoJsonConverterFactory());
        return o;
    }
}
