namespace Facilities.Core.Optimisation;

/// <summary>
/// The joint model's arithmetic, shared by every solver and by the tests: covered pupils per level, the weighted
/// objective, feasibility, and completing a solution with schools that add no coverage.
/// </summary>
public static class JointEvaluator
{
    /// <summary>Sites hosting a school of level <paramref name="level"/> (alone or combined), ascending.</summary>
    public static int[] SitesOf(JointSitingInstance instance, IEnumerable<int> chosen, int level) =>
        [.. chosen.Select(o => instance.Options[o]).Where(o => o.Teaches(level)).Select(o => o.Site).Distinct().Order()];

    /// <summary>Per level, the pupils within the level's radius of a site hosting the level.</summary>
    public static double[] Covered(JointSitingInstance instance, IReadOnlyCollection<int> chosen)
    {
        var result = new double[instance.Levels.Count];
        for (var l = 0; l < result.Length; l++)
        {
            var sites = SitesOf(instance, chosen, l);
            if (sites.Length > 0 && instance.LevelInstance(l) is { } level)
            {
                result[l] = SitingEvaluator.Covered(level, sites);
            }
        }

        return result;
    }

    /// <summary>Σ over levels of the level's weight per pupil × its covered pupils.</summary>
    public static double Objective(JointSitingInstance instance, IReadOnlyCollection<int> chosen)
    {
        var covered = Covered(instance, chosen);
        return covered.Select((c, l) => c * instance.Levels[l].WeightPerPupil).Sum();
    }

    /// <summary>
    /// Whether <paramref name="chosen"/> is a solution: known options, at most the schools each level needs, and no
    /// parcel used by two chosen options.
    /// </summary>
    public static bool IsFeasible(JointSitingInstance instance, IReadOnlyCollection<int> chosen)
    {
        if (chosen.Any(o => o < 0 || o >= instance.Options.Count))
        {
            return false;
        }

        var parcels = new HashSet<int>();
        foreach (var o in chosen)
        {
            if (!instance.SiteParcels[instance.Options[o].Site].All(parcels.Add))
            {
                return false;
            }
        }

        return instance.Levels.Select((l, i) => chosen.Count(o => instance.Options[o].Teaches(i)) <= l.Schools).All(ok => ok);
    }

    /// <summary>
    /// Adds single-level schools on free sites until every level has its schools or no eligible free site is left,
    /// the one adding most (lowest option index on a tie) first. Coverage never falls, so an optimal solution stays
    /// optimal; a needed school placed where it adds no coverage is still a school the project needs.
    /// </summary>
    public static IReadOnlyList<int> Complete(JointSitingInstance instance, IReadOnlyList<int> chosen)
    {
        var state = new JointState(instance, chosen);
        while (true)
        {
            var best = -1;
            var bestGain = double.NegativeInfinity;
            for (var o = 0; o < instance.Options.Count; o++)
            {
                if (!instance.Options[o].Combined && state.CanAdd(o) && state.Gain(o) is var gain && gain > bestGain + 1e-9)
                {
                    best = o;
                    bestGain = gain;
                }
            }

            if (best < 0)
            {
                return [.. state.Chosen.Order()];
            }

            state.Add(best);
        }
    }
}
