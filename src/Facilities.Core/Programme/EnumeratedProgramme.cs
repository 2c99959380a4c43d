using System.Diagnostics;
using Facilities.Core.Optimisation;

namespace Facilities.Core.Programme;

/// <summary>
/// The optimum by trying every schedule (each action: not taken or one of its start years): the reference the MIP is
/// tested against. Only for tiny instances; larger ones are refused rather than left running.
/// </summary>
public static class EnumeratedProgramme
{
    /// <summary>Most schedules it will try.</summary>
    public const long MaxSchedules = 2_000_000;

    /// <summary>The best feasible schedule, or <see cref="SolveStatus.NoSolution"/> when none keeps the rules.</summary>
    public static ProgrammeSolution Solve(ProgrammeInstance instance)
    {
        var watch = Stopwatch.StartNew();
        var options = instance.Actions.Select(a => a.Kind == ActionKind.Handover ? [null] : new int?[] { null }.Concat(instance.StartYears(a).Select(y => (int?)y)).ToArray()).ToArray();
        var count = options.Aggregate(1.0, (n, o) => n * o.Length);
        if (count > MaxSchedules)
        {
            return new ProgrammeSolution("enumeration", SolveStatus.Skipped, new int?[options.Length], double.NaN, double.NaN, 0, $"{count:0} schedules > {MaxSchedules}");
        }
        var current = new int?[options.Length];
        int?[]? best = null;
        var bestValue = double.PositiveInfinity;
        var digits = new int[options.Length];
        while (true)
        {
            for (var i = 0; i < digits.Length; i++)
            {
                current[i] = options[i][digits[i]];
            }
            var outcome = ProgrammeSchedule.Evaluate(instance, current);
            if (outcome.Feasible && outcome.WeightedPupilYears < bestValue - ProgrammeSchedule.Tolerance)
            {
                bestValue = outcome.WeightedPupilYears;
                best = [.. current];
            }
            var k = 0;
            while (k < digits.Length && ++digits[k] == options[k].Length)
            {
                digits[k++] = 0;
            }
            if (k == digits.Length)
            {
                break;
            }
        }
        return best is null
            ? new ProgrammeSolution("enumeration", SolveStatus.NoSolution, current, double.NaN, double.NaN, watch.Elapsed.TotalSeconds, "no schedule keeps the rules")
            : new ProgrammeSolution("enumeration", SolveStatus.Optimal, best, bestValue, bestValue, watch.Elapsed.TotalSeconds, "");
    }
}
