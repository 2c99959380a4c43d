namespace Facilities.Core.Tracker.Reporting;

/// <summary>What happened to one procedure in one area during a period.</summary>
/// <param name="Started">Dossiers received in the period (the first event, unless it was "not needed").</param>
/// <param name="Finished">Procedures that reached their result in the period.</param>
/// <param name="Overdue">Open procedures past their limit on the period's last day (or the as-of day).</param>
public sealed record ReportCounts(int Started, int Finished, int Overdue);
