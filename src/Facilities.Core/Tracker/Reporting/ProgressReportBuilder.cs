using Facilities.Core.Tracker.Procedures;

namespace Facilities.Core.Tracker.Reporting;

/// <summary>
/// Computes the periodic report from every site's procedure histories: one computation for the CLI and the web app.
/// Each figure reads the events dated (local time) up to the period's last day only, so a report of a past period
/// does not change when later events are added.
/// </summary>
public static class ProgressReportBuilder
{
    /// <summary>
    /// The report for <paramref name="period"/> over <paramref name="sites"/> (each with its procedures' full states);
    /// <paramref name="asOf"/> cuts a period that has not ended yet.
    /// </summary>
    public static ProgressReport Build(ProcedureCatalog catalog, ReportPeriod period, DateOnly asOf,
        IReadOnlyList<(CaseSite Site, IReadOnlyDictionary<string, ProcedureState> States)> sites)
    {
        if (period.Start > asOf)
        {
            throw new ArgumentException($"the period {period.Label} starts after {asOf:yyyy-MM-dd}");
        }

        var previous = period.Previous();
        var last = period.End < asOf ? period.End : asOf;
        var atEnd = sites.Select(s => (s.Site, States: Cut(s.States, last))).ToList();
        var atPreviousEnd = sites.Select(s => (s.Site, States: Cut(s.States, previous.End))).ToList();

        AreaReport Area(string? commune)
        {
            bool In(CaseSite s) => commune is null || s.CommuneCode == commune;
            var now = atEnd.Where(x => In(x.Site)).ToList();
            var before = atPreviousEnd.Where(x => In(x.Site)).ToList();
            var atStep = catalog.Procedures.ToDictionary(p => p.Code, p => (IReadOnlyDictionary<string, int>)p.Steps.ToDictionary(
                st => st.Code, st => now.Count(x => x.States[p.Code].Step == st.Code), StringComparer.Ordinal), StringComparer.Ordinal);
            var current = catalog.Procedures.ToDictionary(p => p.Code, p => Counts(now.Select(x => x.States[p.Code]), period.Start, last), StringComparer.Ordinal);
            var prior = catalog.Procedures.ToDictionary(p => p.Code, p => Counts(before.Select(x => x.States[p.Code]), previous.Start, previous.End), StringComparer.Ordinal);
            var ready = now.Count(x => catalog.NeededToBuild.All(n => x.States[n].IsDone));
            return new AreaReport(commune, now.Count, atStep, current, prior, ready);
        }

        var communes = sites.Select(s => s.Site.CommuneCode).Distinct().Order(StringComparer.Ordinal).Select(Area).ToList();

        // Stays that ended in the period, with the office of their step.
        var stays = atEnd.SelectMany(x => x.States.Values.SelectMany(s => s.Visits(last)
                .Where(v => v.Left is DateOnly left && left >= period.Start && left <= last)
                .Select(v => (State: s, Visit: v))))
            .ToList();
        var steps = catalog.Procedures.SelectMany(p => p.Steps.Where(st => st.Kind is StepKind.Normal or StepKind.Interruption).Select(st =>
        {
            var days = stays.Where(x => x.State.Definition.Code == p.Code && x.Visit.Step == st.Code).Select(x => x.Visit.WorkingDays).ToList();
            return new StepTiming(p.Code, st.Code, st.Office, days.Count, Median(days), p.Limits["default"].Days, p.Limits["default"].Unit);
        })).ToList();

        var procedureMedians = catalog.Procedures.ToDictionary(p => p.Code, p => Median([.. atEnd
            .Select(x => x.States[p.Code])
            .Where(s => s.CurrentStep.Kind == StepKind.Finish && s.ClosedOn >= period.Start && s.ClosedOn <= last)
            .Select(s => s.Elapsed(s.ClosedOn!.Value))]), StringComparer.Ordinal);

        var overdue = atEnd.SelectMany(x => x.States.Values.Where(s => s.IsOverdue(last)).Select(s => new OverdueCase(
                x.Site.SiteId, x.Site.CommuneCode, s.Definition.Code, s.Step, s.CurrentStep.Office, s.ReceivedOn!.Value, s.DueDate, -s.Remaining(last))))
            .OrderByDescending(o => o.DaysOver).ThenBy(o => o.SiteId, StringComparer.Ordinal).ThenBy(o => o.Procedure, StringComparer.Ordinal)
            .ToList();

        var offices = stays.Where(x => x.State.Definition.Step(x.Visit.Step).Office is not null)
            .Select(x => (Office: x.State.Definition.Step(x.Visit.Step).Office!, x.Visit.WorkingDays))
            .Concat(overdue.Where(o => o.Office is not null).Select(o => (Office: o.Office!, WorkingDays: -1)))
            .GroupBy(x => x.Office.Vi, StringComparer.Ordinal)
            .Select(g =>
            {
                var days = g.Where(x => x.WorkingDays >= 0).Select(x => x.WorkingDays).ToList();
                return new OfficeTiming(g.First().Office, days.Count, Median(days), days.Sum(), g.Count(x => x.WorkingDays < 0));
            })
            .OrderByDescending(o => o.MedianWorkingDays ?? -1).ThenByDescending(o => o.OverdueHeld).ThenBy(o => o.Office.Vi, StringComparer.Ordinal)
            .ToList();

        return new ProgressReport(period, previous, last, Area(null), communes, steps, procedureMedians, offices, overdue);
    }

    /// <summary>Started, finished and overdue of one procedure over states cut at the period's end.</summary>
    private static ReportCounts Counts(IEnumerable<ProcedureState> states, DateOnly start, DateOnly end)
    {
        var list = states.ToList();
        bool Between(DateOnly? d) => d is DateOnly day && day >= start && day <= end;
        return new ReportCounts(
            list.Count(s => Between(s.ReceivedOn)),
            list.Count(s => s.CurrentStep.Kind == StepKind.Finish && Between(s.ClosedOn)),
            list.Count(s => s.IsOverdue(end)));
    }

    /// <summary>The states replayed from the events dated on or before <paramref name="last"/> (local time).</summary>
    private static Dictionary<string, ProcedureState> Cut(IReadOnlyDictionary<string, ProcedureState> states, DateOnly last) =>
        states.ToDictionary(p => p.Key, p => p.Value.Events.Count == 0 || p.Value.Calendar.LocalDate(p.Value.Events[^1].At) <= last
            ? p.Value
            : ProcedureState.Replay(p.Value.Definition, p.Value.Site, p.Value.Events.Where(e => p.Value.Calendar.LocalDate(e.At) <= last), p.Value.Calendar),
            StringComparer.Ordinal);

    /// <summary>The median (mean of the two middle values for an even count); null for none.</summary>
    public static double? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
