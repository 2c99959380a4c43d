using Facilities.Core.Features;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;

namespace Facilities.Core.Import;

/// <summary>How a source layer is turned into a dataset layer.</summary>
/// <param name="Schema">Target layer contract.</param>
/// <param name="FileName">Source file name, for messages.</param>
public sealed record ImportOptions(LayerSchema Schema, string FileName)
{
    /// <summary>Field and value mapping (the built-in Vietnamese one by default).</summary>
    public FieldMapping Mapping { get; init; } = FieldMapping.BuiltIn;

    /// <summary>CRS that overrides whatever the source says (<c>--crs</c>).</summary>
    public CrsDefinition? CrsOverride { get; init; }

    /// <summary>The dataset's wards in EPSG:4326, used to check and derive schools' <c>ward_code</c>.</summary>
    public FeatureLayer? Wards { get; init; }

    /// <summary>Metric CRS for areas; by default the UTM zone of the layer's centre.</summary>
    public CrsDefinition? MetricCrs { get; init; }

    /// <summary>
    /// Whether clockwise outer rings are the source format's own convention (Esri Shapefile), so reorienting
    /// them is silent rather than a warning.
    /// </summary>
    public bool ClockwiseShellsExpected { get; init; }

    /// <summary>
    /// Builds the id from several fields (<c>--id "{SoTo}-{SoThua}"</c>); null for the mapped id column, or the
    /// cadastral default "{so_to}-{so_thua}" when a parcels layer has both and no id column.
    /// </summary>
    public string? IdTemplate { get; init; }

    /// <summary>Reports the number of features processed so far.</summary>
    public IProgress<WorkProgress>? Progress { get; init; }
}
