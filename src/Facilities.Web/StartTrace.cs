using System.Diagnostics;

namespace Facilities.Web;

/// <summary>
/// The server's start, step by step, on standard error when the environment variable
/// <see cref="Variable"/> is set (<c>FACILITIES_TRACE_START=1 facilities serve …</c>): milliseconds since the process
/// started, so the runtime's own start shows as the first gap. What docs/performance.md's start-up figures were
/// profiled with (issue 15); costs one static bool test per mark when unset.
/// </summary>
public static class StartTrace
{
    /// <summary>The environment variable that turns the trace on.</summary>
    public const string Variable = "FACILITIES_TRACE_START";

    private static readonly bool On = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));
    private static readonly DateTime Started = On ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : default;

    /// <summary>Whether the trace is on.</summary>
    public static bool Enabled => On;

    /// <summary>Writes "[start] ms step" when the trace is on.</summary>
    public static void Mark(string step)
    {
        if (On)
        {
            var ms = (DateTime.UtcNow - Started).TotalMilliseconds;
            var gc = GC.CollectionCount(0);
            Console.Error.WriteLine(FormattableString.Invariant($"[start] {ms,8:F1} ms  {step}  (gen0 GCs {gc}, heap {GC.GetTotalMemory(false) >> 20} MiB, RSS {Environment.WorkingSet >> 20} MiB)"));
        }
    }
}
