using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Facilities.Testing;

/// <summary>
/// Runs a Python script under Debian's python3-qgis, headless (QT_QPA_PLATFORM=offscreen), for interop tests with
/// real QGIS; skips when python3-qgis is absent, fails instead under FACILITIES_REQUIRE_TOOLS=1.
/// </summary>
public static class QgisScript
{
    /// <summary>Runs the script at <paramref name="script"/> (a path under the repository's tests) and parses the last line of its output as JSON.</summary>
    public static JsonElement Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Interpreter()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["QT_QPA_PLATFORM"] = "offscreen";
        psi.Environment["XDG_RUNTIME_DIR"] = Path.GetTempPath();
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"QGIS script {Path.GetFileName(script)} exited {p.ExitCode}: {stderr.GetAwaiter().GetResult()}");
        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    /// <summary>The path of a script in tests/<paramref name="project"/>/qgis.</summary>
    public static string In(string project, string script) => Path.Combine(SharedData.RepoRoot, "tests", project, "qgis", script);

    /// <summary>Debian's python3, where apt's python3-qgis lives (a python3 earlier on PATH, e.g. pyenv's, lacks it).</summary>
    private static string Interpreter()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var psi = new ProcessStartInfo(candidate, "-c \"import qgis.core\"") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
                psi.Environment["QT_QPA_PLATFORM"] = "offscreen";
                using var p = Process.Start(psi)!;
                p.WaitForExit();
                if (p.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed at this path; try the next.
            }
        }

        if (Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") == "1")
        {
            Assert.Fail("python3-qgis is required (FACILITIES_REQUIRE_TOOLS=1) but cannot be imported; apt-get install python3-qgis qgis-providers");
        }

        Assert.Skip("python3-qgis not installed (apt-get install python3-qgis qgis-providers)");
        return "";
    }
}
