using Facilities.Cli;

namespace Facilities.Web.Tests;

/// <summary>Runs the real <c>facilities</c> command line in-process.</summary>
internal static class CliRun
{
    public static string Ok(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error);
        Assert.True(code == 0, $"facilities {string.Join(' ', args)} → {code}\n{error}");
        return output.ToString();
    }
}
