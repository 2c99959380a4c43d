namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>Totals of one layer.</summary>
/// <param name="Table">The table as the GeoPackage describes it.</param>
/// <param name="Count">Number of features.</param>
/// <param name="Sums">Sum of each count or area field, and how many features have a value.</param>
/// <param name="Groups">Features per code, for each enumerated field.</param>
public sealed record LayerSummary(
    GeoPackageTableInfo Table, long Count, IReadOnlyList<FieldTotal> Sums,
    IReadOnlyList<(string Field, IReadOnlyList<(string Code, long Count)> Counts)> Groups);
