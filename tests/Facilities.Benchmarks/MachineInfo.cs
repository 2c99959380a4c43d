using System.Runtime.InteropServices;

namespace Facilities.Benchmarks;

/// <summary>What the figures were measured on: cores, CPU model, memory, OS, load and runtime.</summary>
public static class MachineInfo
{
    /// <summary>Lines describing this machine.</summary>
    public static IEnumerable<string> Describe()
    {
        yield return $"cores (nproc): {Environment.ProcessorCount}";
        yield return $"cpu: {FirstValue("/proc/cpuinfo", "model name") ?? "unknown"}";
        var kb = FirstValue("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        yield return $"memory: {(long.TryParse(kb, out var k) ? $"{k / 1024.0 / 1024.0:0.0} GiB" : "unknown")}";
        yield return $"os: {RuntimeInformation.OSDescription}";
        yield return $"load average (1, 5, 15 min) at start: {(File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown")}";
        yield return $"runtime: {RuntimeInformation.FrameworkDescription}, {(IsOptimized() ? "Release" : "Debug (not optimised: use -c Release)")}";
    }

    private static string? FirstValue(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;

    private static bool IsOptimized() =>
        typeof(MachineInfo).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

    /// <summary>Prints the PostgreSQL and PostGIS versions of the server the benchmark talks to.</summary>
    public static async Task PrintServerAsync(Npgsql.NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("SELECT version(), postgis_full_version()");
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"server: {reader.GetString(0)}");
        Console.WriteLine($"postgis: {reader.GetString(1)}");
    }
}
