namespace Facilities.Core.Optimisation;

/// <summary>How a solver run ended.</summary>
public enum SolveStatus
{
    /// <summary>Proven optimal (the gap is within the solver's tolerance).</summary>
    Optimal,

    /// <summary>A solution without proof of optimality (time limit reached); the gap says how far it may be.</summary>
    Feasible,

    /// <summary>A heuristic solution (greedy): no bound, no gap.</summary>
    Heuristic,

    /// <summary>The solver stopped without any solution (time limit, failure).</summary>
    NoSolution,

    /// <summary>Not attempted (the model would be too large); the reason is in the note.</summary>
    Skipped,
}
