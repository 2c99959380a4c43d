namespace Facilities.Web.E2E;

/// <summary>A clock that stays at one instant, so deadlines and "overdue" do not depend on the day the tests run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
