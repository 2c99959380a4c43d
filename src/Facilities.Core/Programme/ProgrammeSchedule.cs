namespace Facilities.Core.Programme;

/// <summary>
/// Evaluates a schedule: for each action of the instance, its start year or null when not taken. Handovers are
/// always taken in their year, whatever the schedule says, since the investor must build them.
/// </summary>
public static class ProgrammeSchedule
{
    /// <summary>Comparisons of money and pupils allow this much rounding.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>The need left, the money spent and the rules broken by <paramref name="starts"/>.</summary>
    public static ProgrammeOutcome Evaluate(ProgrammeInstance instance, IReadOnlyList<int?> starts)
    {
        if (starts.Count != instance.Actions.Count)
        {
            throw new ArgumentException("one start (or null) per action", nameof(starts));
        }
        var violations = new List<string>();
        var added = new Dictionary<(string Ward, string Level, int Year), double>();
        var spend = instance.Years.ToDictionary(y => y, _ => 0m);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var serving = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < starts.Count; i++)
        {
            var a = instance.Actions[i];
            var start = a.Kind == ActionKind.Handover ? (a.EarliestStart <= instance.ToYear ? a.EarliestStart : (int?)null) : starts[i];
            if (start is not int s)
            {
                continue;
            }
            if (!instance.StartYears(a).Contains(s))
            {
                violations.Add($"{a.Id} cannot start in {s}");
            }
            if (!groups.Add(a.GroupKey))
            {
                violations.Add($"{a.Id} excludes another option of {a.GroupKey}");
            }
            for (var y = s; y < s + a.BuildYears; y++)
            {
                if (spend.ContainsKey(y))
                {
                    spend[y] += a.CostPerBuildYear;
                }
            }
            serving[a.Id] = s + a.BuildYears;
            for (var y = s + a.BuildYears; y <= instance.ToYear; y++)
            {
                var key = (a.WardCode, a.Level, y);
                added[key] = added.GetValueOrDefault(key) + a.Classrooms;
            }
        }
        CheckBudget(instance, spend, violations);
        var remaining = instance.SharedSeats ? SharedRemaining(instance, serving) : new double[instance.Needs.Count];
        double weighted = 0, total = 0, baseline = 0;
        for (var c = 0; c < remaining.Length; c++)
        {
            var n = instance.Needs[c];
            if (!instance.SharedSeats)
            {
                remaining[c] = Math.Max(0, n.ShortagePupils - (n.PupilsPerClassroom * added.GetValueOrDefault((n.WardCode, n.Level, n.Year))));
            }
            weighted += instance.Weight(n.Level) * remaining[c];
            total += remaining[c];
            baseline += n.ShortagePupils;
        }
        CheckEquity(instance, remaining, violations);
        return new ProgrammeOutcome(remaining, weighted, total, baseline, spend, violations);
    }

    /// <summary>
    /// Catchment cells: per level and year, the places of the actions serving by then are shared by the cells within
    /// their reach as the maximum flow seats them; the need left per cell is its shortage less what it was given.
    /// </summary>
    /// <param name="instance">The instance (its needs carry <see cref="NeedCell.ServedBy"/>).</param>
    /// <param name="serving">First school year each taken action's places serve, by action id.</param>
    /// <param name="level">Only the cells of this level (the others are left 0), or null for all.</param>
    /// <param name="fromYear">Only the cells of this year and later.</param>
    public static double[] SharedRemaining(ProgrammeInstance instance, IReadOnlyDictionary<string, int> serving, string? level = null, int fromYear = int.MinValue)
    {
        var byId = instance.Actions.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var remaining = new double[instance.Needs.Count];
        var selected = Enumerable.Range(0, instance.Needs.Count)
            .Where(c => (level is null || instance.Needs[c].Level == level) && instance.Needs[c].Year >= fromYear);
        foreach (var group in selected.GroupBy(c => (instance.Needs[c].Level, instance.Needs[c].Year)))
        {
            var cells = group.ToList();
            var actionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var places = new List<double>();
            var links = new List<(int, int)>();
            for (var k = 0; k < cells.Count; k++)
            {
                var n = instance.Needs[cells[k]];
                foreach (var id in n.ServedBy ?? [])
                {
                    if (!serving.TryGetValue(id, out var from) || from > n.Year || !byId.TryGetValue(id, out var a) || a.Level != n.Level)
                    {
                        continue;
                    }
                    if (!actionIndex.TryGetValue(id, out var i))
                    {
                        actionIndex[id] = i = places.Count;
                        places.Add(n.PupilsPerClassroom * a.Classrooms);
                    }
                    links.Add((i, k));
                }
            }
            var need = cells.Select(c => instance.Needs[c].ShortagePupils).ToList();
            var seated = links.Count == 0 ? new double[cells.Count] : SeatFlow.Seat(places, need, links);
            for (var k = 0; k < cells.Count; k++)
            {
                remaining[cells[k]] = Math.Max(0, need[k] - seated[k]);
            }
        }
        return remaining;
    }

    private static void CheckBudget(ProgrammeInstance instance, Dictionary<int, decimal> spend, List<string> violations)
    {
        decimal spent = 0, allowed = 0;
        foreach (var y in instance.Years)
        {
            spent = instance.Budget.CarryOver ? spent + spend[y] : spend[y];
            allowed = instance.Budget.CarryOver ? allowed + instance.Budget.Of(y) : instance.Budget.Of(y);
            if ((double)(spent - allowed) > Tolerance * Math.Max(1, (double)allowed))
            {
                violations.Add($"budget exceeded in {y}");
            }
        }
    }

    private static void CheckEquity(ProgrammeInstance instance, double[] remaining, List<string> violations)
    {
        if (instance.Equity is not { } rule)
        {
            return;
        }
        var byWard = new Dictionary<string, double>(StringComparer.Ordinal);
        double all = 0;
        for (var c = 0; c < remaining.Length; c++)
        {
            var n = instance.Needs[c];
            if (n.Year == rule.Year)
            {
                byWard[n.WardCode] = byWard.GetValueOrDefault(n.WardCode) + remaining[c];
                all += remaining[c];
            }
        }
        foreach (var (ward, left) in byWard.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (left > (rule.Share * all) + Tolerance)
            {
                violations.Add($"ward {ward} holds more than {rule.Share:P0} of the unmet need in {rule.Year}");
            }
        }
    }
}
