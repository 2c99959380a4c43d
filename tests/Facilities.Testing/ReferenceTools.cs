using System.Diagnostics;
using Xunit;

namespace Facilities.Testing;

/// <summary>
/// The reference programs tests check against: GDAL (ogrinfo, ogr2ogr) and PROJ (cs2cs). Without them a test
/// skips, unless FACILITIES_REQUIRE_TOOLS=1 (set by the test command, which installs them), where it fails.
/// </summary>
public static class ReferenceTools
{
    /// <summary>Skips (or fails, when tools are required) unless <paramref name="tool"/> is on PATH.</summary>
    public static void Require(string tool)
    {
        if (Find(tool) is not null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") == "1")
        {
            Assert.Fail($"{tool} is required (FACILITIES_REQUIRE_TOOLS=1) but not on PATH; install gdal-bin and proj-bin");
        }

        Assert.Skip($"{tool} not installed (apt-get install gdal-bin proj-bin)");
    }

    /// <summary>Runs a program, returns stdout; fails the test on a non-zero exit.</summary>
    public static string Run(string tool, string arguments, string? stdin = null)
    {
        Require(tool);
        var psi = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        psi.Environment["LC_ALL"] = "C";
        using var p = Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        var stdout = stdoutTask.GetAwaiter().GetResult();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} {arguments} exited {p.ExitCode}: {stderr}");
        return stdout;
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);
}
