using Xunit;

namespace Facilities.Testing;

/// <summary>
/// The real Hải Phòng data in ../shared/data/haiphong beside the repository. Tests that use it skip cleanly
/// when the folder is absent (it is not part of the repository).
/// </summary>
public static class SharedData
{
    /// <summary>The Hải Phòng folder, or null when absent.</summary>
    public static string? HaiPhongFolder { get; } = Locate();

    /// <summary>Path of a file in the Hải Phòng folder; skips the test when the folder is absent.</summary>
    public static string HaiPhong(string file)
    {
        if (HaiPhongFolder is null)
        {
            Assert.Skip("../shared/data/haiphong is absent");
        }

        return Path.Combine(HaiPhongFolder, file);
    }

    /// <summary>The repository root (the folder holding Facilities.sln).</summary>
    public static string RepoRoot { get; } = FindUp("Facilities.sln") ?? throw new InvalidOperationException("Facilities.sln not found above the test directory");

    /// <summary>The sample dataset committed in gis-data/.</summary>
    public static string SampleCity => Path.Combine(RepoRoot, "gis-data", "sample-city.gpkg");

    private static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("FACILITIES_SHARED_DATA");
        if (fromEnv is not null && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        var root = FindUp("Facilities.sln");
        var candidate = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "haiphong"));
        return candidate is not null && Directory.Exists(candidate) ? candidate : null;
    }

    private static string? FindUp(string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
