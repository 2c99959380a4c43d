using System.Globalization;

namespace Facilities.Benchmarks;

/// <summary>Timed runs in milliseconds.</summary>
/// <param name="MedianMs">Median.</param>
/// <param name="MinMs">Fastest.</param>
/// <param name="MaxMs">Slowest.</param>
/// <param name="Runs">Timed runs.</param>
public sealed record Figures(double MedianMs, double MinMs, double MaxMs, int Runs)
{
    /// <summary>"median 12.3 ms (min 11.9, max 14.0, 21 runs)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"median {MedianMs:0.0} ms (min {MinMs:0.0}, max {MaxMs:0.0}, {Runs} runs)");
}
