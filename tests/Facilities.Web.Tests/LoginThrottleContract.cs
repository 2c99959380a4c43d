using Facilities.Web.Security;

namespace Facilities.Web.Tests;

/// <summary>
/// The login throttle's rules (<see cref="LoginThrottle"/>) on a real tracker database a subclass gives, dated by a
/// <see cref="SettableClock"/> (no waiting, no real time): ten wrong passwords in a minute lock the account for fifteen
/// minutes, thirty from one address refuse it until the oldest leaves the minute, a sign-in forgets the account's
/// failures, and two throttles on one database (two server processes) count together, atomically.
/// </summary>
public abstract class LoginThrottleContract : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly SettableClock _clock = new(T0);
    private readonly List<TrackerSecurity> _opened = [];

    /// <summary>The options of a server on this test's own tracker database (the same database on every call).</summary>
    protected abstract WebOptions Options();

    /// <summary>A throttle as one server process has it: its own <see cref="TrackerSecurity"/> on the shared database.</summary>
    private LoginThrottle Process()
    {
        var options = Options();
        var security = new TrackerSecurity(options, options.DatasetPath);
        _opened.Add(security);
        return new LoginThrottle(security, _clock);
    }

    [Fact]
    public async Task The_tenth_wrong_password_in_a_minute_locks_the_account_for_fifteen_minutes_and_only_that_account()
    {
        var throttle = Process();
        for (var i = 0; i < 9; i++)
        {
            _clock.Now = T0.AddSeconds(i);
            Assert.False(await throttle.FailedAsync("xem", "10.0.0.1"));
            Assert.Null(await throttle.RefusedForAsync("xem", "10.0.0.1", TestContext.Current.CancellationToken));
        }

        _clock.Now = T0.AddSeconds(9);
        Assert.True(await throttle.FailedAsync("xem", "10.0.0.1"));
        // Refused from any address, for 15 minutes from the tenth failure; other accounts are not.
        Assert.Equal(TimeSpan.FromMinutes(15), await throttle.RefusedForAsync("xem", "10.0.0.2", TestContext.Current.CancellationToken));
        Assert.Null(await throttle.RefusedForAsync("cb1", "10.0.0.1", TestContext.Current.CancellationToken));
        _clock.Now = T0.AddSeconds(9).AddMinutes(15).AddSeconds(-1);
        Assert.Equal(TimeSpan.FromSeconds(1), await throttle.RefusedForAsync("xem", "10.0.0.1", TestContext.Current.CancellationToken));
        _clock.Now = T0.AddSeconds(9).AddMinutes(15);
        Assert.Null(await throttle.RefusedForAsync("xem", "10.0.0.1", TestContext.Current.CancellationToken));

        // A lockout that ended starts the count again: one more failure does not lock.
        Assert.False(await throttle.FailedAsync("xem", "10.0.0.1"));
    }

    [Fact]
    public async Task Failures_that_left_the_minute_do_not_count_towards_a_lockout()
    {
        var throttle = Process();
        for (var i = 0; i < 9; i++)
        {
            Assert.False(await throttle.FailedAsync("xem", "10.0.0.1"));
        }

        // Exactly one minute later the nine have left the window (a failure counts while it is less than a minute
        // old), so the tenth is the first of a new count.
        _clock.Now = T0.AddMinutes(1);
        Assert.False(await throttle.FailedAsync("xem", "10.0.0.1"));
        Assert.Null(await throttle.RefusedForAsync("xem", "10.0.0.1", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_thirtieth_failure_from_one_address_refuses_it_until_the_oldest_leaves_the_minute()
    {
        var throttle = Process();
        for (var i = 0; i < 30; i++)
        {
            _clock.Now = T0.AddSeconds(i);
            Assert.False(await throttle.FailedAsync($"ten{i}", "10.0.0.5")); // thirty accounts, one failure each
        }

        // At T0+29 s the oldest failure (T0) leaves the minute at T0+60 s: 31 s to wait, for any account.
        Assert.Equal(TimeSpan.FromSeconds(31), await throttle.RefusedForAsync("admin", "10.0.0.5", TestContext.Current.CancellationToken));
        Assert.Null(await throttle.RefusedForAsync("admin", "10.0.0.6", TestContext.Current.CancellationToken));
        _clock.Now = T0.AddSeconds(60);
        Assert.Null(await throttle.RefusedForAsync("admin", "10.0.0.5", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_sign_in_forgets_the_accounts_failures_but_not_its_addresss()
    {
        var throttle = Process();
        for (var i = 0; i < 9; i++)
        {
            Assert.False(await throttle.FailedAsync("xem", "10.0.0.1"));
        }

        await throttle.SucceededAsync("xem");
        Assert.False(await throttle.FailedAsync("xem", "10.0.0.1")); // one failure since the sign-in, not ten

        // The address keeps its ten: twenty more (other accounts) make thirty and refuse it.
        for (var i = 0; i < 20; i++)
        {
            Assert.False(await throttle.FailedAsync($"ten{i}", "10.0.0.1"));
        }

        Assert.Equal(TimeSpan.FromMinutes(1), await throttle.RefusedForAsync("cb1", "10.0.0.1", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_processes_count_one_accounts_failures_together_and_of_ten_at_once_exactly_one_locks_it()
    {
        var a = Process();
        var b = Process();
        for (var i = 0; i < 5; i++)
        {
            Assert.False(await a.FailedAsync("cb1", "10.0.0.1"));
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.False(await b.FailedAsync("cb1", "10.0.0.2"));
        }

        Assert.True(await a.FailedAsync("cb1", "10.0.0.1")); // the tenth, five + four + one
        Assert.Equal(TimeSpan.FromMinutes(15), await b.RefusedForAsync("cb1", "10.0.0.2", TestContext.Current.CancellationToken));

        // Ten wrong passwords for another account at the same instant, through both: whatever the interleaving, one
        // of them counts all ten and locks (counted apart, each could see fewer than ten and none would lock).
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var burst = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await (i % 2 == 0 ? a : b).FailedAsync("xem", $"10.0.1.{i}");
        }, TestContext.Current.CancellationToken)).ToList();
        gate.SetResult();
        Assert.Single(await Task.WhenAll(burst), locked => locked);
        Assert.Equal(TimeSpan.FromMinutes(15), await a.RefusedForAsync("xem", "10.0.9.9", TestContext.Current.CancellationToken));
    }

    public virtual void Dispose()
    {
        _opened.ForEach(s => s.Dispose());
        GC.SuppressFinalize(this);
    }
}
