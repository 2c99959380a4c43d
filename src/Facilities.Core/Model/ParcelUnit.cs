using NetTopologySuite.Geometries;

namespace Facilities.Core.Model;

/// <summary>A land parcel (thửa đất) as the computations see it; geometry in the metric CRS.</summary>
/// <param name="Id">Parcel identifier (map sheet / parcel number).</param>
/// <param name="LandUse">Current land-use code (loại đất), e.g. DGD, ODT, TSC.</param>
/// <param name="PlannedLandUse">Planned land-use code, when known.</param>
/// <param name="OwnerType">state, organisation or household, when known.</param>
/// <param name="AreaM2">
/// Area in square metres: the stated cadastral area_m2 when the layer has one (the importer fills it from the
/// geometry when the source leaves it empty), else the geometry's area in the metric CRS.
/// </param>
/// <param name="Geometry">Boundary in the metric CRS.</param>
public sealed record ParcelUnit(string Id, string LandUse, string? PlannedLandUse, string? OwnerType, double AreaM2, Geometry Geometry);
