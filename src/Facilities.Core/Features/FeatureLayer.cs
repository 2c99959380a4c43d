using Facilities.Core.Spatial;

namespace Facilities.Core.Features;

/// <summary>
/// A layer of features in one CRS with an ordered field list, as read from a file or a dataset.
/// </summary>
public sealed class FeatureLayer
{
    /// <summary>Creates a layer.</summary>
    /// <param name="name">Layer name (for dataset layers, one of the schema names such as "wards").</param>
    /// <param name="crs">CRS of the geometries, or null when the source did not say.</param>
    /// <param name="fields">Field names in output order.</param>
    /// <param name="features">The features.</param>
    public FeatureLayer(string name, CrsDefinition? crs, List<FieldInfo> fields, List<FeatureRecord> features)
    {
        Name = name;
        Crs = crs;
        Fields = fields;
        Features = features;
    }

    /// <summary>Layer name.</summary>
    public string Name { get; }

    /// <summary>CRS of the geometries; null when unknown (the caller must supply one).</summary>
    public CrsDefinition? Crs { get; set; }

    /// <summary>Fields in output order.</summary>
    public List<FieldInfo> Fields { get; }

    /// <summary>Features in source order.</summary>
    public List<FeatureRecord> Features { get; }

    /// <summary>
    /// The source columns a table reader (CSV, .xlsx) read the geometry from; empty for formats whose geometry is not
    /// a column. Listed in the import's mapping report so no column goes unmentioned.
    /// </summary>
    public IReadOnlyList<GeometrySource> GeometrySources { get; set; } = [];

    /// <summary>The field with this name, or null.</summary>
    public FieldInfo? Field(string name) => Fields.Find(f => f.Name == name);
}
