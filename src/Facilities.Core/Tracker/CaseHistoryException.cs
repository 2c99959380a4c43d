namespace Facilities.Core.Tracker;

/// <summary>A stored history that cannot be replayed: a gap in the sequence, a move the table forbids, time going backwards.</summary>
public sealed class CaseHistoryException : Exception
{
    /// <summary>An empty exception.</summary>
    public CaseHistoryException()
    {
    }

    /// <summary>An exception with a message.</summary>
    public CaseHistoryException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with a message and cause.</summary>
    public CaseHistoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An exception about the event with this sequence number.</summary>
    public CaseHistoryException(int sequence, string message)
        : base($"event {sequence}: {message}")
    {
        Sequence = sequence;
    }

    /// <summary>The sequence number of the offending event (0 when not about one event).</summary>
    public int Sequence { get; }
}
