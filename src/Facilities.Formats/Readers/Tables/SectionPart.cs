using Facilities.Core.Features;
using Facilities.Core.Spatial;

namespace Facilities.Formats.Readers.Tables;

/// <summary>The fields and features read from one table, and the CRS its coordinates are in (null: not known).</summary>
internal sealed record SectionPart(List<FieldInfo> Fields, List<FeatureRecord> Features, CrsDefinition? Crs)
{
    /// <summary>The source columns the geometry was read from, and what each held (for the mapping report).</summary>
    public IReadOnlyList<GeometrySource> Geometry { get; init; } = [];
}
