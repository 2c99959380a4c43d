using Facilities.Core.Optimisation;

namespace Facilities.Reports.Results;

/// <summary>A solver status as every output writes it (the solver_runs table, the dossier, the console, --json).</summary>
public static class SolveStatusText
{
    /// <summary>optimal, feasible, heuristic, no_solution, skipped.</summary>
    public static string Of(SolveStatus s) => s switch
    {
        SolveStatus.Optimal => "optimal",
        SolveStatus.Feasible => "feasible",
        SolveStatus.Heuristic => "heuristic",
        SolveStatus.NoSolution => "no_solution",
        _ => "skipped",
    };
}
