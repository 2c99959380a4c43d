using System.Diagnostics;

namespace Facilities.Core.Optimisation;

/// <summary>
/// The greedy heuristic: add sites one at a time, each the one that improves the objective most (lowest index on a
/// tie), until p are chosen. Pure C#; the fallback when the exact solver gives no solution, and the comparison in
/// the report. For maximal covering it is within 1 − 1/e ≈ 63 % of the optimum (coverage is submodular:
/// Nemhauser, Wolsey &amp; Fisher 1978), usually much closer.
/// </summary>
public static class GreedySiting
{
    /// <summary>Method name in reports.</summary>
    public const string MethodName = "greedy";

    /// <summary>Solves <paramref name="instance"/> greedily under <paramref name="model"/>.</summary>
    public static SitingSolution Solve(SitingInstance instance, SitingModel model)
    {
        var watch = Stopwatch.StartNew();
        var chosen = model == SitingModel.MaximalCovering ? Covering(instance) : Median(instance);
        var sorted = chosen.Order().ToArray();
        return new SitingSolution
        {
            Model = model,
            Method = MethodName,
            Status = SolveStatus.Heuristic,
            Chosen = sorted,
            Objective = SitingEvaluator.Objective(instance, model, sorted),
            Seconds = watch.Elapsed.TotalSeconds,
        };
    }

    private static List<int> Covering(SitingInstance instance)
    {
        var coverage = instance.Coverage;
        var gain = new double[instance.CandidateCount];
        for (var j = 0; j < instance.CandidateCount; j++)
        {
            foreach (var i in coverage.PointsOf(j))
            {
                gain[j] += instance.Weight[i];
            }
        }

        var covered = new bool[instance.DemandCount];
        var taken = new bool[instance.CandidateCount];
        var chosen = new List<int>(instance.P);
        while (chosen.Count < instance.P)
        {
            var best = Best(gain, taken);
            chosen.Add(best);
            taken[best] = true;
            // Points the new site covers no longer add to any other candidate's gain.
            foreach (var i in coverage.PointsOf(best))
            {
                if (covered[i])
                {
                    continue;
                }

                covered[i] = true;
                foreach (var k in coverage.SitesOf(i))
                {
                    gain[k] -= instance.Weight[i];
                }
            }
        }

        return chosen;
    }

    private static List<int> Median(SitingInstance instance)
    {
        var n = instance.DemandCount;
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var taken = new bool[instance.CandidateCount];
        var chosen = new List<int>(instance.P);
        var cost = new double[instance.CandidateCount];
        while (chosen.Count < instance.P)
        {
            // Cost of the solution with candidate j added; the smallest wins.
            Parallel.For(0, instance.CandidateCount, j =>
            {
                if (taken[j])
                {
                    cost[j] = double.PositiveInfinity;
                    return;
                }

                double sum = 0;
                for (var i = 0; i < n; i++)
                {
                    sum += instance.Weight[i] * Math.Min(nearest[i], instance.Distance(i, j));
                }

                cost[j] = sum;
            });
            var best = Best(cost, taken, minimise: true);
            chosen.Add(best);
            taken[best] = true;
            for (var i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], instance.Distance(i, best));
            }
        }

        return chosen;
    }

    private static int Best(double[] value, bool[] taken, bool minimise = false)
    {
        var best = -1;
        for (var j = 0; j < value.Length; j++)
        {
            if (!taken[j] && (best < 0 || (minimise ? value[j] < value[best] : value[j] > value[best])))
            {
                best = j;
            }
        }

        return best;
    }
}
