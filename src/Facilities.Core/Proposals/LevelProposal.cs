using Facilities.Core.Optimisation;
using Facilities.Core.Screening;

namespace Facilities.Core.Proposals;

/// <summary>Where one level's schools go: candidates, demand, each model's solutions and the sites chosen.</summary>
public sealed record LevelProposal
{
    /// <summary>School level.</summary>
    public required string Level { get; init; }

    /// <summary>The level's needs (how many schools: p).</summary>
    public required LevelNeeds Needs { get; init; }

    /// <summary>Service radius, m: coverage distance and the buffer around the area.</summary>
    public required double RadiusM { get; init; }

    /// <summary>Sites passing every hard constraint within the buffer (after removing parcels given to earlier levels).</summary>
    public required IReadOnlyList<CandidateSite> Candidates { get; init; }

    /// <summary>Demand points within the buffer, with their assignment to the chosen sites.</summary>
    public required IReadOnlyList<ProposalPoint> Points { get; init; }

    /// <summary>Sites chosen (p), best first.</summary>
    public required IReadOnlyList<ProposedSite> Sites { get; init; }

    /// <summary>Every solver run: exact and greedy, for both models (absent runs are not listed).</summary>
    public required IReadOnlyList<SitingSolution> Solutions { get; init; }

    /// <summary>The solution the sites come from (null when nothing could be chosen).</summary>
    public SitingSolution? Used { get; init; }

    /// <summary>Whether <see cref="Used"/> is the greedy fallback because the exact solver gave no solution.</summary>
    public bool UsedFallback { get; init; }

    /// <summary>Pupils at the demand points.</summary>
    public double TotalPupils => Points.Sum(p => p.Pupils);

    /// <summary>Things to know (too few candidates, fallback, no need).</summary>
    public IReadOnlyList<ProposalNote> Notes { get; init; } = [];
}
