using System.Diagnostics;
using Facilities.Core.Optimisation;
using Google.OrTools.LinearSolver;

namespace Facilities.Optimisation.OrTools;

/// <summary>
/// Solves the siting models exactly as mixed-integer programs with an OR-Tools MIP backend (CBC by default,
/// SCIP on request: on the covering benchmark CBC proved the optimum in 0.2–0.4 s where SCIP took 2.5–2.8 s,
/// docs/performance.md). The greedy solution is passed as a hint, so the solver starts from it. The p-median first
/// tries its linear relaxation (CLP), which is usually integral and then already proves the optimum.
/// </summary>
/// <remarks>
/// Maximal covering (Church &amp; ReVelle 1974), over groups g of points that the same candidates cover:
/// max Σ w_g y_g subject to y_g ≤ Σ_{j ∈ N_g} x_j, Σ x_j = p, x binary, 0 ≤ y ≤ 1 (y is integral at an optimum,
/// so it need not be declared integer).
/// p-median (ReVelle &amp; Swain 1970): min Σ w_i d_ij z_ij subject to Σ_j z_ij = 1, z_ij ≤ x_j, Σ x_j = p,
/// x binary, z ≥ 0 — points × candidates assignment variables, so large instances are skipped
/// (<see cref="SolverLimits.MaxAssignmentVariables"/>).
/// </remarks>
public sealed class OrToolsSitingSolver : ISitingSolver, IJointSitingSolver
{
    private readonly string _backend;
    private readonly bool _relaxationFirst;

    /// <summary>A solver over the named OR-Tools MIP backend: "CBC" or "SCIP".</summary>
    /// <param name="backend">CBC or SCIP.</param>
    /// <param name="relaxationFirst">Try the p-median's linear relaxation before branching (off only to test the MIP path).</param>
    public OrToolsSitingSolver(string backend = "CBC", bool relaxationFirst = true)
    {
        _relaxationFirst = relaxationFirst;
        if (backend is not ("SCIP" or "CBC"))
        {
            throw new ArgumentException($"unknown MIP backend '{backend}'; use SCIP or CBC");
        }

        _backend = backend;
    }

    /// <inheritdoc/>
    public string Name => $"OR-Tools {OrToolsInfo.Version} {_backend}";

    /// <inheritdoc/>
    public SitingSolution Solve(SitingInstance instance, SitingModel model, SolverLimits limits)
    {
        var watch = Stopwatch.StartNew();
        if (model == SitingModel.PMedian && (long)instance.DemandCount * instance.CandidateCount > limits.MaxAssignmentVariables)
        {
            return Empty(model, SolveStatus.Skipped, watch,
                $"p-median model too large for the exact solver: {instance.DemandCount} points × {instance.CandidateCount} candidates > {limits.MaxAssignmentVariables} assignment variables");
        }

        var hint = GreedySiting.Solve(instance, model);
        try
        {
            if (model == SitingModel.PMedian && _relaxationFirst && LinearRelaxation(instance, limits, watch) is { } integral)
            {
                return integral;
            }

            using var solver = Solver.CreateSolver(_backend);
            if (solver is null)
            {
                return Empty(model, SolveStatus.NoSolution, watch, $"OR-Tools has no {_backend} backend in this build");
            }

            var x = new Variable[instance.CandidateCount];
            for (var j = 0; j < x.Length; j++)
            {
                x[j] = solver.MakeBoolVar($"x{j}");
            }

            var count = solver.MakeConstraint(instance.P, instance.P, "p");
            foreach (var v in x)
            {
                count.SetCoefficient(v, 1);
            }

            if (model == SitingModel.MaximalCovering)
            {
                BuildCovering(solver, instance, x);
            }
            else
            {
                BuildMedian(solver, instance, x);
            }

            var hinted = new bool[x.Length];
            foreach (var j in hint.Chosen)
            {
                hinted[j] = true;
            }

            solver.SetHint(x, [.. hinted.Select(h => h ? 1.0 : 0.0)]);
            var status = MipSolve.Run(solver, limits);
            if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            {
                return Empty(model, SolveStatus.NoSolution, watch, $"{_backend} ended with status {status} and no solution");
            }

            IReadOnlyList<int> chosen = [.. Enumerable.Range(0, x.Length).Where(j => x[j].SolutionValue() > 0.5)];
            var bound = solver.Objective().BestBound();
            var objective = SitingEvaluator.Objective(instance, model, chosen);
            var optimal = status == Solver.ResultStatus.OPTIMAL;
            var note = optimal ? "" : $"{_backend} stopped at the time limit of {limits.TimeLimit.TotalSeconds:0.#} s";
            // Stopped early, a backend may return an incumbent worse than the hint it was given (SCIP does when the
            // time runs out before it has used the hint): the greedy solution is then the better feasible answer, and
            // the bound stays valid for it.
            if (!optimal && (model == SitingModel.MaximalCovering ? hint.Objective > objective : hint.Objective < objective))
            {
                chosen = hint.Chosen;
                objective = hint.Objective;
                note += "; the greedy hint beat the solver's incumbent and is returned";
            }
            return new SitingSolution
            {
                Model = model,
                Method = Name,
                Status = optimal ? SolveStatus.Optimal : SolveStatus.Feasible,
                Chosen = chosen,
                Objective = objective,
                // A bound on the wrong side of the recomputed objective is float noise: the objective itself is then proven.
                Bound = model == SitingModel.MaximalCovering ? Math.Max(bound, objective) : Math.Min(bound, objective),
                Seconds = watch.Elapsed.TotalSeconds,
                Note = note,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            return Empty(model, SolveStatus.NoSolution, watch, "OR-Tools native library could not be loaded: " + e.Message);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The joint covering MIP (<see cref="JointModel"/>), started from the better of <paramref name="hint"/> and the
    /// joint greedy solution. The answer is completed with schools that add no coverage
    /// (<see cref="JointEvaluator.Complete"/>), which keeps it optimal and the bound valid.
    /// </remarks>
    public JointSitingSolution SolveJoint(JointSitingInstance instance, SolverLimits limits, IReadOnlyList<int>? hint = null)
    {
        var watch = Stopwatch.StartNew();
        var greedy = JointGreedy.Solve(instance);
        var start = hint is not null && JointEvaluator.IsFeasible(instance, hint) && JointEvaluator.Objective(instance, hint) > greedy.Objective
            ? hint : greedy.Chosen;
        var startObjective = JointEvaluator.Objective(instance, start);
        try
        {
            using var solver = Solver.CreateSolver(_backend);
            if (solver is null)
            {
                return JointEmpty(SolveStatus.NoSolution, watch, $"OR-Tools has no {_backend} backend in this build");
            }

            var s = JointModel.Build(solver, instance);
            var hinted = new double[s.Length];
            foreach (var o in start)
            {
                hinted[o] = 1;
            }

            solver.SetHint(s, hinted);
            var status = MipSolve.Run(solver, limits);
            if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            {
                return JointEmpty(SolveStatus.NoSolution, watch, $"{_backend} ended with status {status} and no solution");
            }

            IReadOnlyList<int> chosen = [.. Enumerable.Range(0, s.Length).Where(o => s[o].SolutionValue() > 0.5)];
            var optimal = status == Solver.ResultStatus.OPTIMAL;
            var note = optimal ? "" : $"{_backend} stopped at the time limit of {limits.TimeLimit.TotalSeconds:0.#} s";
            if (!optimal && startObjective > JointEvaluator.Objective(instance, chosen))
            {
                chosen = start;
                note += "; the starting solution beat the solver's incumbent and is returned";
            }

            chosen = JointEvaluator.Complete(instance, chosen);
            var objective = JointEvaluator.Objective(instance, chosen);
            return new JointSitingSolution
            {
                Method = Name,
                Status = optimal ? SolveStatus.Optimal : SolveStatus.Feasible,
                Chosen = chosen,
                Objective = objective,
                // A bound below the recomputed objective is float noise: the objective itself is then proven.
                Bound = Math.Max(solver.Objective().BestBound(), objective),
                Seconds = watch.Elapsed.TotalSeconds,
                Note = note,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            return JointEmpty(SolveStatus.NoSolution, watch, "OR-Tools native library could not be loaded: " + e.Message);
        }
    }

    private static JointSitingSolution JointEmpty(SolveStatus status, Stopwatch watch, string note) => new()
    {
        Method = "OR-Tools",
        Status = status,
        Chosen = [],
        Objective = double.NaN,
        Seconds = watch.Elapsed.TotalSeconds,
        Note = note,
    };

    /// <summary>
    /// The p-median's linear relaxation, solved with CLP: when its x is already 0/1 (as it usually is for the
    /// p-median; ReVelle &amp; Swain 1970), the LP optimum is a proven integer optimum and the branch and bound is
    /// skipped. The LP alone costs a fraction of what SCIP spends on the same model. Null when x is fractional.
    /// </summary>
    private SitingSolution? LinearRelaxation(SitingInstance instance, SolverLimits limits, Stopwatch watch)
    {
        using var lp = Solver.CreateSolver("CLP");
        if (lp is null)
        {
            return null;
        }

        var x = new Variable[instance.CandidateCount];
        for (var j = 0; j < x.Length; j++)
        {
            x[j] = lp.MakeNumVar(0, 1, $"x{j}");
        }

        var count = lp.MakeConstraint(instance.P, instance.P, "p");
        foreach (var v in x)
        {
            count.SetCoefficient(v, 1);
        }

        BuildMedian(lp, instance, x);
        lp.SetTimeLimit((long)Math.Max(1, limits.TimeLimit.TotalMilliseconds / 2));
        if (lp.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        var values = x.Select(v => v.SolutionValue()).ToArray();
        if (values.Any(v => v is > 1e-6 and < 1 - 1e-6))
        {
            return null;
        }

        var chosen = Enumerable.Range(0, x.Length).Where(j => values[j] > 0.5).ToArray();
        var objective = SitingEvaluator.Objective(instance, SitingModel.PMedian, chosen);
        return new SitingSolution
        {
            Model = SitingModel.PMedian,
            Method = Name,
            Status = SolveStatus.Optimal,
            Chosen = chosen,
            Objective = objective,
            Bound = Math.Min(lp.Objective().Value(), objective),
            Seconds = watch.Elapsed.TotalSeconds,
            Note = "LP relaxation (CLP) integral: optimal without branching",
        };
    }

    private static void BuildCovering(Solver solver, SitingInstance instance, Variable[] x)
    {
        var objective = solver.Objective();
        var groups = instance.Coverage.Groups(instance.Weight);
        for (var g = 0; g < groups.Count; g++)
        {
            var y = solver.MakeNumVar(0, 1, $"y{g}");
            var link = solver.MakeConstraint(double.NegativeInfinity, 0, $"c{g}");
            link.SetCoefficient(y, 1);
            foreach (var j in groups[g].Sites)
            {
                link.SetCoefficient(x[j], -1);
            }

            objective.SetCoefficient(y, groups[g].Weight);
        }

        objective.SetMaximization();
    }

    private static void BuildMedian(Solver solver, SitingInstance instance, Variable[] x)
    {
        var objective = solver.Objective();
        for (var i = 0; i < instance.DemandCount; i++)
        {
            if (instance.Weight[i] <= 0)
            {
                continue; // a point without pupils adds nothing wherever it goes
            }

            var one = solver.MakeConstraint(1, 1, $"a{i}");
            for (var j = 0; j < x.Length; j++)
            {
                var z = solver.MakeNumVar(0, 1, $"z{i}_{j}");
                one.SetCoefficient(z, 1);
                var open = solver.MakeConstraint(double.NegativeInfinity, 0, $"o{i}_{j}");
                open.SetCoefficient(z, 1);
                open.SetCoefficient(x[j], -1);
                objective.SetCoefficient(z, instance.Weight[i] * instance.Distance(i, j));
            }
        }

        objective.SetMinimization();
    }

    private static SitingSolution Empty(SitingModel model, SolveStatus status, Stopwatch watch, string note) => new()
    {
        Model = model,
        Method = "OR-Tools",
        Status = status,
        Chosen = [],
        Objective = double.NaN,
        Seconds = watch.Elapsed.TotalSeconds,
        Note = note,
    };
}
