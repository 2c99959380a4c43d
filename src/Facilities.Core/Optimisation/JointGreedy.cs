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
        var state = new JointState(instance, []);
        while (true)
        {
            var best = -1;
            var bestGain = 1e-9;
            for (var o = 0; o < instance.Options.Count; o++)
            {
                if (state.CanAdd(o) && state.Gain(o) is var gain && gain > bestGain)
                {
                    best = o;
                    bestGain = gain;
                }
            }

            if (best < 0)
            {
                break;
            }

            state.Add(best);
        }

        var complete = JointEvaluator.Complete(instance, state.Chosen);
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
