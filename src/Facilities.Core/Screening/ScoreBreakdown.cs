namespace Facilities.Core.Screening;

/// <summary>
/// A candidate's points per criterion, each weight × a fraction in [0, 1] rounded to 0.001 (docs/sites.md). The
/// score is their sum, so a table of the breakdown adds up to the score exactly.
/// </summary>
/// <param name="RoomsShort">Points for rooms short within the service radius.</param>
/// <param name="UnservedPupils">Points for pupils no school reaches within the radius.</param>
/// <param name="SchoolDistance">Points for distance to the nearest school of the level.</param>
/// <param name="LandStatus">Points for the owner type (state land first).</param>
/// <param name="AreaMargin">Points for area beyond the minimum.</param>
public sealed record ScoreBreakdown(decimal RoomsShort, decimal UnservedPupils, decimal SchoolDistance, decimal LandStatus, decimal AreaMargin)
{
    /// <summary>The score: the sum of the five parts.</summary>
    public decimal Total => RoomsShort + UnservedPupils + SchoolDistance + LandStatus + AreaMargin;

    /// <summary>Points of a criterion by code (<see cref="ScoreWeights.Criteria"/>).</summary>
    public decimal this[string criterion] => criterion switch
    {
        "rooms_short" => RoomsShort,
        "unserved_pupils" => UnservedPupils,
        "school_distance" => SchoolDistance,
        "land_status" => LandStatus,
        "area_margin" => AreaMargin,
        _ => throw new KeyNotFoundException($"unknown criterion '{criterion}'"),
    };

    /// <summary>Weight × fraction (clamped to [0, 1]; 0/0 counts as 0), rounded to 0.001 (half away from zero).</summary>
    public static decimal Points(decimal weight, double fraction) =>
        Math.Round(weight * (decimal)(double.IsNaN(fraction) ? 0 : Math.Clamp(fraction, 0, 1)), 3, MidpointRounding.AwayFromZero);
}
