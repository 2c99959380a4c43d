using NetTopologySuite.Geometries;

namespace Facilities.Core.Features;

/// <summary>
/// One feature of a layer: its geometry and attribute values, plus where it came from so that every message
/// can name it. Attribute values are <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="bool"/> or null.
/// </summary>
public sealed class FeatureRecord
{
    /// <summary>Creates a feature.</summary>
    /// <param name="ordinal">1-based position in the source (row, record or feature number).</param>
    /// <param name="geometry">Geometry, possibly null when the source has none.</param>
    /// <param name="attributes">Attribute values by field name.</param>
    public FeatureRecord(int ordinal, Geometry? geometry, Dictionary<string, object?> attributes)
    {
        Ordinal = ordinal;
        Geometry = geometry;
        Attributes = attributes;
    }

    /// <summary>1-based position in the source file.</summary>
    public int Ordinal { get; }

    /// <summary>Geometry in the layer's CRS.</summary>
    public Geometry? Geometry { get; set; }

    /// <summary>Attribute values by field name (ordinal-case-sensitive keys).</summary>
    public Dictionary<string, object?> Attributes { get; }

    /// <summary>Value of a field, or null when absent.</summary>
    public object? this[string field] => Attributes.TryGetValue(field, out var v) ? v : null;
}
