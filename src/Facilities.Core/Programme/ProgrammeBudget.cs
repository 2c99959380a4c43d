namespace Facilities.Core.Programme;

/// <summary>Public money per year (VND).</summary>
/// <param name="PerYear">Budget by year; a year not listed has none.</param>
/// <param name="CarryOver">Whether money not spent in a year may be spent later (cumulative spend within cumulative budget).</param>
public sealed record ProgrammeBudget(IReadOnlyDictionary<int, decimal> PerYear, bool CarryOver)
{
    /// <summary>The budget of one year (0 when not listed).</summary>
    public decimal Of(int year) => PerYear.TryGetValue(year, out var b) ? b : 0;

    /// <summary>The same budget scaled by <paramref name="factor"/> (scenario "budget-20%" is 0.8).</summary>
    public ProgrammeBudget Scaled(decimal factor) => this with { PerYear = PerYear.ToDictionary(p => p.Key, p => p.Value * factor) };
}
