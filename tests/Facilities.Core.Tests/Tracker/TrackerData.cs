using Facilities.Core.Tracker;

namespace Facilities.Core.Tests.Tracker;

/// <summary>Sites, users and times shared by the tracker tests (built-in config and calendar).</summary>
internal static class TrackerData
{
    public static readonly TrackerConfig Config = TrackerConfig.BuiltIn;
    public static readonly WorkingCalendar Calendar = WorkingCalendar.BuiltIn;

    public static readonly CaseSite Xa = new("TH-001", "31001", "xa");
    public static readonly CaseSite DacKhu = new("TH-900", "31999", "dac_khu");

    /// <summary>An instant in Vietnam (UTC+7).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
