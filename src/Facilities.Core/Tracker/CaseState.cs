using System.Collections.Immutable;

namespace Facilities.Core.Tracker;

/// <summary>
/// A case as derived from its events: current step, version, deadline and working days elapsed. Immutable:
/// <see cref="Apply"/> returns a new state, and <see cref="Replay"/> folds a stored history the same way, so a
/// replayed state always equals the one built event by event.
/// </summary>
public sealed class CaseState
{
    private readonly ImmutableList<CaseEvent> _events;
    private readonly CaseClock _clock;

    private CaseState(CaseSite site, TrackerConfig config, WorkingCalendar calendar, ImmutableList<CaseEvent> events,
        CaseStep step, CaseStep? resumeStep, DateOnly? receivedOn)
    {
        Site = site;
        Config = config;
        Calendar = calendar;
        _events = events;
        Step = step;
        ResumeStep = resumeStep;
        ReceivedOn = receivedOn;
        TimeLimit = config.TimeLimitFor(site);
        _clock = new CaseClock(events.Select(e => (e.At, config.ClockAt(e.To))), calendar, TimeLimit.WorkingDays);
    }

    /// <summary>The site.</summary>
    public CaseSite Site { get; }

    /// <summary>The configuration the state was derived with.</summary>
    public TrackerConfig Config { get; }

    /// <summary>The working-day calendar the state was derived with.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>The history, oldest first.</summary>
    public IReadOnlyList<CaseEvent> Events => _events;

    /// <summary>The current step.</summary>
    public CaseStep Step { get; }

    /// <summary>For a returned or suspended case, the step it left and may go back to.</summary>
    public CaseStep? ResumeStep { get; }

    /// <summary>Number of events: the version a change must be based on.</summary>
    public int Version => _events.Count;

    /// <summary>Local date the dossier was received, if it was.</summary>
    public DateOnly? ReceivedOn { get; }

    /// <summary>The limit that applies to this site.</summary>
    public TimeLimit TimeLimit { get; }

    /// <summary>When the last event was recorded.</summary>
    public DateTimeOffset? LastChangeAt => _events.IsEmpty ? null : _events[^1].At;

    /// <summary>Last day of the limit; null while the clock is paused or stopped before reaching it.</summary>
    public DateOnly? DueDate => _clock.DueDate;

    /// <summary>Whether the clock runs, is paused or has stopped at the current step.</summary>
    public StepClock Clock => Config.ClockAt(Step);

    /// <summary>Whether the case has ended (handed over, rejected or withdrawn).</summary>
    public bool IsClosed => CaseSteps.IsTerminal(Step);

    /// <summary>The steps the case may move to now.</summary>
    public IReadOnlyList<CaseStep> AllowedMoves => TransitionTable.AllowedFrom(Step, ResumeStep);

    /// <summary>For a handed-over case, whether it finished after its due date; null otherwise.</summary>
    public bool? FinishedLate => Step == CaseStep.HandedOver
        ? ElapsedWorkingDays(Calendar.LocalDate(_events[^1].At)) > TimeLimit.WorkingDays
        : null;

    /// <summary>A site with no case yet.</summary>
    public static CaseState NotStarted(CaseSite site, TrackerConfig config, WorkingCalendar calendar) =>
        new(site, config, calendar, [], CaseStep.NotStarted, null, null);

    /// <summary>
    /// Folds a stored history into the state; throws <see cref="CaseHistoryException"/> naming the first event that
    /// does not follow (sequence gap, move not in the table, time going backwards).
    /// </summary>
    public static CaseState Replay(CaseSite site, IEnumerable<CaseEvent> events, TrackerConfig config, WorkingCalendar calendar)
    {
        var state = NotStarted(site, config, calendar);
        foreach (var e in events)
        {
            state = state.Apply(e);
        }

        return state;
    }

    /// <summary>The state after one more event; throws <see cref="CaseHistoryException"/> if it does not follow.</summary>
    public CaseState Apply(CaseEvent e)
    {
        if (e.Sequence != Version + 1)
        {
            throw new CaseHistoryException(e.Sequence, $"expected sequence {Version + 1}");
        }

        if (e.From != Step)
        {
            throw new CaseHistoryException(e.Sequence, $"starts from {CaseSteps.Code(e.From)} but the case is at {CaseSteps.Code(Step)}");
        }

        if (!TransitionTable.IsAllowed(Step, e.To, ResumeStep))
        {
            throw new CaseHistoryException(e.Sequence, $"{CaseSteps.Code(e.From)} → {CaseSteps.Code(e.To)} is not an allowed move");
        }

        if (LastChangeAt is DateTimeOffset last && e.At < last)
        {
            throw new CaseHistoryException(e.Sequence, "is dated before the event it follows");
        }

        if (!WorkingCalendar.Supports(Calendar.LocalDate(e.At)) || string.IsNullOrWhiteSpace(e.Actor) || e.Note is null || e.Attachments is null)
        {
            throw new CaseHistoryException(e.Sequence, "has no actor, a missing note or attachment list, or a date outside 1901–2199");
        }

        var resume = CaseSteps.IsInterruption(e.To) ? Step : (CaseStep?)null;
        var received = ReceivedOn ?? (e.To == CaseStep.Received ? Calendar.LocalDate(e.At) : null);
        return new CaseState(Site, Config, Calendar, _events.Add(e), e.To, resume, received);
    }

    /// <summary>Working days counted up to and including <paramref name="asOf"/> (paused periods excluded).</summary>
    public int ElapsedWorkingDays(DateOnly asOf) => _clock.Elapsed(asOf);

    /// <summary>The limit minus the days elapsed on <paramref name="asOf"/> (negative when overdue).</summary>
    public int RemainingWorkingDays(DateOnly asOf) => TimeLimit.WorkingDays - ElapsedWorkingDays(asOf);

    /// <summary>Whether an open, received case has used more working days than its limit on <paramref name="asOf"/>.</summary>
    public bool IsOverdue(DateOnly asOf) => ReceivedOn is not null && !IsClosed && RemainingWorkingDays(asOf) < 0;

    /// <summary>The derived figures on <paramref name="asOf"/>.</summary>
    public CaseSummary Summarize(DateOnly asOf) => new(Site.SiteId, Site.CommuneCode, Step, ResumeStep, Version, ReceivedOn,
        TimeLimit.WorkingDays, ElapsedWorkingDays(asOf), RemainingWorkingDays(asOf), DueDate, Clock, IsOverdue(asOf), asOf);
}
