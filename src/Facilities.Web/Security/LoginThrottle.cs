using System.Collections.Concurrent;

namespace Facilities.Web.Security;

/// <summary>
/// Limits password guessing: after <see cref="MaxFailuresPerAccount"/> wrong passwords for one account name within
/// <see cref="Window"/>, the account is locked for <see cref="Lockout"/>, and after <see cref="MaxFailuresPerAddress"/>
/// from one address, that address is refused for the rest of the window. A refused attempt is answered without
/// checking the password (no hash is computed), so a locked account cannot be probed further.
/// </summary>
public sealed class LoginThrottle
{
    /// <summary>Wrong passwords for one account name within <see cref="Window"/> before it is locked.</summary>
    public const int MaxFailuresPerAccount = 10;

    /// <summary>Wrong passwords from one address within <see cref="Window"/> before the address is refused.</summary>
    public const int MaxFailuresPerAddress = 30;

    private readonly ConcurrentDictionary<string, Failures> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates a throttle with no failures recorded.</summary>
    public LoginThrottle(TimeProvider time) => _time = time;

    /// <summary>The window failures are counted in.</summary>
    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an account stays locked once it reached <see cref="MaxFailuresPerAccount"/>.</summary>
    public static TimeSpan Lockout { get; } = TimeSpan.FromMinutes(LockoutMinutes);

    /// <summary><see cref="Lockout"/> in minutes.</summary>
    public const int LockoutMinutes = 15;

    /// <summary>How long until the account or address may try again; null when it may now.</summary>
    public TimeSpan? RefusedFor(string account, string address)
    {
        var now = _time.GetUtcNow();
        var a = Wait(_accounts, account, MaxFailuresPerAccount, now);
        var b = Wait(_addresses, address, MaxFailuresPerAddress, now);
        return a is null ? b : b is null ? a : (a > b ? a : b);
    }

    /// <summary>Records a wrong password; true when this failure locked the account.</summary>
    public bool Failed(string account, string address)
    {
        var now = _time.GetUtcNow();
        Record(_addresses, address, now, null);
        return Record(_accounts, account, now, MaxFailuresPerAccount);
    }

    /// <summary>Forgets the account's failures after a successful sign-in.</summary>
    public void Succeeded(string account) => _accounts.TryRemove(account, out _);

    private static bool Record(ConcurrentDictionary<string, Failures> map, string key, DateTimeOffset now, int? lockAt)
    {
        if (map.Count > 10_000)
        {
            foreach (var (k, f) in map)
            {
                if (f.Expired(now))
                {
                    map.TryRemove(k, out _);
                }
            }
        }

        var failures = map.GetOrAdd(key, _ => new Failures());
        lock (failures)
        {
            failures.Times.Enqueue(now);
            while (now - failures.Times.Peek() > Window)
            {
                failures.Times.Dequeue();
            }

            if (failures.Times.Count >= lockAt && failures.LockedUntil is null)
            {
                failures.LockedUntil = now + Lockout;
                return true;
            }

            return false;
        }
    }

    private static TimeSpan? Wait(ConcurrentDictionary<string, Failures> map, string key, int max, DateTimeOffset now)
    {
        if (!map.TryGetValue(key, out var failures))
        {
            return null;
        }

        lock (failures)
        {
            if (failures.LockedUntil is { } until)
            {
                if (now < until)
                {
                    return until - now;
                }

                failures.LockedUntil = null;
                failures.Times.Clear();
                return null;
            }

            while (failures.Times.Count > 0 && now - failures.Times.Peek() > Window)
            {
                failures.Times.Dequeue();
            }

            return failures.Times.Count < max ? null : failures.Times.Peek() + Window - now;
        }
    }

    private sealed class Failures
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public DateTimeOffset? LockedUntil { get; set; }

        public bool Expired(DateTimeOffset now) =>
            (LockedUntil is not { } until || until < now) && (Times.Count == 0 || now - Times.Peek() > Window);
    }
}
