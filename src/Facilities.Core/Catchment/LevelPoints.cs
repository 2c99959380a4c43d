namespace Facilities.Core.Catchment;

/// <summary>One level's demand points after allocation: where pupils live and how many no school took.</summary>
/// <param name="Level">School level.</param>
/// <param name="Points">Demand points (metric CRS).</param>
/// <param name="WardRanges">For each ward of the city, (first point, point count).</param>
/// <param name="Demand">Pupils at each point.</param>
/// <param name="Unserved">Pupils at each point no school took (out of reach, or turned away when capacity-limited).</param>
public sealed record LevelPoints(string Level, DemandPoints Points, IReadOnlyList<(int First, int Count)> WardRanges, double[] Demand, double[] Unserved);
