using Facilities.Core.Tracker.Procedures;

namespace Facilities.Core.Tracker;

/// <summary>
/// The tracker's settings for a run, as both hosts build them: the built-in configuration with an optional calendar
/// file (<c>--calendar</c>: day swaps, extra holidays), its working-day calendar, and the built-in procedures with an
/// optional province file (<c>--procedures</c>). Hosts read the files; a bad one throws <see cref="FormatException"/>
/// naming the file and the entry.
/// </summary>
/// <param name="Config">The configuration.</param>
/// <param name="Calendar">Its working-day calendar.</param>
/// <param name="Procedures">The procedures.</param>
public sealed record TrackerSetup(TrackerConfig Config, WorkingCalendar Calendar, ProcedureCatalog Procedures)
{
    /// <summary>The built-in settings.</summary>
    public static TrackerSetup BuiltIn { get; } = new(TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn, ProcedureCatalog.BuiltIn);

    /// <summary>The built-in settings with the given files' texts (null: none) layered on.</summary>
    public static TrackerSetup Load((string Text, string Name)? calendarFile, (string Text, string Name)? proceduresFile)
    {
        if (calendarFile is null && proceduresFile is null)
        {
            return BuiltIn;
        }

        var config = calendarFile is { } c ? TrackerConfig.BuiltIn.WithCalendarFile(c.Text, c.Name) : TrackerConfig.BuiltIn;
        var calendar = calendarFile is null ? WorkingCalendar.BuiltIn : new WorkingCalendar(config.Calendar);
        var procedures = proceduresFile is { } p ? ProcedureCatalog.BuiltIn.WithOverrides(p.Text, p.Name) : ProcedureCatalog.BuiltIn;
        return new TrackerSetup(config, calendar, procedures);
    }
}
