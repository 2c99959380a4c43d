using System.Diagnostics;

namespace Facilities.Core.Optimisation;

/// <summary>
/// The joint model's greedy heuristic: add the feasible option (school or combined school on a free site) that adds
/// most to the weighted coverage, lowest index on a tie, while one adds anything; then complete the levels still
/// short of schools (<see cref="JointEvaluator.Complete"/>). The fallback without an exact solver.
/// </summary>
public static class JointGreedy
{
    /// <summary>Solves <paramref name="instance"/> greedily.</summary>
    public static JointSitingSolution Solve(JointSitingInstance instance)
    {
        var watch = Stopwatch.StartNew();
        var chosen = new List<int>();
        var current = 0.0;
        while (true)
        {
            var best = -1;
            var bestValue = current;
            for (var o = 0; o < instance.Options.Count; o++)
            {
                if (chosen.Contains(o))
                {
                    continue;
                }

                chosen.Add(o);
                if (JointEvaluator.IsFeasible(instance, chosen))
                {
                    var value = JointEvaluator.Objective(instance, chosen);
                    if (value > bestValue + 1e-9)
                    {
                        best = o;
                        bestValue = value;
                    }
                }

                chosen.RemoveAt(chosen.Count - 1);
            }

            if (best < 0)
            {
                break;
            }

            chosen.Add(best);
            current = bestValue;
        }

        var complete = JointEvaluator.Complete(instance, chosen);
        return new JointSitingSolution
        {
            Method = GreedySiting.MethodName,
            Status = SolveStatus.Heuristic,
            Chosen = complete,
            Objective = JointEvaluator.Objective(instance, complete),
            Seconds = watch.Elapsed.TotalSeconds,
        };
    }
}
