namespace Facilities.Core.Programme;

/// <summary>Unmet pupils of one ward, level and year before and after a programme (the catchment method's cells summed).</summary>
/// <param name="WardCode">Ward.</param>
/// <param name="Level">Level.</param>
/// <param name="Year">School year.</param>
/// <param name="Before">Before the programme.</param>
/// <param name="After">After the chosen programme.</param>
/// <param name="GreedyAfter">After the greedy programme.</param>
public sealed record TrajectoryRow(string WardCode, string Level, int Year, double Before, double After, double GreedyAfter);
