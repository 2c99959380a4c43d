using NetTopologySuite.Geometries;

namespace Facilities.Core.Model;

/// <summary>A ward (phường, xã or đặc khu) as the computations see it; geometry in the metric CRS.</summary>
/// <param name="Code">Official 5-digit code.</param>
/// <param name="Name">Name.</param>
/// <param name="UnitType">phuong, xa or dac_khu.</param>
/// <param name="Population">Residents.</param>
/// <param name="SchoolAgeResidents">Residents of school age by level, when the data has them (absent levels are derived).</param>
/// <param name="Area">Boundary in the metric CRS.</param>
public sealed record WardUnit(
    string Code, string Name, string UnitType, long Population, IReadOnlyDictionary<string, long> SchoolAgeResidents, Geometry Area);
