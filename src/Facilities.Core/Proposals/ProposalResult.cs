using Facilities.Core.Norms;

namespace Facilities.Core.Proposals;

/// <summary>A proposal for an urban-area project: its needs, and per level the sites chosen.</summary>
public sealed record ProposalResult
{
    /// <summary>Options.</summary>
    public required ProposalOptions Options { get; init; }

    /// <summary>Norms used.</summary>
    public required NormsSet Norms { get; init; }

    /// <summary>Needs per level and reserved land.</summary>
    public required ProjectNeeds Needs { get; init; }

    /// <summary>The proposal per level, in the order of the options: the joint solution when it is the proposal, else the sequential one.</summary>
    public required IReadOnlyList<LevelProposal> Levels { get; init; }

    /// <summary>The levels solved one after another (the comparison when the proposal is joint; the same list as <see cref="Levels"/> otherwise).</summary>
    public required IReadOnlyList<LevelProposal> Sequential { get; init; }

    /// <summary>Whether <see cref="Levels"/> come from the joint model.</summary>
    public bool IsJoint => !ReferenceEquals(Levels, Sequential);

    /// <summary>The joint model's runs (exact, then greedy); empty when it was not solved (one level, or p-median).</summary>
    public IReadOnlyList<Optimisation.JointSitingSolution> JointRuns { get; init; } = [];

    /// <summary>The joint run the joint levels come from (null when none).</summary>
    public Optimisation.JointSitingSolution? JointUsed { get; init; }

    /// <summary>Levels of the joint solution (whether or not it is the proposal); empty when not solved.</summary>
    public IReadOnlyList<LevelProposal> JointLevels { get; init; } = [];

    /// <summary>The joint and the sequential figures side by side (null when the joint model was not solved).</summary>
    public (ProposalVariant Joint, ProposalVariant Sequential)? Comparison =>
        JointLevels.Count == 0 ? null : (ProposalVariant.Of("joint", JointLevels), ProposalVariant.Of("sequential", Sequential));

    /// <summary>Name of the exact solver ("" when none was given).</summary>
    public required string SolverName { get; init; }

    /// <summary>Keys of the norms the proposal read.</summary>
    public required IReadOnlyList<string> NormKeysUsed { get; init; }

    /// <summary>The norms read that are marked unconfirmed.</summary>
    public IReadOnlyList<NormValue> UnconfirmedNormsUsed() => [.. Norms.Values.Where(v => v.IsUnconfirmed && NormKeysUsed.Contains(v.Key))];

    /// <summary>The norms read, with their sources, in key order.</summary>
    public IReadOnlyList<NormValue> NormsUsed() => [.. Norms.Values.Where(v => NormKeysUsed.Contains(v.Key))];
}
