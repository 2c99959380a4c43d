using System.Diagnostics;
using System.Globalization;

namespace Facilities.Core.Diagnostics;

/// <summary>
/// Phase marks for profiling a whole command (issue 15, docs/performance.md): with the environment variable
/// <c>FACILITIES_TRACE</c> set, each <see cref="Mark"/> writes to standard error the wall time since the process
/// started, the process's CPU time, the phase's name, the gen-0 collections, the managed heap and the resident set; otherwise it does nothing (one static field read).
/// </summary>
/// <remarks>A trace, not a timer a test may assert on: on a shared machine the figures vary severalfold.</remarks>
public static class PhaseTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("FACILITIES_TRACE") is { Length: > 0 };
    private static readonly Lock Gate = new();

    /// <summary>Whether marks are written.</summary>
    public static bool Enabled => On;

    /// <summary>Writes "trace wall ms, cpu ms, phase" to standard error when tracing is on.</summary>
    public static void Mark(string phase)
    {
        if (!On)
        {
            return;
        }

        using var p = Process.GetCurrentProcess();
        var wall = DateTime.Now - p.StartTime;
        var cpu = p.TotalProcessorTime;
        lock (Gate)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trace {wall.TotalMilliseconds,7:F0} ms wall {cpu.TotalMilliseconds,7:F0} ms cpu  {phase}  (gen0 GCs {GC.CollectionCount(0)}, heap {GC.GetTotalMemory(false) >> 20} MiB, RSS {Environment.WorkingSet >> 20} MiB)"));
        }
    }
}
