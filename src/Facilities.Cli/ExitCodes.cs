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

    /// <summary>The PostgreSQL server of a dataset location does not answer (not running, wrong host or port).</summary>
    public const int ServerUnreachable = 7;

    /// <summary>The PostgreSQL server has no database by the location's name.</summary>
    public const int DatabaseMissing = 8;

    /// <summary>The PostgreSQL server refused the user name or password.</summary>
    public const int AuthenticationFailed = 9;

    /// <summary>The database has no PostGIS extension.</summary>
    public const int PostGisMissing = 10;

    /// <summary>The database holds no dataset in the location's schema.</summary>
    public const int DatasetMissing = 11;

    /// <summary>Any other failure the database reported (a one-line message names it).</summary>
    public const int DatabaseError = 12;

    /// <summary>The exit code of a dataset store's failure.</summary>
    public static int Of(Facilities.Core.Datasets.DatasetProblem problem) => problem switch
    {
        Facilities.Core.Datasets.DatasetProblem.ServerUnreachable => ServerUnreachable,
        Facilities.Core.Datasets.DatasetProblem.DatabaseMissing => DatabaseMissing,
        Facilities.Core.Datasets.DatasetProblem.AuthenticationFailed => AuthenticationFailed,
        Facilities.Core.Datasets.DatasetProblem.PostGisMissing => PostGisMissing,
        Facilities.Core.Datasets.DatasetProblem.DatasetMissing => DatasetMissing,
        _ => DatabaseError,
    };
}
