namespace Facilities.Core.Catchment;

/// <summary>
/// Where people live, as weighted points in the city's metric CRS: the catchment method spreads each ward's
/// resident pupils over its grid nodes in proportion to the weight near each node, instead of evenly over the ward's
/// fields and water (docs/deficit.md, "Demand placed where people live").
/// </summary>
/// <param name="Source">What the weights are, for the options and the stamp: <c>parcels_residential</c> (area of the
/// parcels in residential land use, ODT/ONT) or <c>population_points</c> (a user's population points).</param>
/// <param name="X">Eastings, metres.</param>
/// <param name="Y">Northings, metres.</param>
/// <param name="Weight">Weight of each point (m² of residential land, or people); non-negative.</param>
public sealed record SettlementPoints(string Source, double[] X, double[] Y, double[] Weight)
{
    /// <summary>Number of points.</summary>
    public int Count => X.Length;
}
