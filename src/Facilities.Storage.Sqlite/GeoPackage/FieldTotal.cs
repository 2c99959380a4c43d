namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>The sum of one numeric field.</summary>
/// <param name="Field">Field name.</param>
/// <param name="Sum">Sum over the features that have a value; null when none has.</param>
/// <param name="WithValue">Number of features with a value.</param>
public sealed record FieldTotal(string Field, double? Sum, long WithValue);
