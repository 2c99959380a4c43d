namespace Facilities.Core.Tracker;

/// <summary>
/// Counts a case's working days. A working day counts when it comes after the day of receipt and the clock was
/// running at its start, i.e. after every event dated on earlier days. So the day of receipt is not counted (Civil Code
/// 2015 Art. 147(3): a period that starts with an event starts the day after it), the day a case is paused still
/// counts, and the day it resumes does not (like a new receipt). The period ends at the end of its last day (Art. 148).
/// </summary>
internal sealed class CaseClock
{
    private readonly WorkingCalendar _calendar;
    private readonly List<Segment> _segments = [];

    /// <summary>
    /// A clock over the changes of a case: each instant with what the clock does after it. Every procedure counts with
    /// this one clock, the certificate's and the others (<see cref="Procedures.ProcedureState"/>), so the rules above are
    /// the same for all; a limit in calendar days passes a calendar on which every day is a working day.
    /// </summary>
    public CaseClock(IEnumerable<(DateTimeOffset At, StepClock Clock)> changes, WorkingCalendar calendar, int limit)
    {
        _calendar = calendar;
        foreach (var (at, clock) in changes)
        {
            var from = calendar.LocalDate(at).AddDays(1);
            var segment = new Segment(from, clock);
            if (_segments.Count > 0 && _segments[^1].From == from)
            {
                _segments[^1] = segment;
            }
            else
            {
                _segments.Add(segment);
            }
        }

        DueDate = FindDueDate(limit);
    }

    /// <summary>The last day of the limit, or null while the clock is paused or stopped short of it.</summary>
    public DateOnly? DueDate { get; }

    /// <summary>Working days counted from the day after receipt up to and including <paramref name="asOf"/>.</summary>
    public int Elapsed(DateOnly asOf)
    {
        var count = 0;
        for (var i = 0; i < _segments.Count && _segments[i].From <= asOf; i++)
        {
            if (_segments[i].Clock != StepClock.Runs)
            {
                continue;
            }

            var last = i + 1 < _segments.Count ? _segments[i + 1].From.AddDays(-1) : asOf;
            count += _calendar.CountWorkingDays(_segments[i].From.AddDays(-1), last < asOf ? last : asOf);
        }

        return count;
    }

    private DateOnly? FindDueDate(int limit)
    {
        var remaining = limit;
        for (var i = 0; i < _segments.Count; i++)
        {
            if (_segments[i].Clock != StepClock.Runs)
            {
                continue;
            }

            var before = _segments[i].From.AddDays(-1);
            if (i + 1 == _segments.Count)
            {
                return _calendar.AddWorkingDays(before, remaining);
            }

            var counted = _calendar.CountWorkingDays(before, _segments[i + 1].From.AddDays(-1));
            if (counted >= remaining)
            {
                return _calendar.AddWorkingDays(before, remaining);
            }

            remaining -= counted;
        }

        return null;
    }

    private readonly record struct Segment(DateOnly From, StepClock Clock);
}
