namespace Facilities.Cli;

/// <summary>Exit codes of the facilities command (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success; warnings may have been printed.</summary>
    public const int Ok = 0;

    /// <summary>The command line was wrong: unknown command, missing or invalid option.</summary>
    public const int Usage = 1;

    /// <summary>The data has errors; nothing was written.</summary>
    public const int DataErrors = 2;

    /// <summary>A file could not be found, read or written (missing, truncated, not UTF-8, not a GeoPackage).</summary>
    public const int FileError = 3;

    /// <summary>An unexpected failure: a bug; please report it with the command that caused it.</summary>
    public const int Internal = 4;

    /// <summary>cases: the login failed, or the user may not read or change that case (HTTP 401/403).</summary>
    public const int Denied = 5;

    /// <summary>cases advance: the case changed since the expected version (HTTP 409); reload and retry.</summary>
    public const int Conflict = 6;
}
