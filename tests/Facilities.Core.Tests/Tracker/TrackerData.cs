using Facilities.Core.Tracker;

namespace Facilities.Core.Tests.Tracker;

/// <summary>Sites, users and times shared by the tracker tests (built-in config and calendar).</summary>
internal static class TrackerData
{
    public static readonly TrackerConfig Config = TrackerConfig.BuiltIn;
    public static readonly WorkingCalendar Calendar = WorkingCalendar.BuiltIn;

    public static readonly CaseSite Xa = new("TH-001", "31001", "xa");
    public static readonly CaseSite DacKhu = new("TH-900", "31999", "dac_khu");

    public static readonly TrackerUser City = new("so.gddt", TrackerRole.CityDepartment);
    public static readonly TrackerUser Official = new("can.bo.31001", TrackerRole.CommuneOfficial, "31001");
    public static readonly TrackerUser OtherOfficial = new("can.bo.31002", TrackerRole.CommuneOfficial, "31002");
    public static readonly TrackerUser Viewer = new("lanh.dao", TrackerRole.Viewer);

    /// <summary>An instant in Vietnam (UTC+7).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static CaseState Start(CaseSite site) => CaseState.NotStarted(site, Config, Calendar);

    /// <summary>Applies the moves in order as <paramref name="user"/>; fails the test on any refusal.</summary>
    public static CaseState Run(CaseState state, TrackerUser user, params (CaseStep To, DateTimeOffset At)[] moves)
    {
        foreach (var (to, at) in moves)
        {
            var outcome = CaseTransitions.Decide(state, user, new TransitionRequest(to, at));
            Assert.True(outcome.Accepted, outcome.Message.En);
            state = state.Apply(outcome.Event!);
        }

        return state;
    }
}
