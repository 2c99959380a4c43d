using System.Globalization;

namespace Facilities.Core.Optimisation;

/// <summary>Limits an exact solver runs under.</summary>
public sealed record SolverLimits
{
    /// <summary>Wall-clock limit per model.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Relative gap at which the solver may stop (0: prove the optimum).</summary>
    public double RelativeGap { get; init; }

    /// <summary>Solver threads (0: the solver's default).</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Largest p-median model, in assignment variables (demand points × candidates), handed to the exact solver;
    /// larger ones are skipped (greedy only) rather than left to exhaust memory.
    /// </summary>
    public long MaxAssignmentVariables { get; init; } = 2_000_000;

    /// <summary>The limits as key=value text for the stamp.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"time_limit_s={TimeLimit.TotalSeconds}; gap={RelativeGap}; threads={Threads}");
}
