using System.Diagnostics;

namespace Facilities.Cli;

/// <summary>
/// With FACILITIES_TRACE=1, each <see cref="Mark"/> writes the time since the process started and since the previous
/// mark to stderr: where a short command's time goes (docs/performance.md), without a profiler.
/// </summary>
internal static class CliTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("FACILITIES_TRACE") == "1";
    private static double _last;

    /// <summary>Writes "trace: <paramref name="step"/> …" when tracing is on.</summary>
    public static void Mark(string step)
    {
        if (!On)
        {
            return;
        }

        var now = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        Console.Error.WriteLine(FormattableString.Invariant($"trace: {step}: {now - _last:0} ms (at {now:0} ms)"));
        _last = now;
    }
}
