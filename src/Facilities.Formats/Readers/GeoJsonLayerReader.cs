using System.Globalization;
using System.Text.Json;
using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Facilities.Formats.Readers;

/// <summary>
/// Reads a GeoJSON FeatureCollection (RFC 7946, and the 2008 "crs" member QGIS still writes for other systems).
/// </summary>
public static class GeoJsonLayerReader
{
    private static readonly JsonSerializerOptions GeometryOptions = CreateOptions();

    /// <summary>Reads the file; whole-file problems throw <see cref="DataFileException"/>, feature problems go to <paramref name="issues"/>.</summary>
    public static FeatureLayer Read(string path, string layerName, IssueList issues, CrsDefinition? crsOverride = null)
    {
        var file = Path.GetFileName(path);
        var text = TextFileCheck.ReadUtf8(path, layerName);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var lastLine = 1 + text.Count(c => c == '\n');
            var truncated = line >= lastLine && text.TrimEnd().Length > 0 && text.TrimEnd()[^1] is not '}' and not ']';
            throw truncated
                ? new DataFileException("file-truncated", file, layerName,
                    $"tệp GeoJSON bị cắt cụt: kết thúc giữa chừng ở dòng {line}.",
                    $"the GeoJSON file is truncated: it ends mid-way, at line {line}.", e)
                : new DataFileException("file-not-json", file, layerName,
                    $"không phải JSON hợp lệ ở dòng {line}, vị trí {(e.BytePositionInLine ?? 0) + 1}.",
                    $"not valid JSON at line {line}, position {(e.BytePositionInLine ?? 0) + 1}.", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            IEnumerable<JsonElement> features = type switch
            {
                "FeatureCollection" when root.TryGetProperty("features", out var fs) && fs.ValueKind == JsonValueKind.Array => fs.EnumerateArray(),
                "Feature" => [root],
                _ => throw new DataFileException("file-not-geojson", file, layerName,
                    "tệp không phải GeoJSON FeatureCollection (thiếu \"type\": \"FeatureCollection\" và mảng \"features\").",
                    "the file is not a GeoJSON FeatureCollection (no \"type\": \"FeatureCollection\" with a \"features\" array)."),
            };

            var crs = crsOverride ?? ReadCrs(root, file, layerName);
            var fields = new List<FieldInfo>();
            var records = new List<FeatureRecord>();
            var ordinal = 0;
            foreach (var f in features)
            {
                ordinal++;
                var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (f.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in props.EnumerateObject())
                    {
                        var value = Value(p.Value);
                        attributes[p.Name] = value;
                        Widen(fields, p.Name, value);
                    }
                }

                if (!attributes.ContainsKey("id") && f.TryGetProperty("id", out var fid) && fid.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    attributes["id"] = fid.ValueKind == JsonValueKind.String ? fid.GetString() : fid.GetRawText();
                    Widen(fields, "id", attributes["id"]);
                }

                Geometry? geometry = null;
                if (f.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
                {
                    try
                    {
                        geometry = g.Deserialize<Geometry>(GeometryOptions);
                    }
                    catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
                    {
                        issues.Error("geometry-unreadable", "#" + ordinal.ToString(CultureInfo.InvariantCulture), null,
                            $"không đọc được hình học: {e.Message}", $"the geometry cannot be read: {e.Message}");
                    }
                }

                records.Add(new FeatureRecord(ordinal, geometry, attributes));
            }

            return new FeatureLayer(layerName, crs, fields, records);
        }
    }

    /// <summary>Adds a field or widens its type (Integer → Real → Text) to fit a value.</summary>
    public static void Widen(List<FieldInfo> fields, string name, object? value)
    {
        var type = value switch
        {
            long => FieldType.Integer,
            double => FieldType.Real,
            null => (FieldType?)null,
            _ => FieldType.Text,
        };
        var i = fields.FindIndex(f => f.Name == name);
        if (i < 0)
        {
            fields.Add(new FieldInfo(name, type ?? FieldType.Integer));
        }
        else if (type is { } ty && Rank(ty) > Rank(fields[i].Type))
        {
            fields[i] = fields[i] with { Type = ty };
        }
    }

    // Integer widens to Real, anything to Text.
    private static int Rank(FieldType t) => t switch { FieldType.Integer => 0, FieldType.Real => 1, _ => 2 };

    private static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => e.GetRawText(),
    };

    private static CrsDefinition ReadCrs(JsonElement root, string file, string layer)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object
            || !crs.TryGetProperty("properties", out var props) || !props.TryGetProperty("name", out var nameElement))
        {
            return CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        }

        var name = nameElement.GetString() ?? "";
        if (name.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        }

        var digits = name[(name.LastIndexOf(':') + 1)..];
        if (int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var srid) && CrsRegistry.TryGet(srid, out var d))
        {
            return d;
        }

        throw new DataFileException("crs-unsupported", file, layer,
            $"hệ toạ độ '{name}' trong tệp không được hỗ trợ; hỗ trợ EPSG: {CrsRegistry.KnownCodes()}.",
            $"the file's CRS '{name}' is not supported; supported EPSG codes: {CrsRegistry.KnownCodes()}.");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions();
        o.Converters.Add(new GeoJsonConverterFactory());
        return o;
    }
}
