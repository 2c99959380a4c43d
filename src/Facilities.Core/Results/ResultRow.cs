using NetTopologySuite.Geometries;

namespace Facilities.Core.Results;

/// <summary>One row of a <see cref="ResultTable"/>: its key, its geometry (EPSG:4326) if drawn, and one value per field.</summary>
/// <param name="Key">What the row is about (a ward code, a school id and level, a site id), unique within the table.</param>
/// <param name="Geometry">Geometry, or null.</param>
/// <param name="Values">Values in field order: string, long, double, bool, or null for "no data".</param>
public sealed record ResultRow(string Key, Geometry? Geometry, IReadOnlyList<object?> Values);
