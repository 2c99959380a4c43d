namespace Facilities.Core.Proposals;

/// <summary>A demand point of one level's proposal and the site it is assigned to.</summary>
/// <param name="X">Easting, m (metric CRS).</param>
/// <param name="Y">Northing, m.</param>
/// <param name="Pupils">Pupils at the point (the weight the models used).</param>
/// <param name="SiteRank">Rank of the assigned site (<see cref="ProposedSite.Rank"/>), 0 when none.</param>
/// <param name="DistanceM">Distance to the assigned site, m (NaN when none).</param>
/// <param name="InsideArea">Whether the point lies inside the urban area itself.</param>
/// <param name="WithinRadius">Whether the assigned site is within the level's service radius: a p-median assigns
/// every point to its nearest chosen site, however far, so an assignment alone does not mean the point is served.</param>
public sealed record ProposalPoint(double X, double Y, double Pupils, int SiteRank, double DistanceM, bool InsideArea, bool WithinRadius);
