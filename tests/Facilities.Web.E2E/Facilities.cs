using System.Reflection;

namespace Facilities.Web.E2E;

/// <summary>
/// The <c>facilities</c> command run in-process through its entry point, exactly as <c>dotnet facilities.dll</c> runs
/// it: the reference deficit CSV and the tracker accounts come from the CLI a planner uses.
/// </summary>
internal static class Facilities
{
    private static readonly MethodInfo EntryPoint =
        Assembly.Load("facilities").EntryPoint ?? throw new InvalidOperationException("facilities.dll has no entry point");

    /// <summary>Runs one command line; fails the test unless it exits 0.</summary>
    public static void Run(params string[] args)
    {
        var code = (int)EntryPoint.Invoke(null, [args])!;
        Assert.True(code == 0, $"facilities {string.Join(' ', args)} exited {code}");
    }
}
