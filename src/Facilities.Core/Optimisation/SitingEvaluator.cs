namespace Facilities.Core.Optimisation;

/// <summary>
/// Objectives and catchments of a chosen set of sites, computed directly from the instance, so every solver's
/// answer is judged by the same arithmetic.
/// </summary>
public static class SitingEvaluator
{
    /// <summary>Pupils at points within the radius of at least one chosen site.</summary>
    public static double Covered(SitingInstance instance, IReadOnlyCollection<int> chosen)
    {
        var set = ToSet(instance, chosen);
        var coverage = instance.Coverage;
        double sum = 0;
        for (var i = 0; i < instance.DemandCount; i++)
        {
            foreach (var j in coverage.SitesOf(i))
            {
                if (set[j])
                {
                    sum += instance.Weight[i];
                    break;
                }
            }
        }

        return sum;
    }

    /// <summary>Σ pupils × distance to the nearest chosen site, pupil-metres.</summary>
    public static double WeightedDistance(SitingInstance instance, IReadOnlyCollection<int> chosen)
    {
        double sum = 0;
        for (var i = 0; i < instance.DemandCount; i++)
        {
            if (instance.Weight[i] > 0)
            {
                sum += instance.Weight[i] * chosen.Min(j => instance.Distance(i, j));
            }
        }

        return sum;
    }

    /// <summary>The model's objective for <paramref name="chosen"/>.</summary>
    public static double Objective(SitingInstance instance, SitingModel model, IReadOnlyCollection<int> chosen) =>
        model == SitingModel.MaximalCovering ? Covered(instance, chosen) : WeightedDistance(instance, chosen);

    /// <summary>
    /// Each point's site: the nearest chosen one (lowest index on a tie), or −1 when <paramref name="withinRadius"/>
    /// and no chosen site is within the radius.
    /// </summary>
    public static int[] Assign(SitingInstance instance, IReadOnlyCollection<int> chosen, bool withinRadius)
    {
        var ordered = chosen.Order().ToArray();
        var result = new int[instance.DemandCount];
        for (var i = 0; i < instance.DemandCount; i++)
        {
            var best = -1;
            var bestD = double.PositiveInfinity;
            foreach (var j in ordered)
            {
                var d = instance.Distance(i, j);
                if (d < bestD)
                {
                    best = j;
                    bestD = d;
                }
            }

            result[i] = withinRadius && bestD > instance.RadiusMetres ? -1 : best;
        }

        return result;
    }

    private static bool[] ToSet(SitingInstance instance, IReadOnlyCollection<int> chosen)
    {
        var set = new bool[instance.CandidateCount];
        foreach (var j in chosen)
        {
            set[j] = true;
        }

        return set;
    }
}
