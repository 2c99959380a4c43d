using Facilities.Core.Optimisation;

namespace Facilities.Optimisation.OrTools.Tests;

/// <summary>Random tiny joint instances (fixed seeds), their optimum by enumeration, and the sequential run.</summary>
internal static class JointInstances
{
    /// <summary>
    /// Three levels over a 2 km square, radius 600 m, 1–2 schools each; five single-parcel sites and a sixth made of
    /// the parcels of sites 0 and 1 (so it excludes both); random eligibility and areas; A + B and B + C combine.
    /// </summary>
    public static JointSitingInstance Random(int seed)
    {
        var random = new Random(seed);
        double[] Coordinates(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2000)];
        var sx = Coordinates(6);
        var sy = Coordinates(6);
        var area = Enumerable.Range(0, 6).Select(_ => (double)random.Next(2000, 10000)).ToArray();
        int[][] parcels = [[0], [1], [2], [3], [4], [0, 1]];
        var levels = new[] { "A", "B", "C" }.Select((name, l) =>
        {
            var n = 8;
            var w = Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 100)).ToArray();
            var eligible = Enumerable.Range(0, 6).Select(_ => random.Next(3) > 0).ToArray();
            return new JointLevel(name, Coordinates(n), Coordinates(n), w, 600, random.Next(1, 3), 6 + (2 * l), 3000, eligible);
        }).ToList();
        return new JointSitingInstance(levels, sx, sy, area, parcels, [["A", "B"], ["B", "C"]]);
    }

    /// <summary>The best objective over every feasible subset of the options.</summary>
    public static double BruteForce(JointSitingInstance instance)
    {
        var n = instance.Options.Count;
        var best = 0.0;
        var chosen = new List<int>();
        for (var mask = 0L; mask < 1L << n; mask++)
        {
            chosen.Clear();
            for (var o = 0; o < n; o++)
            {
                if ((mask & (1L << o)) != 0)
                {
                    chosen.Add(o);
                }
            }

            if (JointEvaluator.IsFeasible(instance, chosen))
            {
                best = Math.Max(best, JointEvaluator.Objective(instance, chosen));
            }
        }

        return best;
    }

    /// <summary>
    /// The sequential run: level by level, the single-level options on sites sharing no parcel with earlier choices,
    /// the best subset of at most the level's schools by the level's own coverage (enumerated).
    /// </summary>
    public static List<int> Sequential(JointSitingInstance instance)
    {
        var chosen = new List<int>();
        for (var l = 0; l < instance.Levels.Count; l++)
        {
            var used = chosen.SelectMany(o => instance.SiteParcels[instance.Options[o].Site]).ToHashSet();
            var free = Enumerable.Range(0, instance.Options.Count)
                .Where(o => instance.Options[o].Levels is [var only] && only == l && !instance.SiteParcels[instance.Options[o].Site].Any(used.Contains))
                .ToList();
            List<int> best = [];
            var bestValue = -1.0;
            for (var mask = 0L; mask < 1L << free.Count; mask++)
            {
                var pick = free.Where((_, k) => (mask & (1L << k)) != 0).ToList();
                var trial = chosen.Concat(pick).ToList();
                if (pick.Count > instance.Levels[l].Schools || !JointEvaluator.IsFeasible(instance, trial))
                {
                    continue;
                }

                var value = JointEvaluator.Covered(instance, trial)[l];
                if (value > bestValue + 1e-9)
                {
                    best = pick;
                    bestValue = value;
                }
            }

            chosen.AddRange(best);
        }

        return chosen;
    }
}
