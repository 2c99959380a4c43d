namespace Facilities.Core.Programme;

/// <summary>No ward may carry more than <paramref name="Share"/> of the city's unmet need in <paramref name="Year"/> (all levels together).</summary>
/// <param name="Share">Largest share, 0..1.</param>
/// <param name="Year">The year the rule holds in.</param>
public sealed record EquityRule(double Share, int Year)
{
    /// <summary>The rule as "0.1@2030".</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Share}@{Year}");
}
