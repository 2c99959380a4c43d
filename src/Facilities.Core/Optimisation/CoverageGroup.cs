namespace Facilities.Core.Optimisation;

/// <summary>Demand points that the same candidates cover, merged: their pupils and those candidates.</summary>
/// <param name="Weight">Pupils of the merged points.</param>
/// <param name="Sites">Covering candidates, ascending.</param>
public sealed record CoverageGroup(double Weight, int[] Sites);
