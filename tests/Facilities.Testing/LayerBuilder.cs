using Facilities.Core.Features;
using Facilities.Core.Spatial;

namespace Facilities.Testing;

/// <summary>Builds small source layers for tests: rows of inline WKT plus attributes.</summary>
public sealed class LayerBuilder
{
    private readonly string _name;
    private readonly CrsDefinition _crs;
    private readonly List<FeatureRecord> _records = [];
    private readonly List<FieldInfo> _fields = [];

    /// <summary>Starts a layer in a CRS (EPSG:4326 by default).</summary>
    public LayerBuilder(string name, int srid = 4326)
    {
        _name = name;
        _crs = CrsRegistry.Get(srid);
    }

    /// <summary>Adds a feature.</summary>
    public LayerBuilder Add(string? wkt, params (string Field, object? Value)[] attributes)
    {
        var a = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (field, value) in attributes)
        {
            a[field] = value;
            if (_fields.TrueForAll(f => f.Name != field))
            {
                _fields.Add(new FieldInfo(field, value switch { long => FieldType.Integer, double => FieldType.Real, _ => FieldType.Text }));
            }
        }

        _records.Add(new FeatureRecord(_records.Count + 1, wkt is null ? null : Wkt.Read(wkt, _crs.Srid), a));
        return this;
    }

    /// <summary>The layer.</summary>
    public FeatureLayer Build() => new(_name, _crs, [.. _fields], [.. _records]);

    /// <summary>A ward square of about 1.1 km × 1.1 km near Hải Phòng, with its lower-left corner at (lon, lat).</summary>
    public static string WardSquare(double lon, double lat) => FormattableString.Invariant(
        $"POLYGON(({lon} {lat}, {lon + 0.01} {lat}, {lon + 0.01} {lat + 0.01}, {lon} {lat + 0.01}, {lon} {lat}))");
}
