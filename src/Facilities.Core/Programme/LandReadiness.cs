using System.Globalization;
using Facilities.Core.Tracker;

namespace Facilities.Core.Programme;

/// <summary>When a site's land-use certificate (GCN) can be counted on, and so the first year construction may start.</summary>
/// <param name="ReadyOn">The day the certificate is issued or expected.</param>
/// <param name="EarliestStart">First construction year.</param>
/// <param name="Status">What the plan list says, "Vietnamese / English".</param>
/// <param name="Overdue">The tracker's case is past its time limit: the expected day is a risk, not a promise.</param>
public sealed record LandReadiness(DateOnly ReadyOn, int EarliestStart, string Status, bool Overdue)
{
    /// <summary>
    /// The first year a site may start construction: the year its certificate comes if it comes in the first half
    /// (the year's construction season and the annual capital allocation still lie ahead), otherwise the next year;
    /// never before <paramref name="fromYear"/>.
    /// </summary>
    public static int StartYear(DateOnly ready, int fromYear) => Math.Max(fromYear, ready.Month <= 6 ? ready.Year : ready.Year + 1);

    /// <summary>
    /// Readiness of a site from its certificate and its tracker case: issued (or a case handed over) → the horizon's
    /// first year; an open case → its due date (or, while its clock is paused, the working days it has left from
    /// <paramref name="asOf"/>); no case, or a case refused or withdrawn → the whole procedure's time limit from
    /// <paramref name="asOf"/>, as the tracker's procedure sets it for the site's commune.
    /// </summary>
    public static LandReadiness Of(bool certified, CaseState? state, CaseSite site, TrackerConfig config, WorkingCalendar calendar, DateOnly asOf, int fromYear)
    {
        if (certified || state?.Step == CaseStep.HandedOver)
        {
            return new LandReadiness(asOf, fromYear, "đã có GCN / certificate issued", false);
        }
        if (state is { IsClosed: false, Events.Count: > 0 })
        {
            var due = state.DueDate ?? calendar.AddWorkingDays(asOf, Math.Max(0, state.TimeLimit.WorkingDays - state.ElapsedWorkingDays(asOf)));
            var overdue = due < asOf;
            var ready = overdue ? asOf : due;
            var text = string.Create(CultureInfo.InvariantCulture, $"đang làm thủ tục, dự kiến {ready:dd/MM/yyyy}{(overdue ? " (quá hạn)" : "")} / case open, expected {ready:yyyy-MM-dd}{(overdue ? " (overdue)" : "")}");
            return new LandReadiness(ready, StartYear(ready, fromYear), text, overdue);
        }
        var limit = config.TimeLimitFor(site).WorkingDays;
        var full = calendar.AddWorkingDays(asOf, limit);
        var none = string.Create(CultureInfo.InvariantCulture, $"chưa có hồ sơ, cần {limit} ngày làm việc / no case, {limit} working days needed");
        return new LandReadiness(full, StartYear(full, fromYear), none, false);
    }
}
