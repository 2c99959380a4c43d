namespace Facilities.Core.Tracker;

/// <summary>
/// The database refused the audit line of a move (a permission, a full disk, a constraint an operator added), so the
/// move was not written either: a move is never recorded without its audit line. Not a transient failure: trying
/// again fails the same way until an operator fixes the cause, which the message names.
/// </summary>
public sealed class AuditNotWrittenException : Exception
{
    /// <summary>An empty exception.</summary>
    public AuditNotWrittenException()
    {
    }

    /// <summary>An exception with a message.</summary>
    public AuditNotWrittenException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with a message and the database error.</summary>
    public AuditNotWrittenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
