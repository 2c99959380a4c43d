namespace Facilities.Core.Tracker.Reporting;

/// <summary>One commune's figures (or the city's, with a null code).</summary>
/// <param name="CommuneCode">The commune, or null for the whole city.</param>
/// <param name="Sites">School sites in the area.</param>
/// <param name="AtStep">Sites at each step on the period's last day, by procedure code then step code.</param>
/// <param name="Current">Started, finished and overdue in the period, by procedure.</param>
/// <param name="Previous">The same for the previous period, by procedure (the trend).</param>
/// <param name="ReadyToBuild">Sites ready to build on the period's last day.</param>
public sealed record AreaReport(
    string? CommuneCode,
    int Sites,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> AtStep,
    IReadOnlyDictionary<string, ReportCounts> Current,
    IReadOnlyDictionary<string, ReportCounts> Previous,
    int ReadyToBuild);
