using System.Globalization;
using System.Text.Json;

namespace Facilities.Formats.Writers;

/// <summary>
/// One GeoJSON property value, shared by the layer writer here and the result writers in Facilities.Reports so that
/// a layer and a result write "no data" and numbers the same way.
/// </summary>
public static class GeoJsonValue
{
    /// <summary>A property value: strings, whole numbers, finite reals and booleans as themselves; null and non-finite reals as null.</summary>
    public static void Write(Utf8JsonWriter w, object? v)
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
                w.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture));
                break;
        }
    }
}
