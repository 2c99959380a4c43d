using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Facilities.Core.Tracker.Procedures;

/// <summary>
/// One procedure of one site, derived from its events with the procedure's definition: the step, the way back from an
/// interruption, the limit, the working days used and the due date. It counts with the certificate's clock
/// (<see cref="CaseClock"/>): the day of receipt is not counted, paused steps do not count, the due date is the day the
/// count reaches the limit; a limit in calendar days counts every day and ends on a working day.
/// </summary>
public sealed class ProcedureState
{
    private static readonly ConditionalWeakTable<WorkingCalendar, WorkingCalendar> EveryDay = new();
    private readonly ImmutableList<ProcedureEvent> _events;
    private readonly CaseClock _clock;

    private ProcedureState(ProcedureDefinition definition, CaseSite site, WorkingCalendar calendar, ImmutableList<ProcedureEvent> events,
        string step, string? resumeStep, DateOnly? receivedOn)
    {
        Definition = definition;
        Site = site;
        Calendar = calendar;
        _events = events;
        Step = step;
        ResumeStep = resumeStep;
        ReceivedOn = receivedOn;
        Limit = definition.LimitFor(site);
        _clock = new CaseClock(events.Select(e => (e.At, definition.Step(e.To).Clock)), CountingCalendar, Limit.Days);
    }

    /// <summary>The procedure.</summary>
    public ProcedureDefinition Definition { get; }

    /// <summary>The site.</summary>
    public CaseSite Site { get; }

    /// <summary>The working-day calendar.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>The history, oldest first.</summary>
    public IReadOnlyList<ProcedureEvent> Events => _events;

    /// <summary>The current step's code.</summary>
    public string Step { get; }

    /// <summary>The current step's definition.</summary>
    public ProcedureStep CurrentStep => Definition.Step(Step);

    /// <summary>For an interrupted case, the step it left.</summary>
    public string? ResumeStep { get; }

    /// <summary>Number of events (the version a change must be based on).</summary>
    public int Version => _events.Count;

    /// <summary>Local date the dossier was received.</summary>
    public DateOnly? ReceivedOn { get; }

    /// <summary>The limit of this site.</summary>
    public ProcedureLimit Limit { get; }

    /// <summary>When the last event was recorded.</summary>
    public DateTimeOffset? LastChangeAt => _events.IsEmpty ? null : _events[^1].At;

    /// <summary>Whether the procedure has ended (finished, not needed, rejected or withdrawn).</summary>
    public bool IsClosed => CurrentStep.IsTerminal;

    /// <summary>Whether the procedure gave its result or is not needed: what a procedure that requires it waits for.</summary>
    public bool IsDone => CurrentStep.Kind is StepKind.Finish or StepKind.Skip;

    /// <summary>Local date the procedure ended, if it has.</summary>
    public DateOnly? ClosedOn => IsClosed && !_events.IsEmpty ? Calendar.LocalDate(_events[^1].At) : null;

    /// <summary>The moves allowed now.</summary>
    public IReadOnlyList<string> AllowedMoves => Definition.AllowedFrom(Step, ResumeStep);

    /// <summary>
    /// The last day of the limit (a working day), or null while the clock is paused or stopped short of it.
    /// </summary>
    public DateOnly? DueDate
    {
        get
        {
            if (_clock.DueDate is not DateOnly due || Limit.Unit == LimitUnit.WorkingDays)
            {
                return _clock.DueDate;
            }

            while (!Calendar.IsWorkingDay(due))
            {
                due = due.AddDays(1);
            }

            return due;
        }
    }

    /// <summary>Days counted (in the limit's unit) up to and including <paramref name="asOf"/>, pauses excluded.</summary>
    public int Elapsed(DateOnly asOf) => _clock.Elapsed(asOf);

    /// <summary>The limit minus the days counted (negative when overdue).</summary>
    public int Remaining(DateOnly asOf) => Limit.Days - Elapsed(asOf);

    /// <summary>Whether an open, received procedure is past its limit on <paramref name="asOf"/>.</summary>
    public bool IsOverdue(DateOnly asOf) =>
        ReceivedOn is not null && !IsClosed && Remaining(asOf) < 0 && (Limit.Unit == LimitUnit.WorkingDays || DueDate is not DateOnly d || asOf > d);

    /// <summary>For a finished procedure, whether it finished after its due date; null otherwise.</summary>
    public bool? FinishedLate => CurrentStep.Kind == StepKind.Finish && ReceivedOn is not null
        ? ClosedOn > DueDate || Elapsed(ClosedOn!.Value) > Limit.Days
        : null;

    /// <summary>The stays at each step, in order, with working days (for the report's medians).</summary>
    public IReadOnlyList<StepVisit> Visits(DateOnly asOf)
    {
        var list = new List<StepVisit>();
        for (var i = 0; i < _events.Count; i++)
        {
            var entered = Calendar.LocalDate(_events[i].At);
            DateOnly? left = i + 1 < _events.Count ? Calendar.LocalDate(_events[i + 1].At) : null;
            var step = Definition.Step(_events[i].To);
            if (step.IsTerminal)
            {
                continue;
            }

            var through = left ?? (asOf < entered ? entered : asOf);
            list.Add(new StepVisit(step.Code, entered, left, Calendar.CountWorkingDays(entered, through)));
        }

        return list;
    }

    /// <summary>A site with no event in this procedure.</summary>
    public static ProcedureState NotStarted(ProcedureDefinition definition, CaseSite site, WorkingCalendar calendar) =>
        new(definition, site, calendar, [], definition.StartStep.Code, null, null);

    /// <summary>Folds a stored history; throws <see cref="CaseHistoryException"/> at the first event that does not follow.</summary>
    public static ProcedureState Replay(ProcedureDefinition definition, CaseSite site, IEnumerable<ProcedureEvent> events, WorkingCalendar calendar)
    {
        var state = NotStarted(definition, site, calendar);
        foreach (var e in events)
        {
            state = state.Apply(e);
        }

        return state;
    }

    /// <summary>The state after one more event; throws <see cref="CaseHistoryException"/> if it does not follow.</summary>
    public ProcedureState Apply(ProcedureEvent e)
    {
        if (e.Sequence != Version + 1)
        {
            throw new CaseHistoryException(e.Sequence, $"expected sequence {Version + 1}");
        }

        if (e.From != Step || !Definition.IsAllowed(Step, e.To, ResumeStep))
        {
            throw new CaseHistoryException(e.Sequence, $"{e.From} → {e.To} is not an allowed move of {Definition.Code} from {Step}");
        }

        if (LastChangeAt is DateTimeOffset last && e.At < last)
        {
            throw new CaseHistoryException(e.Sequence, "is dated before the event it follows");
        }

        var resume = Definition.Step(e.To).Kind == StepKind.Interruption ? Step : null;
        var received = ReceivedOn ?? (CurrentStep.Kind == StepKind.Start && !Definition.Step(e.To).IsTerminal ? Calendar.LocalDate(e.At) : null);
        return new ProcedureState(Definition, Site, Calendar, _events.Add(e), e.To, resume, received);
    }

    /// <summary>The calendar the clock counts on: the working days, or every day for a limit in calendar days.</summary>
    private WorkingCalendar CountingCalendar => Limit.Unit == LimitUnit.WorkingDays
        ? Calendar
        : EveryDay.GetValue(Calendar, c => new WorkingCalendar(new CalendarRules(c.Rules.UtcOffset, new HashSet<DayOfWeek>(),
            new Dictionary<string, HolidayRule>(), false, "confirmed", "calendar days", new Dictionary<DateOnly, CalendarAdjustment>())));
}
