namespace Facilities.Core.Tracker;

/// <summary>
/// What the tracker's database holds of recent wrong passwords (<see cref="ITrackerSecurityStore.ReadLoginFailuresAsync"/>),
/// shared by every server process on that database: when the account's lockout ends (null when it is not locked),
/// and the times of the failures of the account and of the address since the start of the window, oldest first.
/// </summary>
public sealed record LoginFailures(DateTimeOffset? AccountLockedUntil, IReadOnlyList<DateTimeOffset> Account, IReadOnlyList<DateTimeOffset> Address);
