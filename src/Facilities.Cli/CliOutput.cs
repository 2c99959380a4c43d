using System.CommandLine;

namespace Facilities.Cli;

/// <summary>
/// The output options of info, validate and the result commands (docs/cli.md "In pipelines"): <c>--json</c> (a
/// machine-readable summary, and nothing else, on stdout), <c>--quiet</c> (errors only) and, on result commands,
/// <c>--format csv|geojson</c> for <c>--out -</c> (the result itself on stdout).
/// </summary>
internal static class CliOutput
{
    public const string JsonName = "--json";

    public const string QuietName = "--quiet";

    public const string FormatName = "--format";

    /// <summary>Adds --json and --quiet (and, with <paramref name="result"/>, --format) to <paramref name="cmd"/>.</summary>
    public static void AddTo(Command cmd, bool result)
    {
        cmd.Options.Add(new Option<bool>(JsonName)
        {
            Description = "In tóm tắt JSON (và chỉ nó) ra stdout; lược đồ ở docs/cli.md / print a JSON summary (and nothing else) on stdout; schema in docs/cli.md",
        });
        cmd.Options.Add(new Option<bool>(QuietName, "-q") { Description = "Chỉ in lỗi / print errors only" });
        if (result)
        {
            var format = new Option<string>(FormatName)
            {
                Description = "Với --out -: csv (mặc định) | geojson ra stdout / with --out -: csv (default) | geojson on stdout",
                DefaultValueFactory = _ => "csv",
            };
            format.AcceptOnlyFromAmong("csv", "geojson");
            cmd.Options.Add(format);
        }
    }

    /// <summary>How the command run by <paramref name="r"/> prints: JSON summary, quiet, result on stdout.</summary>
    public static UiMode Mode(ParseResult r)
    {
        var options = r.CommandResult.Command.Options;
        bool Flag(string name) => options.Any(o => o.Name == name) && r.GetValue<bool>(name);
        var outToStdout = options.Any(o => o.Name == "--out" && o is Option<FileInfo>) && r.GetValue<FileInfo>("--out") is { Name: "-" };
        return new UiMode(Flag(JsonName), Flag(QuietName), outToStdout);
    }
}
