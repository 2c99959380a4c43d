namespace Facilities.Core.Tracker;

/// <summary>
/// The store's database could not be reached or was too busy, even after one retry (a restarted server, all
/// connections in use). Nothing was written by the failed call; a host answers "try again later" (HTTP 503).
/// </summary>
public sealed class CaseStoreUnavailableException : Exception
{
    /// <summary>An empty exception.</summary>
    public CaseStoreUnavailableException()
    {
    }

    /// <summary>An exception with a message.</summary>
    public CaseStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with a message and the database error.</summary>
    public CaseStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
