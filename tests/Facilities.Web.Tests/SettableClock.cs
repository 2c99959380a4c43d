namespace Facilities.Web.Tests;

/// <summary>A clock the test sets (the server dates transitions and computes deadlines with it).</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
