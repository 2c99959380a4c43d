using Facilities.Core.Tracker;

namespace Facilities.Web.Tracker;

/// <summary>The JSON shapes of the tracker API (docs/web-api.md), built from derived case states.</summary>
internal static class CaseJson
{
    public static Dictionary<string, object?> Case(TrackerContext t, CaseState state, DateOnly today, bool withMoves)
    {
        var sum = state.Summarize(today);
        var info = t.Info(state.Site.SiteId);
        var json = new Dictionary<string, object?>
        {
            ["siteId"] = state.Site.SiteId,
            ["schoolName"] = info.Name,
            ["communeCode"] = state.Site.CommuneCode,
            ["communeName"] = t.CommuneName(state.Site.CommuneCode),
            ["step"] = CaseSteps.Code(state.Step),
            ["stepName"] = Name(t, state.Step),
            ["version"] = state.Version,
            ["certified"] = t.Sites.Certified.Contains(state.Site.SiteId),
            ["receivedOn"] = Day(sum.ReceivedOn),
            ["receivedAt"] = Instant(t, state.Events.FirstOrDefault(e => e.To == CaseStep.Received)?.At),
            ["lastChangeAt"] = Instant(t, state.LastChangeAt),
            ["dueDate"] = Day(sum.DueDate),
            ["timeLimitDays"] = sum.TimeLimitDays,
            ["workingDaysUsed"] = sum.ReceivedOn is null ? null : sum.ElapsedWorkingDays,
            ["workingDaysLeft"] = sum.ReceivedOn is null || state.IsClosed ? null : sum.RemainingWorkingDays,
            ["clock"] = sum.Clock.ToString().ToLowerInvariant(),
            ["overdue"] = sum.IsOverdue,
            ["asOf"] = Day(today),
            ["lon"] = info.Lon,
            ["lat"] = info.Lat,
        };
        if (withMoves)
        {
            json["allowedMoves"] = state.AllowedMoves.Select(m => new { step = CaseSteps.Code(m), name = Name(t, m) }).ToList();
        }

        return json;
    }

    public static object Event(TrackerContext t, CaseEvent e) => new
    {
        sequence = e.Sequence,
        at = Instant(t, e.At),
        user = e.Actor,
        role = TrackerRoles.Code(e.Role),
        from = CaseSteps.Code(e.From),
        to = CaseSteps.Code(e.To),
        note = e.Note,
        attachments = e.Attachments,
    };

    public static object Name(TrackerContext t, CaseStep step)
    {
        var name = t.Service.Config.StepName(step);
        return new { vi = name.Vi, en = name.En };
    }

    /// <summary>
    /// An instant in the calendar's time zone (Vietnam, +07:00), so the page shows the local time the deadline rules
    /// count in whatever zone the browser is set to.
    /// </summary>
    private static string? Instant(TrackerContext t, DateTimeOffset? at) =>
        at?.ToOffset(t.Service.Calendar.Rules.UtcOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
