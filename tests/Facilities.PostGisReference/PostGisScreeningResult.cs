using Facilities.Core.Screening;

namespace Facilities.PostGisReference;

/// <summary>What <see cref="PostGisScreening.ComputeAsync"/> found: the ranked single-parcel candidates and the counts.</summary>
public sealed record PostGisScreeningResult
{
    /// <summary>Candidates best first (score descending, then id), at most the options' Top; ranks set.</summary>
    public required IReadOnlyList<CandidateSite> Candidates { get; init; }

    /// <summary>Parcels screened.</summary>
    public required long ParcelsScreened { get; init; }

    /// <summary>Parcels that pass every hard constraint (before the top-N cut).</summary>
    public required long ParcelsPassed { get; init; }

    /// <summary>Rejected parcels counted by the first constraint they fail, in the C# test order.</summary>
    public required IReadOnlyDictionary<HardConstraint, long> RejectedBy { get; init; }
}
