using System.Globalization;

namespace Facilities.Benchmarks;

/// <summary>
/// CPU time of the calling thread in milliseconds, from Linux's <c>/proc/thread-self/schedstat</c> (nanoseconds on a
/// CPU): on a machine shared with other builds, the wall clock of a short computation mostly measures the scheduler; the
/// thread's CPU time much less so.
/// </summary>
internal static class ThreadCpu
{
    /// <summary>The thread's CPU time so far, or NaN where the kernel does not give it.</summary>
    public static double NowMs()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return long.Parse(text.AsSpan(0, end < 0 ? text.Length : end), CultureInfo.InvariantCulture) / 1e6;
        }
        catch (IOException)
        {
            return double.NaN;
        }
        catch (UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }
}
