using System.Diagnostics;
using Xunit;

namespace Facilities.Testing;

/// <summary>
/// GDAL's GeoPackage conformance checker, validate_gpkg.py (Debian's python3-gdal installs it among the osgeo_utils
/// samples). Without it a test skips, unless FACILITIES_REQUIRE_TOOLS=1, where it fails.
/// </summary>
public static class GeoPackageValidator
{
    private static readonly string[] Candidates =
    [
        "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
        "/usr/local/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
    ];

    /// <summary>Runs the checker on <paramref name="path"/> (every requirement, not stopping at the first) and fails the test with its messages.</summary>
    public static void AssertValid(string path)
    {
        var script = Candidates.FirstOrDefault(File.Exists);
        if (script is null)
        {
            if (Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") == "1")
            {
                Assert.Fail("validate_gpkg.py is required (FACILITIES_REQUIRE_TOOLS=1) but absent; install python3-gdal");
            }

            Assert.Skip("validate_gpkg.py not installed (apt-get install python3-gdal)");
        }

        ReferenceTools.Require("python3");
        var psi = new ProcessStartInfo("python3", ["-W", "ignore", script, "-k", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        var stdout = stdoutTask.GetAwaiter().GetResult();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0 && stdout.Trim().Length == 0, $"validate_gpkg.py {Path.GetFileName(path)} exited {p.ExitCode}:\n{stdout}{stderr}");
    }
}
