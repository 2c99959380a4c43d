namespace Facilities.Core.Tracker;

/// <summary>
/// One line of the tracker's audit log: who (<paramref name="Actor"/>, the login name given, also for a failed login),
/// when (<paramref name="At"/>, UTC), from where (<paramref name="Address"/>, the client address after the proxy rule),
/// what (<paramref name="Action"/>, one of <see cref="AuditActions"/>) and its details (<paramref name="Detail"/>: the
/// case and the move, or why a login failed).
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Address, string Action, string Detail);
