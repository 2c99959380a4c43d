namespace Facilities.Optimisation.OrTools;

/// <summary>The OR-Tools version in use, for reports and stamps.</summary>
public static class OrToolsInfo
{
    /// <summary>"9.15.6755" (the managed assembly's version, which follows the native library's).</summary>
    public static string Version { get; } = typeof(Google.OrTools.LinearSolver.Solver).Assembly.GetName().Version?.ToString(3) ?? "?";
}
