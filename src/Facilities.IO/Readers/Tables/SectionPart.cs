using Facilities.Core.Features;
using Facilities.Core.Spatial;

namespace Facilities.IO.Readers.Tables;

/// <summary>The fields and features read from one table, and the CRS its coordinates are in (null: not known).</summary>
internal sealed record SectionPart(List<FieldInfo> Fields, List<FeatureRecord> Features, CrsDefinition? Crs);
