using NetTopologySuite.Geometries;

namespace Facilities.Render;

/// <summary>One polygon to draw on a choropleth map.</summary>
/// <param name="Geometry">Polygon or multipolygon in a metric CRS (metres, x = easting, y = northing).</param>
/// <param name="Value">The mapped value; null means no data.</param>
/// <param name="Label">Short label drawn at the polygon's interior point when it fits; empty for none.</param>
public sealed record MapFeature(Geometry Geometry, double? Value, string Label);
