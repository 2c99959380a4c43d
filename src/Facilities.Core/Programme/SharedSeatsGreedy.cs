using System.Diagnostics;
using Facilities.Core.Optimisation;

namespace Facilities.Core.Programme;

/// <summary>
/// The greedy programme over catchment cells (<see cref="ProgrammeInstance.SharedSeats"/>): the same rule as
/// <see cref="GreedyProgramme"/> (year by year, the ward and level with the most unmet pupil-years left first, its
/// most useful affordable action), where an action's usefulness is what its places remove from the need left once
/// they are shared by the cells within its reach (the maximum flow), and the candidates for a ward are the actions
/// that reach its pupils, wherever they stand.
/// </summary>
internal static class SharedSeatsGreedy
{
    public static ProgrammeSolution Solve(ProgrammeInstance instance)
    {
        var watch = Stopwatch.StartNew();
        var actions = instance.Actions;
        var starts = new int?[actions.Count];
        var spend = instance.Years.ToDictionary(y => y, _ => 0m);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var serving = new Dictionary<string, int>(StringComparer.Ordinal);
        var reaches = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
        foreach (var n in instance.Needs)
        {
            foreach (var id in n.ServedBy ?? [])
            {
                if (!reaches.TryGetValue(id, out var set))
                {
                    reaches[id] = set = [];
                }
                set.Add((n.WardCode, n.Level));
            }
        }
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Kind == ActionKind.Handover && instance.StartYears(actions[i]).Any())
            {
                starts[i] = actions[i].EarliestStart;
                groups.Add(actions[i].GroupKey);
                serving[actions[i].Id] = actions[i].EarliestStart;
            }
        }
        var remaining = ProgrammeSchedule.SharedRemaining(instance, serving);
        foreach (var year in instance.Years)
        {
            while (Pick(instance, year, starts, groups, spend, serving, reaches, remaining) is (int best, double[] after))
            {
                var a = actions[best];
                starts[best] = year;
                groups.Add(a.GroupKey);
                serving[a.Id] = year + a.BuildYears;
                GreedyProgramme.Spend(a, year, spend);
                for (var c = 0; c < remaining.Length; c++)
                {
                    if (instance.Needs[c].Level == a.Level && instance.Needs[c].Year >= year + a.BuildYears)
                    {
                        remaining[c] = after[c];
                    }
                }
            }
        }
        var outcome = ProgrammeSchedule.Evaluate(instance, starts);
        return new ProgrammeSolution("greedy", SolveStatus.Heuristic, starts, outcome.WeightedPupilYears, double.NaN, watch.Elapsed.TotalSeconds,
            outcome.Feasible ? "" : string.Join("; ", outcome.Violations));
    }

    private static (int, double[])? Pick(ProgrammeInstance instance, int year, int?[] starts, HashSet<string> groups, Dictionary<int, decimal> spend,
        Dictionary<string, int> serving, Dictionary<string, HashSet<(string, string)>> reaches, double[] remaining)
    {
        var open = new List<int>();
        for (var i = 0; i < instance.Actions.Count; i++)
        {
            var a = instance.Actions[i];
            if (starts[i] is null && a.Kind != ActionKind.Handover && !groups.Contains(a.GroupKey) && reaches.ContainsKey(a.Id)
                && instance.StartYears(a).Contains(year) && GreedyProgramme.Affordable(instance, a, year, spend))
            {
                open.Add(i);
            }
        }
        if (open.Count == 0)
        {
            return null;
        }
        // Largest deficit first: ward and level by weighted unmet pupil-years left; the first with a helpful action wins.
        var cells = Enumerable.Range(0, remaining.Length)
            .GroupBy(c => (instance.Needs[c].WardCode, instance.Needs[c].Level))
            .Select(g => (Key: g.Key, Left: g.Sum(c => instance.Weight(g.Key.Level) * remaining[c])))
            .Where(g => g.Left > ProgrammeSchedule.Tolerance)
            .OrderByDescending(g => g.Left).ThenBy(g => g.Key.WardCode, StringComparer.Ordinal).ThenBy(g => g.Key.Level, StringComparer.Ordinal);
        var savings = new Dictionary<int, (double Saving, double[] After)>();
        foreach (var (key, _) in cells)
        {
            (int Index, double Saving, double[] After)? best = null;
            foreach (var i in open.Where(i => reaches[instance.Actions[i].Id].Contains(key)))
            {
                if (!savings.TryGetValue(i, out var s))
                {
                    savings[i] = s = Saving(instance, instance.Actions[i], year, serving, remaining);
                }
                if (s.Saving > ProgrammeSchedule.Tolerance && (best is null || Better(instance, (i, s.Saving), (best.Value.Index, best.Value.Saving))))
                {
                    best = (i, s.Saving, s.After);
                }
            }
            if (best is { } b)
            {
                return (b.Index, b.After);
            }
        }
        return null;
    }

    private static bool Better(ProgrammeInstance instance, (int Index, double Saving) x, (int Index, double Saving) y)
    {
        if (Math.Abs(x.Saving - y.Saving) > ProgrammeSchedule.Tolerance)
        {
            return x.Saving > y.Saving;
        }
        var (a, b) = (instance.Actions[x.Index], instance.Actions[y.Index]);
        return a.CostVnd != b.CostVnd ? a.CostVnd < b.CostVnd : string.CompareOrdinal(a.Id, b.Id) < 0;
    }

    /// <summary>Weighted pupil-years removed by adding <paramref name="a"/> started in <paramref name="year"/>, and the need left then.</summary>
    private static (double, double[]) Saving(ProgrammeInstance instance, ProgrammeAction a, int year, Dictionary<string, int> serving, double[] remaining)
    {
        var from = year + a.BuildYears;
        var trial = new Dictionary<string, int>(serving, StringComparer.Ordinal) { [a.Id] = from };
        var after = ProgrammeSchedule.SharedRemaining(instance, trial, a.Level, from);
        double saving = 0;
        for (var c = 0; c < remaining.Length; c++)
        {
            var n = instance.Needs[c];
            if (n.Level == a.Level && n.Year >= from)
            {
                saving += instance.Weight(n.Level) * (remaining[c] - after[c]);
            }
        }
        return (saving, after);
    }
}
