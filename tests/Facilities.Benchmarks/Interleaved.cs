using System.Diagnostics;

namespace Facilities.Benchmarks;

/// <summary>
/// Variants timed in turn within each round (A, B, C, A, B, C, …), so a change in the machine's load falls on all of
/// them alike; medians of the rounds, wall clock and the timing thread's CPU time (<see cref="ThreadCpu"/>; for an SQL
/// variant that is only the client's share).
/// </summary>
public static class Interleaved
{
    /// <summary>Runs every variant <paramref name="warmUp"/> times untimed, then <paramref name="rounds"/> rounds.</summary>
    public static async Task<IReadOnlyList<(string Name, Figures Wall, Figures Cpu)>> MeasureAsync(
        int warmUp, int rounds, params (string Name, Func<Task> Run)[] variants)
    {
        foreach (var (_, run) in variants)
        {
            for (var i = 0; i < warmUp; i++)
            {
                await run();
            }
        }

        var wall = variants.Select(_ => new List<double>()).ToArray();
        var cpu = variants.Select(_ => new List<double>()).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                // The CPU clock is per thread: an await may resume elsewhere, so only a synchronous run is counted.
                var thread = Environment.CurrentManagedThreadId;
                var cpu0 = ThreadCpu.NowMs();
                var watch = Stopwatch.StartNew();
                await variants[v].Run();
                wall[v].Add(watch.Elapsed.TotalMilliseconds);
                cpu[v].Add(thread == Environment.CurrentManagedThreadId ? ThreadCpu.NowMs() - cpu0 : double.NaN);
            }
        }

        return [.. variants.Select((v, i) => (v.Name, Of(wall[i]), Of(cpu[i])))];
    }

    private static Figures Of(List<double> times)
    {
        var sorted = times.Where(t => !double.IsNaN(t)).Order().ToList();
        if (sorted.Count == 0)
        {
            return new Figures(double.NaN, double.NaN, double.NaN, 0);
        }

        var n = sorted.Count;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        return new Figures(median, sorted[0], sorted[^1], n);
    }
}
