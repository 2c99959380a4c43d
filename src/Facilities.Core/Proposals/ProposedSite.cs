using Facilities.Core.Screening;

namespace Facilities.Core.Proposals;

/// <summary>A site the proposal chooses for one level.</summary>
/// <param name="Level">School level.</param>
/// <param name="Rank">1 = the site whose catchment holds the most pupils.</param>
/// <param name="Site">The screened candidate (parcel or merged parcels), with its score.</param>
/// <param name="CoveredPupils">Pupils in its catchment within the service radius.</param>
/// <param name="PupilsWithinRadius">All pupils within the radius of the site, also those nearer another chosen site.</param>
/// <param name="CatchmentPoints">Demand points assigned to the site.</param>
/// <param name="MeanDistanceM">Pupil-weighted mean distance of its catchment, m (0 when empty).</param>
public sealed record ProposedSite(
    string Level, int Rank, CandidateSite Site, double CoveredPupils, double PupilsWithinRadius, int CatchmentPoints, double MeanDistanceM)
{
    /// <summary>For a combined school, every level it teaches (this one included), in schema order; empty for a single-level school.</summary>
    public IReadOnlyList<string> CombinedLevels { get; init; } = [];
}
