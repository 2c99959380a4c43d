namespace Facilities.Core.Tracker.Reporting;

/// <summary>The periodic progress report of the school sites' procedures (docs/tracker.md, "Periodic report").</summary>
/// <param name="Period">The period.</param>
/// <param name="PreviousPeriod">The period before it, for the trend.</param>
/// <param name="LastDay">The day figures "at the end" are for: the period's last day, or the as-of day if earlier.</param>
/// <param name="City">The whole city.</param>
/// <param name="Communes">Each commune with sites, by code.</param>
/// <param name="Steps">Time per step, every procedure.</param>
/// <param name="ProcedureMedians">Median working/calendar days from receipt to result of the procedures finished in the period, by procedure (null: none finished).</param>
/// <param name="Offices">Offices, slowest first.</param>
/// <param name="Overdue">Overdue procedures, most days over first.</param>
public sealed record ProgressReport(
    ReportPeriod Period,
    ReportPeriod PreviousPeriod,
    DateOnly LastDay,
    AreaReport City,
    IReadOnlyList<AreaReport> Communes,
    IReadOnlyList<StepTiming> Steps,
    IReadOnlyDictionary<string, double?> ProcedureMedians,
    IReadOnlyList<OfficeTiming> Offices,
    IReadOnlyList<OverdueCase> Overdue);
