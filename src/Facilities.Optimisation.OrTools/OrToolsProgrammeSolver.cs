using System.Diagnostics;
using Facilities.Core.Optimisation;
using Facilities.Core.Programme;
using Google.OrTools.LinearSolver;

namespace Facilities.Optimisation.OrTools;

/// <summary>
/// The build programme as a mixed-integer program over OR-Tools' SCIP backend (CBC on request). A MIP rather than
/// CP-SAT because the objective and the budget carry fractional pupils and VND: CP-SAT needs integer coefficients,
/// so it would round them, and it reports its bound on the rounded model. SCIP by default because it keeps the time
/// limit on the hard sizes (a 10-year horizon with 4,000 actions), where CBC ran minutes past it; on the 5-year
/// benchmark both reach 1 % in about 3 s (docs/performance.md, "Build programme").
/// </summary>
/// <remarks>
/// x[a,s] ∈ {0,1}: action a starts in year s (s from its earliest start to the last year its construction ends in the
/// horizon); Σ over the starts of each option group ≤ 1. u[c] ≥ 0 per ward, level and year with a shortage:
/// u[c] ≥ S_c − p_c (H_c + Σ rooms_a x[a,s] over a of c's ward and level with s + build_a ≤ year_c), where H_c is the
/// handed-over classrooms. Budget: per year Σ cost_a ÷ build_a over the running constructions ≤ B_t, or cumulatively
/// with carry-over. Objective: min Σ weight_level u[c]. Equity in year Y: Σ_level u[w,·,Y] ≤ share × Σ u[·,·,Y], with
/// u made exact in year Y by a binary z[c] (u ≤ S_c z, u ≤ r_c + M(1 − z)): otherwise the solver could inflate
/// other wards' u to meet the share.
/// </remarks>
public sealed class OrToolsProgrammeSolver : IProgrammeSolver
{
    private const double Billion = 1e9;
    private readonly string _backend;

    /// <summary>A solver over "SCIP" (default) or "CBC".</summary>
    public OrToolsProgrammeSolver(string backend = "SCIP")
    {
        if (backend is not ("SCIP" or "CBC"))
        {
            throw new ArgumentException($"unknown MIP backend '{backend}'; use SCIP or CBC");
        }
        _backend = backend;
    }

    /// <inheritdoc/>
    public string Name => $"OR-Tools {OrToolsInfo.Version} {_backend}";

    /// <inheritdoc/>
    public ProgrammeSolution Solve(ProgrammeInstance instance, SolverLimits limits, IReadOnlyList<int?>? hint)
    {
        var watch = Stopwatch.StartNew();
        var n = instance.Actions.Count;
        var empty = new int?[n];
        using var solver = Solver.CreateSolver(_backend);
        if (solver is null)
        {
            return new ProgrammeSolution(Name, SolveStatus.NoSolution, empty, double.NaN, double.NaN, 0, $"OR-Tools has no {_backend} backend in this build");
        }
        var model = new ProgrammeMipModel(solver, instance, Billion);
        if (hint is not null && ProgrammeSchedule.Evaluate(instance, hint).Feasible)
        {
            model.Hint(solver, hint);
        }
        var status = MipSolve.Run(solver, limits);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            var why = status == Solver.ResultStatus.INFEASIBLE ? "no programme keeps the budget and the equity rule" : $"solver stopped: {status}";
            return new ProgrammeSolution(Name, SolveStatus.NoSolution, empty, double.NaN, double.NaN, watch.Elapsed.TotalSeconds, why);
        }
        var starts = model.Starts();
        // The schedule is re-evaluated exactly, so the objective is the model's own arithmetic, not the LP's rounding.
        var outcome = ProgrammeSchedule.Evaluate(instance, starts);
        var bound = Math.Min(solver.Objective().BestBound(), outcome.WeightedPupilYears);
        var optimal = status == Solver.ResultStatus.OPTIMAL;
        return new ProgrammeSolution(Name, optimal ? SolveStatus.Optimal : SolveStatus.Feasible, starts, outcome.WeightedPupilYears, bound,
            watch.Elapsed.TotalSeconds, outcome.Feasible ? "" : string.Join("; ", outcome.Violations));
    }
}
