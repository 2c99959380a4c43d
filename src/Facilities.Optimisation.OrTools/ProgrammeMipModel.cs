using Facilities.Core.Programme;
using Google.OrTools.LinearSolver;

namespace Facilities.Optimisation.OrTools;

/// <summary>The variables and rows of the programme MIP (see <see cref="OrToolsProgrammeSolver"/>) on one solver.</summary>
internal sealed class ProgrammeMipModel
{
    private readonly ProgrammeInstance _instance;
    private readonly List<(int Action, int Year, Variable X)> _x = [];

    /// <summary>Builds the model; money is in units of <paramref name="moneyUnit"/> VND to keep the rows well scaled.</summary>
    public ProgrammeMipModel(Solver solver, ProgrammeInstance instance, double moneyUnit)
    {
        _instance = instance;
        var actions = instance.Actions;
        var handed = new Dictionary<(string, string, int), double>();
        for (var a = 0; a < actions.Count; a++)
        {
            var act = actions[a];
            if (act.Kind == ActionKind.Handover)
            {
                foreach (var s in instance.StartYears(act))
                {
                    foreach (var y in instance.Years.Where(y => y >= s))
                    {
                        handed[(act.WardCode, act.Level, y)] = handed.GetValueOrDefault((act.WardCode, act.Level, y)) + act.Classrooms;
                    }
                }
                continue;
            }
            foreach (var s in instance.StartYears(act))
            {
                _x.Add((a, s, solver.MakeBoolVar($"x_{a}_{s}")));
            }
        }
        foreach (var group in _x.GroupBy(v => actions[v.Action].GroupKey))
        {
            var row = solver.MakeConstraint(double.NegativeInfinity, 1, "g_" + group.Key);
            foreach (var v in group)
            {
                row.SetCoefficient(v.X, 1);
            }
        }
        AddBudget(solver, moneyUnit);
        var objective = solver.Objective();
        objective.SetMinimization();
        if (instance.SharedSeats)
        {
            AddSharedNeeds(solver, objective);
            return;
        }
        var byCell = _x.ToLookup(v => (actions[v.Action].WardCode, actions[v.Action].Level));
        var equityYear = instance.Equity?.Year;
        var equityCells = new List<(NeedCell Cell, Variable U)>();
        for (var c = 0; c < instance.Needs.Count; c++)
        {
            var cell = instance.Needs[c];
            var shortage = cell.ShortagePupils - (cell.PupilsPerClassroom * handed.GetValueOrDefault((cell.WardCode, cell.Level, cell.Year)));
            if (shortage <= 0)
            {
                continue;
            }
            var u = solver.MakeNumVar(0, shortage, $"u_{c}");
            objective.SetCoefficient(u, instance.Weight(cell.Level));
            // u + p Σ rooms x ≥ S: the need left is at least what the opened classrooms do not seat.
            var row = solver.MakeConstraint(shortage, double.PositiveInfinity, $"need_{c}");
            row.SetCoefficient(u, 1);
            var helping = byCell[(cell.WardCode, cell.Level)].Where(v => v.Year + actions[v.Action].BuildYears <= cell.Year)
                .Select(v => (v.X, Seats: cell.PupilsPerClassroom * actions[v.Action].Classrooms)).ToList();
            foreach (var (x, seats) in helping)
            {
                row.SetCoefficient(x, seats);
            }
            if (cell.Year == equityYear)
            {
                MakeExact(solver, c, u, shortage, helping);
                equityCells.Add((cell, u));
            }
        }
        if (instance.Equity is { } rule)
        {
            foreach (var ward in equityCells.GroupBy(e => e.Cell.WardCode))
            {
                // Σ_ward u − share Σ_all u ≤ 0.
                var row = solver.MakeConstraint(double.NegativeInfinity, 0, "equity_" + ward.Key);
                foreach (var e in equityCells)
                {
                    row.SetCoefficient(e.U, (e.Cell.WardCode == ward.Key ? 1 : 0) - rule.Share);
                }
            }
        }
    }

    /// <summary>Sets every x to the hinted schedule.</summary>
    public void Hint(Solver solver, IReadOnlyList<int?> starts) =>
        solver.SetHint([.. _x.Select(v => v.X)], [.. _x.Select(v => starts[v.Action] == v.Year ? 1.0 : 0.0)]);

    /// <summary>The start year per action read from the solution (handovers in their year).</summary>
    public int?[] Starts()
    {
        var starts = new int?[_instance.Actions.Count];
        for (var a = 0; a < starts.Length; a++)
        {
            if (_instance.Actions[a].Kind == ActionKind.Handover && _instance.StartYears(_instance.Actions[a]).Any())
            {
                starts[a] = _instance.Actions[a].EarliestStart;
            }
        }
        foreach (var v in _x.Where(v => v.X.SolutionValue() > 0.5))
        {
            starts[v.Action] = v.Year;
        }
        return starts;
    }

    /// <summary>
    /// Catchment cells: a transport of places to pupils. f[a,c] ≥ 0 pupils of cell c seated by action a (a within c's
    /// reach, same level, able to serve by c's year); per action and year Σ_c f[a,c] ≤ p r_a Σ_{s + b ≤ t} x[a,s] (a
    /// handover: p r_a from its year on); per cell u_c + Σ_a f[a,c] ≥ S_c. Minimising Σ weight u gives, for the chosen
    /// schedule, the maximum flow that <see cref="ProgrammeSchedule.SharedRemaining"/> computes.
    /// </summary>
    private void AddSharedNeeds(Solver solver, Objective objective)
    {
        if (_instance.Equity is not null)
        {
            throw new ArgumentException("the equity rule is not available with catchment cells: how places are shared between wards is not unique");
        }
        var actions = _instance.Actions;
        var index = actions.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var starts = _x.ToLookup(v => v.Action);
        var seats = new Dictionary<(int Action, int Year), List<Variable>>();
        for (var c = 0; c < _instance.Needs.Count; c++)
        {
            var cell = _instance.Needs[c];
            if (cell.ShortagePupils <= 0)
            {
                continue;
            }
            var u = solver.MakeNumVar(0, cell.ShortagePupils, $"u_{c}");
            objective.SetCoefficient(u, _instance.Weight(cell.Level));
            var row = solver.MakeConstraint(cell.ShortagePupils, double.PositiveInfinity, $"need_{c}");
            row.SetCoefficient(u, 1);
            foreach (var id in cell.ServedBy ?? [])
            {
                if (!index.TryGetValue(id, out var a) || actions[a].Level != cell.Level || !CanServe(a, cell.Year, starts))
                {
                    continue;
                }
                var f = solver.MakeNumVar(0, cell.ShortagePupils, $"f_{a}_{c}");
                row.SetCoefficient(f, 1);
                if (!seats.TryGetValue((a, cell.Year), out var list))
                {
                    seats[(a, cell.Year)] = list = [];
                }
                list.Add(f);
            }
        }
        foreach (var ((a, year), flows) in seats)
        {
            var act = actions[a];
            var places = flows.Count > 0 ? _instance.Needs.First(n => n.Level == act.Level).PupilsPerClassroom * act.Classrooms : 0;
            if (act.Kind == ActionKind.Handover)
            {
                var cap = solver.MakeConstraint(double.NegativeInfinity, places, $"seats_{a}_{year}");
                flows.ForEach(f => cap.SetCoefficient(f, 1));
                continue;
            }
            var row = solver.MakeConstraint(double.NegativeInfinity, 0, $"seats_{a}_{year}");
            flows.ForEach(f => row.SetCoefficient(f, 1));
            foreach (var v in starts[a].Where(v => v.Year + act.BuildYears <= year))
            {
                row.SetCoefficient(v.X, -places);
            }
        }
    }

    /// <summary>Whether action <paramref name="a"/> can seat pupils in <paramref name="year"/>: a handover from its year, a build from its earliest finish.</summary>
    private bool CanServe(int a, int year, ILookup<int, (int Action, int Year, Variable X)> starts)
    {
        var act = _instance.Actions[a];
        return act.Kind == ActionKind.Handover
            ? _instance.StartYears(act).Any(s => s <= year)
            : starts[a].Any(v => v.Year + act.BuildYears <= year);
    }

    private void AddBudget(Solver solver, double moneyUnit)
    {
        var budget = _instance.Budget;
        double allowed = 0;
        var running = new List<(Variable X, double PerYear, int From, int To)>();
        foreach (var v in _x)
        {
            var a = _instance.Actions[v.Action];
            running.Add((v.X, (double)a.CostPerBuildYear / moneyUnit, v.Year, v.Year + a.BuildYears - 1));
        }
        foreach (var year in _instance.Years)
        {
            allowed = (budget.CarryOver ? allowed : 0) + ((double)budget.Of(year) / moneyUnit);
            var row = solver.MakeConstraint(double.NegativeInfinity, allowed, $"budget_{year}");
            foreach (var (x, perYear, from, to) in running)
            {
                // With carry-over the row holds all spending up to this year, otherwise this year's alone.
                var years = budget.CarryOver ? Math.Max(0, Math.Min(to, year) - from + 1) : (year >= from && year <= to ? 1 : 0);
                if (years > 0 && perYear > 0)
                {
                    row.SetCoefficient(x, perYear * years);
                }
            }
        }
    }

    /// <summary>u = max(0, r) exactly, r = S − Σ k x: z = 1 when some need is left (u ≤ S z, u + Σ k x + M z ≤ S + M, M = Σ k).</summary>
    private static void MakeExact(Solver solver, int c, Variable u, double shortage, IReadOnlyList<(Variable X, double Seats)> helping)
    {
        var z = solver.MakeBoolVar($"z_{c}");
        var capped = solver.MakeConstraint(double.NegativeInfinity, 0, $"ucap_{c}");
        capped.SetCoefficient(u, 1);
        capped.SetCoefficient(z, -shortage);
        var m = helping.Sum(h => h.Seats);
        var row = solver.MakeConstraint(double.NegativeInfinity, shortage + m, $"uexact_{c}");
        row.SetCoefficient(u, 1);
        row.SetCoefficient(z, m);
        foreach (var (x, seats) in helping)
        {
            row.SetCoefficient(x, seats);
        }
    }
}
