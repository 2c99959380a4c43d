namespace Facilities.Cli;

/// <summary>
/// What a run prints where. With <paramref name="Json"/> or <paramref name="DataOnStdout"/> stdout carries only the
/// machine-readable output (the summary goes to stderr when the result itself is on stdout); with
/// <paramref name="Quiet"/> only errors are printed.
/// </summary>
internal sealed record UiMode(bool Json, bool Quiet, bool DataOnStdout)
{
    public static readonly UiMode Human = new(false, false, false);
}
