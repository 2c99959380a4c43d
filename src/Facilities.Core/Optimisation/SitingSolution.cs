namespace Facilities.Core.Optimisation;

/// <summary>What a solver (exact or greedy) returned for one model.</summary>
public sealed record SitingSolution
{
    /// <summary>The model solved.</summary>
    public required SitingModel Model { get; init; }

    /// <summary>Who solved it, e.g. "OR-Tools 9.15 SCIP" or "greedy".</summary>
    public required string Method { get; init; }

    /// <summary>How the run ended.</summary>
    public required SolveStatus Status { get; init; }

    /// <summary>Chosen candidate indices, ascending (empty without a solution).</summary>
    public required IReadOnlyList<int> Chosen { get; init; }

    /// <summary>
    /// Objective of <see cref="Chosen"/>, recomputed from the instance: pupils covered (maximal covering) or
    /// pupil-metres to the nearest chosen site (p-median). NaN without a solution.
    /// </summary>
    public required double Objective { get; init; }

    /// <summary>The solver's proven bound on the optimum (an upper bound when maximising); NaN when none.</summary>
    public double Bound { get; init; } = double.NaN;

    /// <summary>Wall-clock seconds spent solving (model building included).</summary>
    public required double Seconds { get; init; }

    /// <summary>Why the solver stopped or was skipped, when that needs saying.</summary>
    public string Note { get; init; } = "";

    /// <summary>Whether there is a solution to use.</summary>
    public bool HasSolution => Status is SolveStatus.Optimal or SolveStatus.Feasible or SolveStatus.Heuristic;

    /// <summary>
    /// Relative optimality gap |bound − objective| ÷ |objective| (0 when both are 0); NaN without a bound. The
    /// objective is at most this fraction away from the optimum.
    /// </summary>
    public double Gap => Gaps.Relative(Objective, Bound);
}
