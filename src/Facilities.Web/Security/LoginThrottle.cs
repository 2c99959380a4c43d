using Facilities.Core.Tracker;

namespace Facilities.Web.Security;

/// <summary>
/// Limits password guessing: after <see cref="MaxFailuresPerAccount"/> wrong passwords for one account name within
/// <see cref="Window"/>, the account is locked for <see cref="Lockout"/>, and after <see cref="MaxFailuresPerAddress"/>
/// from one address, that address is refused until enough of them leave the window. A refused attempt is answered
/// without checking the password (no hash is computed), so a locked account cannot be probed further. The failures and
/// lockouts are kept in the tracker's database (<see cref="ITrackerSecurityStore"/>), not in this process: with
/// several server processes behind one proxy a guesser gets no more tries than with one, and a lockout made through
/// one process refuses on all. The rules are here, the store only records and counts (atomically: of wrong passwords
/// sent at once to several processes, exactly one locks the account).
/// </summary>
public sealed class LoginThrottle
{
    /// <summary>Wrong passwords for one account name within <see cref="Window"/> before it is locked.</summary>
    public const int MaxFailuresPerAccount = 10;

    /// <summary>Wrong passwords from one address within <see cref="Window"/> before the address is refused.</summary>
    public const int MaxFailuresPerAddress = 30;

    /// <summary><see cref="Lockout"/> in minutes.</summary>
    public const int LockoutMinutes = 15;

    private readonly TrackerSecurity _security;
    private readonly TimeProvider _time;

    /// <summary>Creates the throttle over the tracker's database, dated by <paramref name="time"/>.</summary>
    public LoginThrottle(TrackerSecurity security, TimeProvider time)
    {
        _security = security;
        _time = time;
    }

    /// <summary>The window failures are counted in.</summary>
    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an account stays locked once it reached <see cref="MaxFailuresPerAccount"/>.</summary>
    public static TimeSpan Lockout { get; } = TimeSpan.FromMinutes(LockoutMinutes);

    /// <summary>How long until the account or address may try again; null when it may now.</summary>
    public async Task<TimeSpan?> RefusedForAsync(string account, string address, CancellationToken cancel)
    {
        var now = _time.GetUtcNow();
        var failures = await _security.Store.ReadLoginFailuresAsync(account, address, now - Window, now, cancel);
        var a = failures.AccountLockedUntil is { } until ? until - now : Wait(failures.Account, MaxFailuresPerAccount, now);
        var b = Wait(failures.Address, MaxFailuresPerAddress, now);
        return a is null ? b : b is null ? a : (a > b ? a : b);
    }

    /// <summary>Records a wrong password; true when this failure locked the account.</summary>
    /// <remarks>Not cancellable: a guesser who hangs up once the password was checked must still be counted.</remarks>
    public Task<bool> FailedAsync(string account, string address)
    {
        var now = _time.GetUtcNow();
        return _security.Store.RecordLoginFailureAsync(account, address, now, now - Window, MaxFailuresPerAccount, now + Lockout, CancellationToken.None);
    }

    /// <summary>Forgets the account's failures after a successful sign-in (its address's stay).</summary>
    public Task SucceededAsync(string account) => _security.Store.ForgetLoginFailuresAsync(account, CancellationToken.None);

    /// <summary>
    /// With <paramref name="max"/> or more failures in the window (<paramref name="times"/>, oldest first), the wait
    /// until enough of them have left it for the count to drop below <paramref name="max"/>; null below the limit.
    /// </summary>
    private static TimeSpan? Wait(IReadOnlyList<DateTimeOffset> times, int max, DateTimeOffset now) =>
        times.Count < max ? null : times[times.Count - max] + Window - now;
}
