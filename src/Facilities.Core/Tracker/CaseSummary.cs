namespace Facilities.Core.Tracker;

/// <summary>A case's derived state on a given day: what lists, reports and the API show.</summary>
/// <param name="SiteId">The school site.</param>
/// <param name="CommuneCode">Its commune.</param>
/// <param name="Step">Current step.</param>
/// <param name="ResumeStep">For a returned or suspended case, the step it will go back to.</param>
/// <param name="Version">Number of events so far (for optimistic concurrency).</param>
/// <param name="ReceivedOn">Local date the dossier was received, if it was.</param>
/// <param name="TimeLimitDays">The limit in working days.</param>
/// <param name="ElapsedWorkingDays">Working days counted up to <paramref name="AsOf"/>, paused periods excluded.</param>
/// <param name="RemainingWorkingDays">Limit minus elapsed (negative when overdue).</param>
/// <param name="DueDate">Last day of the limit; null while the clock is paused or stopped short of the limit.</param>
/// <param name="Clock">Whether the clock runs, is paused or has stopped at the current step.</param>
/// <param name="IsOverdue">Open, received, and more working days elapsed than the limit.</param>
/// <param name="AsOf">The day the figures are for.</param>
public sealed record CaseSummary(
    string SiteId,
    string CommuneCode,
    CaseStep Step,
    CaseStep? ResumeStep,
    int Version,
    DateOnly? ReceivedOn,
    int TimeLimitDays,
    int ElapsedWorkingDays,
    int RemainingWorkingDays,
    DateOnly? DueDate,
    StepClock Clock,
    bool IsOverdue,
    DateOnly AsOf);
