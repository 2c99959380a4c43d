using Facilities.Core.Optimisation;

namespace Facilities.Optimisation.OrTools.Tests;

/// <summary>Random small siting instances (fixed seeds) and their optimum by enumerating every p-subset.</summary>
internal static class SmallInstances
{
    /// <summary>Points and candidates scattered over a 3 km square, pupils 0–200, radius 700 m.</summary>
    public static SitingInstance Random(int seed, int points, int candidates, int p)
    {
        var random = new Random(seed);
        double[] Coordinates(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 3000)];
        var dx = Coordinates(points);
        var dy = Coordinates(points);
        // Whole pupils with some empty points, like a demand grid.
        var w = Enumerable.Range(0, points).Select(_ => random.Next(5) == 0 ? 0.0 : random.Next(1, 200)).ToArray();
        return new SitingInstance(dx, dy, w, Coordinates(candidates), Coordinates(candidates), 700, p);
    }

    /// <summary>The best objective over every p-subset of the candidates.</summary>
    public static double BruteForce(SitingInstance instance, SitingModel model)
    {
        var best = model == SitingModel.MaximalCovering ? double.NegativeInfinity : double.PositiveInfinity;
        foreach (var subset in Subsets(instance.CandidateCount, instance.P))
        {
            var v = SitingEvaluator.Objective(instance, model, subset);
            best = model == SitingModel.MaximalCovering ? Math.Max(best, v) : Math.Min(best, v);
        }

        return best;
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        var index = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return [.. index];
            var i = k - 1;
            while (i >= 0 && index[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            index[i]++;
            for (var t = i + 1; t < k; t++)
            {
                index[t] = index[t - 1] + 1;
            }
        }
    }
}
