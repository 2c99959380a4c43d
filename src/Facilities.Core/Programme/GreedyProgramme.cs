using System.Diagnostics;
using Facilities.Core.Optimisation;

namespace Facilities.Core.Programme;

/// <summary>
/// The programme a department would draw up by hand: year by year, the ward and level with the largest unmet need
/// first, its most useful affordable project taken, until no affordable project helps. It ignores the equity rule
/// (the outcome says whether it happens to keep it) and is the MIP's starting point and yardstick.
/// </summary>
public static class GreedyProgramme
{
    /// <summary>The greedy programme of <paramref name="instance"/>.</summary>
    public static ProgrammeSolution Solve(ProgrammeInstance instance)
    {
        if (instance.SharedSeats)
        {
            return SharedSeatsGreedy.Solve(instance);
        }
        var watch = Stopwatch.StartNew();
        var actions = instance.Actions;
        var starts = new int?[actions.Count];
        var cells = instance.Needs.Select((n, i) => (n, i)).ToLookup(p => (p.n.WardCode, p.n.Level), p => p.i);
        var remaining = instance.Needs.Select(n => n.ShortagePupils).ToArray();
        var spend = instance.Years.ToDictionary(y => y, _ => 0m);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Kind == ActionKind.Handover && instance.StartYears(actions[i]).Any())
            {
                Apply(instance, actions[i], actions[i].EarliestStart, cells, remaining, spend);
                starts[i] = actions[i].EarliestStart;
                groups.Add(actions[i].GroupKey);
            }
        }
        foreach (var year in instance.Years)
        {
            while (Pick(instance, year, starts, groups, cells, remaining, spend) is int best)
            {
                starts[best] = year;
                groups.Add(actions[best].GroupKey);
                Apply(instance, actions[best], year, cells, remaining, spend);
            }
        }
        var outcome = ProgrammeSchedule.Evaluate(instance, starts);
        return new ProgrammeSolution("greedy", SolveStatus.Heuristic, starts, outcome.WeightedPupilYears, double.NaN, watch.Elapsed.TotalSeconds,
            outcome.Feasible ? "" : string.Join("; ", outcome.Violations));
    }

    private static int? Pick(ProgrammeInstance instance, int year, int?[] starts, HashSet<string> groups,
        ILookup<(string, string), int> cells, double[] remaining, Dictionary<int, decimal> spend)
    {
        // The candidates of this year: not taken, option group free, allowed to start now, affordable.
        var byCell = new Dictionary<(string, string), List<(int Index, double Saving)>>();
        for (var i = 0; i < instance.Actions.Count; i++)
        {
            var a = instance.Actions[i];
            if (starts[i] is not null || a.Kind == ActionKind.Handover || groups.Contains(a.GroupKey)
                || !instance.StartYears(a).Contains(year) || !Affordable(instance, a, year, spend))
            {
                continue;
            }
            var saving = Saving(instance, a, year, cells, remaining);
            if (saving > ProgrammeSchedule.Tolerance)
            {
                var key = (a.WardCode, a.Level);
                if (!byCell.TryGetValue(key, out var list))
                {
                    byCell[key] = list = [];
                }
                list.Add((i, saving));
            }
        }
        if (byCell.Count == 0)
        {
            return null;
        }
        // Largest deficit first: the ward and level with the most weighted unmet pupil-years left over the horizon.
        var cell = byCell.Keys
            .OrderByDescending(k => cells[k].Sum(c => instance.Weight(k.Item2) * remaining[c]))
            .ThenBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).First();
        return byCell[cell]
            .OrderByDescending(p => p.Saving).ThenBy(p => instance.Actions[p.Index].CostVnd).ThenBy(p => instance.Actions[p.Index].Id, StringComparer.Ordinal)
            .First().Index;
    }

    /// <summary>Weighted pupil-years <paramref name="a"/> started in <paramref name="year"/> would remove from what is left.</summary>
    private static double Saving(ProgrammeInstance instance, ProgrammeAction a, int year, ILookup<(string, string), int> cells, double[] remaining)
    {
        double saving = 0;
        foreach (var c in cells[(a.WardCode, a.Level)])
        {
            var n = instance.Needs[c];
            if (n.Year >= year + a.BuildYears)
            {
                saving += instance.Weight(n.Level) * Math.Min(remaining[c], n.PupilsPerClassroom * a.Classrooms);
            }
        }
        return saving;
    }

    /// <summary>Whether <paramref name="a"/> started in <paramref name="year"/> fits the budget beside <paramref name="spend"/>.</summary>
    internal static bool Affordable(ProgrammeInstance instance, ProgrammeAction a, int year, Dictionary<int, decimal> spend)
    {
        decimal spent = 0, allowed = 0;
        foreach (var y in instance.Years)
        {
            var extra = y >= year && y < year + a.BuildYears ? a.CostPerBuildYear : 0;
            spent = instance.Budget.CarryOver ? spent + spend[y] + extra : spend[y] + extra;
            allowed = instance.Budget.CarryOver ? allowed + instance.Budget.Of(y) : instance.Budget.Of(y);
            if ((double)(spent - allowed) > ProgrammeSchedule.Tolerance * Math.Max(1, (double)allowed))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Adds the money <paramref name="a"/> started in <paramref name="year"/> spends to <paramref name="spend"/>.</summary>
    internal static void Spend(ProgrammeAction a, int year, Dictionary<int, decimal> spend)
    {
        for (var y = year; y < year + a.BuildYears; y++)
        {
            if (spend.ContainsKey(y))
            {
                spend[y] += a.CostPerBuildYear;
            }
        }
    }

    private static void Apply(ProgrammeInstance instance, ProgrammeAction a, int year, ILookup<(string, string), int> cells, double[] remaining, Dictionary<int, decimal> spend)
    {
        Spend(a, year, spend);
        foreach (var c in cells[(a.WardCode, a.Level)])
        {
            var n = instance.Needs[c];
            if (n.Year >= year + a.BuildYears)
            {
                remaining[c] = Math.Max(0, remaining[c] - (n.PupilsPerClassroom * a.Classrooms));
            }
        }
    }
}
