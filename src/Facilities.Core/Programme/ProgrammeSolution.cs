using Facilities.Core.Optimisation;

namespace Facilities.Core.Programme;

/// <summary>A solver's programme: a start year (or null) per action, and how it was found.</summary>
/// <param name="Solver">Solver name ("greedy", "enumeration", "OR-Tools … SCIP").</param>
/// <param name="Status">Optimal, feasible (gap open), heuristic, no solution or skipped.</param>
/// <param name="Starts">Start year per action of the instance (null: not taken).</param>
/// <param name="Objective">Weighted unmet pupil-years of the programme (NaN without a solution).</param>
/// <param name="BestBound">The solver's proven lower bound (NaN when it has none).</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="Note">Why there is no solution, or what limited it; empty otherwise.</param>
public sealed record ProgrammeSolution(string Solver, SolveStatus Status, IReadOnlyList<int?> Starts, double Objective, double BestBound, double Seconds, string Note)
{
    /// <summary>Relative gap (objective − bound) ÷ objective, 0 when both are 0; null without a bound.</summary>
    public double? Gap => double.IsNaN(BestBound) || double.IsNaN(Objective) ? null
        : Objective <= ProgrammeSchedule.Tolerance ? 0 : Math.Max(0, (Objective - BestBound) / Objective);
}
