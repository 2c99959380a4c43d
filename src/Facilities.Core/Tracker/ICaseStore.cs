namespace Facilities.Core.Tracker;

/// <summary>
/// Where cases, their append-only events and the tracker's user accounts are kept (SQLite beside the dataset, or
/// PostgreSQL). Implementations never update or delete an event: <see cref="AppendAsync"/> adds one at
/// <c>expectedVersion + 1</c> or reports a conflict, atomically and durably, so a stale writer never overwrites a
/// newer change. Implementations are safe to call from several threads and processes at once, and asynchronous end to
/// end: a request waiting on the database holds no thread (a synchronous store starved the web server's thread pool
/// under a department's load, issue 12). A database that cannot be reached after one retry is reported as
/// <see cref="CaseStoreUnavailableException"/>; the caller answers "try again later".
/// </summary>
public interface ICaseStore : IDisposable
{
    /// <summary>The events of a case, oldest first; empty when the case has none.</summary>
    Task<IReadOnlyList<CaseEvent>> LoadEventsAsync(string caseId, CancellationToken cancel = default);

    /// <summary>Every case that has at least one event, with its events; only one commune's when <paramref name="communeCode"/> is set.</summary>
    Task<IReadOnlyList<StoredCase>> ListCasesAsync(string? communeCode = null, CancellationToken cancel = default);

    /// <summary>
    /// Appends <paramref name="e"/> to the case of <paramref name="site"/> if the case has exactly
    /// <paramref name="expectedVersion"/> events (and <c>e.Sequence == expectedVersion + 1</c>); otherwise nothing is
    /// written and the answer is <see cref="AppendResult.Conflict"/>. Returns only once the event is durable. Not
    /// cancellable: once sent, a move is either committed and reported, or not written. With <paramref name="audit"/>,
    /// that line is appended to the audit log (<see cref="ITrackerSecurityStore"/>'s table, in the same database) in
    /// the same transaction: both are written or neither; an audit line the database refuses is
    /// <see cref="AuditNotWrittenException"/>, and the event is not written either.
    /// </summary>
    Task<AppendResult> AppendAsync(CaseSite site, int expectedVersion, CaseEvent e, AuditEntry? audit = null);

    /// <summary>The account with this login name, or null.</summary>
    Task<StoredUser?> FindUserAsync(string name, CancellationToken cancel = default);

    /// <summary>Number of accounts (zero before the first one is created).</summary>
    Task<int> CountUsersAsync(CancellationToken cancel = default);

    /// <summary>Creates an account; false when the name is taken.</summary>
    Task<bool> AddUserAsync(StoredUser user, CancellationToken cancel = default);

    /// <summary>
    /// Replaces the role, commune, password hash and disabled flag of the account named <c>user.User.Name</c> and
    /// increments its session epoch, which ends every session the account has open; false when there is no such account.
    /// </summary>
    Task<bool> UpdateUserAsync(StoredUser user, CancellationToken cancel = default);
}
