namespace Facilities.Core.Tracker.Procedures;

/// <summary>One procedure in a site's chain, with its planned dates.</summary>
/// <param name="State">The procedure's derived state.</param>
/// <param name="ExpectedStart">When it started, or, not started yet, the earliest day it can (its requirements done).</param>
/// <param name="ExpectedFinish">When it ended, its due date, or the projection; null when it cannot finish (rejected, withdrawn, or waiting for one that cannot).</param>
/// <param name="WaitingFor">Required procedures not done yet.</param>
/// <param name="OnCriticalPath">Whether it lies on the path that sets the ready-to-build date.</param>
public sealed record ChainLink(ProcedureState State, DateOnly? ExpectedStart, DateOnly? ExpectedFinish, IReadOnlyList<string> WaitingFor, bool OnCriticalPath)
{
    /// <summary>The procedure's code.</summary>
    public string Procedure => State.Definition.Code;
}
