namespace Facilities.Core.Tracker;

/// <summary>
/// The tracker's security records, in the same database as its cases (SQLite beside the dataset, or PostgreSQL): the
/// audit log (append-only), the sign-in sessions and the recent wrong passwords. Sessions and wrong passwords live in
/// the database, not in a server's memory, so several server processes on one database share them: a user sent to
/// another process stays signed in, a logout on one ends the session on all, and a guesser gets no more tries by
/// spreading them over the processes (a lockout made by one refuses on all). Sessions are keyed by a hash of their id, so the database (or a backup of it) never
/// holds a cookie that would sign anyone in. A database that cannot be reached is
/// <see cref="CaseStoreUnavailableException"/>, as for the case store.
/// </summary>
public interface ITrackerSecurityStore : IDisposable
{
    /// <summary>Appends one line to the audit log; returns once it is durable.</summary>
    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancel = default);

    /// <summary>The audit log, oldest first; only lines at or after <paramref name="since"/> and of <paramref name="actor"/> when given.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(DateTimeOffset? since = null, string? actor = null, CancellationToken cancel = default);

    /// <summary>Records a new session under <paramref name="idHash"/>, and forgets sessions last used before <paramref name="expiredBefore"/>.</summary>
    Task OpenSessionAsync(string idHash, StoredSession session, DateTimeOffset expiredBefore, CancellationToken cancel = default);

    /// <summary>The session with this id hash, or null.</summary>
    Task<StoredSession?> FindSessionAsync(string idHash, CancellationToken cancel = default);

    /// <summary>Moves the session's last use to <paramref name="lastSeen"/> (never backwards).</summary>
    Task TouchSessionAsync(string idHash, DateTimeOffset lastSeen, CancellationToken cancel = default);

    /// <summary>Ends the session; nothing when there is none.</summary>
    Task EndSessionAsync(string idHash, CancellationToken cancel = default);

    /// <summary>The account's lockout as of <paramref name="now"/>, and the wrong passwords of the account and of the address after <paramref name="since"/>.</summary>
    Task<LoginFailures> ReadLoginFailuresAsync(string account, string address, DateTimeOffset since, DateTimeOffset now, CancellationToken cancel = default);

    /// <summary>
    /// Records a wrong password for <paramref name="account"/> from <paramref name="address"/> at <paramref name="at"/>
    /// and, when the account now has at least <paramref name="lockAt"/> failures after <paramref name="since"/>
    /// and is not locked, locks it until <paramref name="lockUntil"/>; true when this call locked it. Atomic across
    /// threads and processes: of failures recorded at once, exactly one reaches <paramref name="lockAt"/>. Failures
    /// before <paramref name="since"/> and lockouts ended by <paramref name="at"/> are forgotten on the way.
    /// </summary>
    Task<bool> RecordLoginFailureAsync(string account, string address, DateTimeOffset at, DateTimeOffset since, int lockAt, DateTimeOffset lockUntil,
        CancellationToken cancel = default);

    /// <summary>Forgets the account's wrong passwords (a successful sign-in); its address's stay.</summary>
    Task ForgetLoginFailuresAsync(string account, CancellationToken cancel = default);
}
