namespace Facilities.Core.Tracker;

/// <summary>
/// Where cases, their append-only events and the tracker's user accounts are kept (SQLite beside the dataset, or
/// PostgreSQL). Implementations never update or delete an event: <see cref="Append"/> adds one at
/// <c>expectedVersion + 1</c> or reports a conflict, atomically and durably, so a stale writer never overwrites a
/// newer change. Implementations are safe to call from several threads and processes at once.
/// </summary>
public interface ICaseStore : IDisposable
{
    /// <summary>The events of a case, oldest first; empty when the case has none.</summary>
    IReadOnlyList<CaseEvent> LoadEvents(string caseId);

    /// <summary>Every case that has at least one event, with its events; only one commune's when <paramref name="communeCode"/> is set.</summary>
    IReadOnlyList<StoredCase> ListCases(string? communeCode = null);

    /// <summary>
    /// Appends <paramref name="e"/> to the case of <paramref name="site"/> if the case has exactly
    /// <paramref name="expectedVersion"/> events (and <c>e.Sequence == expectedVersion + 1</c>); otherwise nothing is
    /// written and the answer is <see cref="AppendResult.Conflict"/>. Returns only once the event is durable.
    /// </summary>
    AppendResult Append(CaseSite site, int expectedVersion, CaseEvent e);

    /// <summary>The account with this login name, or null.</summary>
    StoredUser? FindUser(string name);

    /// <summary>Number of accounts (zero before the first one is created).</summary>
    int CountUsers();

    /// <summary>Creates an account; false when the name is taken.</summary>
    bool AddUser(StoredUser user);
}
