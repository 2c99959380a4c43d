using System.Diagnostics;

namespace Facilities.Benchmarks;

/// <summary>Warm-up runs, then the median (and min, max) of timed runs.</summary>
public static class Timing
{
    /// <summary>Times <paramref name="run"/>: <paramref name="warmUp"/> untimed runs, then <paramref name="runs"/> timed ones.</summary>
    public static async Task<Figures> MeasureAsync(Func<Task> run, int warmUp, int runs)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await run();
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
        return new Figures(median, times[0], times[^1], runs);
    }
}
