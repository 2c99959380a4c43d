using NetTopologySuite.Geometries;

namespace Facilities.Core.Screening;

/// <summary>A parcel (or a group of touching state parcels) that passes every hard constraint, with its score.</summary>
public sealed record CandidateSite
{
    /// <summary>Rank in the result, 1 = best.</summary>
    public int Rank { get; init; }

    /// <summary>The parcel id, or for a merged site "merged:" and its first parcel id.</summary>
    public required string Id { get; init; }

    /// <summary>Parcels that make up the site (one, or the merged group in id order).</summary>
    public required IReadOnlyList<string> ParcelIds { get; init; }

    /// <summary>A group of adjacent small state parcels proposed together.</summary>
    public bool IsMerged => ParcelIds.Count > 1;

    /// <summary>Ward containing the site's centroid ("" when outside every ward).</summary>
    public required string WardCode { get; init; }

    /// <summary>Ward name.</summary>
    public required string WardName { get; init; }

    /// <summary>phuong, xa or dac_khu ("" when outside every ward: treated as rural).</summary>
    public required string UnitType { get; init; }

    /// <summary>
    /// Schools of the level in the data for the site's ward (any ownership); 0: none, so the need that scores the site
    /// there may be missing data; null outside every ward or when not counted.
    /// </summary>
    public int? WardSchoolsInData { get; init; }

    /// <summary>"no_school_data" when <see cref="WardSchoolsInData"/> is 0, "ok" when positive, "" otherwise.</summary>
    public string WardDataStatus => Deficit.SchoolDataStatus.Of(WardSchoolsInData);

    /// <summary>Current land-use code(s); distinct codes joined with "+" for a merged site.</summary>
    public required string LandUse { get; init; }

    /// <summary>Planned land-use code(s), "" when unknown.</summary>
    public required string PlannedLandUse { get; init; }

    /// <summary>Owner type(s), "" when unknown.</summary>
    public required string OwnerType { get; init; }

    /// <summary>Site area, m² (sum of the parcels' areas).</summary>
    public required double AreaM2 { get; init; }

    /// <summary>Minimum site area for the level in this ward type, m².</summary>
    public required double MinAreaM2 { get; init; }

    /// <summary>
    /// Width: diameter of the largest inscribed circle, m. Computed for the sites a result lists (screening only
    /// needs to know that it is at least the minimum).
    /// </summary>
    public double WidthM { get; init; }

    /// <summary>Service radius used for the score, m.</summary>
    public required double RadiusM { get; init; }

    /// <summary>Rooms short (admin deficit, positive part) within the radius of the centroid.</summary>
    public required double RoomsShortInRadius { get; init; }

    /// <summary>Pupils left unserved by the catchment allocation within the radius of the centroid.</summary>
    public required double UnservedInRadius { get; init; }

    /// <summary>Distance from the centroid to the nearest school of the level, m; null when the level has none.</summary>
    public required double? NearestSchoolM { get; init; }

    /// <summary>Points per criterion.</summary>
    public required ScoreBreakdown Breakdown { get; init; }

    /// <summary>The score: the sum of <see cref="Breakdown"/>.</summary>
    public decimal Score => Breakdown.Total;

    /// <summary>Site boundary in the metric CRS.</summary>
    public required Geometry Geometry { get; init; }
}
