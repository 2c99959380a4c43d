namespace Facilities.Core.Datasets;

/// <summary>Why a dataset's store could not be reached or used (each has its own exit code in the CLI, docs/cli.md).</summary>
public enum DatasetProblem
{
    /// <summary>The database server does not answer (not running, wrong host or port, a firewall).</summary>
    ServerUnreachable,

    /// <summary>The server answers but has no database by that name.</summary>
    DatabaseMissing,

    /// <summary>The server refused the user name or password.</summary>
    AuthenticationFailed,

    /// <summary>The database has no PostGIS extension.</summary>
    PostGisMissing,

    /// <summary>The database has no dataset under that name (schema).</summary>
    DatasetMissing,

    /// <summary>Any other failure the database reported.</summary>
    DatabaseError,
}
