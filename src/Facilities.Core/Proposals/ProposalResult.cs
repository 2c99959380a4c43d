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

    /// <summary>Per level, in the order of the options.</summary>
    public required IReadOnlyList<LevelProposal> Levels { get; init; }

    /// <summary>Name of the exact solver ("" when none was given).</summary>
    public required string SolverName { get; init; }

    /// <summary>Keys of the norms the proposal read.</summary>
    public required IReadOnlyList<string> NormKeysUsed { get; init; }

    /// <summary>The norms read that are marked unconfirmed.</summary>
    public IReadOnlyList<NormValue> UnconfirmedNormsUsed() => [.. Norms.Values.Where(v => v.IsUnconfirmed && NormKeysUsed.Contains(v.Key))];

    /// <summary>The norms read, with their sources, in key order.</summary>
    public IReadOnlyList<NormValue> NormsUsed() => [.. Norms.Values.Where(v => NormKeysUsed.Contains(v.Key))];
}
