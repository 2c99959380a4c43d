using Facilities.Core.Features;

namespace Facilities.Core.Generation;

/// <summary>The five layers of a generated city, in EPSG:4326, with the options that made them.</summary>
/// <param name="Options">Generation options.</param>
/// <param name="Layers">wards, schools, urban_areas, industrial_zones, parcels.</param>
public sealed record GeneratedCity(SampleCityOptions Options, IReadOnlyList<FeatureLayer> Layers)
{
    /// <summary>The layer with this name.</summary>
    public FeatureLayer Layer(string name) => Layers.First(l => l.Name == name);
}
