namespace Facilities.Core.Optimisation;

/// <summary>What a joint solver (exact or greedy) returned.</summary>
public sealed record JointSitingSolution
{
    /// <summary>Who solved it, e.g. "OR-Tools 9.15 CBC" or "greedy".</summary>
    public required string Method { get; init; }

    /// <summary>How the run ended.</summary>
    public required SolveStatus Status { get; init; }

    /// <summary>Chosen option indices into <see cref="JointSitingInstance.Options"/>, ascending (empty without a solution).</summary>
    public required IReadOnlyList<int> Chosen { get; init; }

    /// <summary>Σ over levels of weight × pupils within reach of a school of their level, recomputed in C#; NaN without a solution.</summary>
    public required double Objective { get; init; }

    /// <summary>The solver's proven upper bound on the optimum; NaN when none.</summary>
    public double Bound { get; init; } = double.NaN;

    /// <summary>Wall-clock seconds (model building included).</summary>
    public required double Seconds { get; init; }

    /// <summary>Why the solver stopped or what was done to its answer, when that needs saying.</summary>
    public string Note { get; init; } = "";

    /// <summary>Whether there is a solution to use.</summary>
    public bool HasSolution => Status is SolveStatus.Optimal or SolveStatus.Feasible or SolveStatus.Heuristic;

    /// <summary>Relative gap |bound − objective| ÷ |objective|; NaN without a bound.</summary>
    public double Gap => Gaps.Relative(Objective, Bound);
}
