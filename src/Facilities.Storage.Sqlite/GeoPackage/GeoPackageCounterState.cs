namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>What <see cref="GeoPackageChangeCounter.Read"/> saw, in one snapshot.</summary>
/// <param name="Changes">The counter.</param>
/// <param name="HashedAt">The counter value the cached hash was computed at, if any.</param>
/// <param name="HashKey">The cache key the cached hash was computed at, if any.</param>
/// <param name="Hash">The cached hash, if any.</param>
/// <param name="Key">The cache key now (hash definition version and schema cookie).</param>
/// <param name="Intact">Whether every watched table carries exactly the counter's triggers.</param>
internal sealed record GeoPackageCounterState(long Changes, long? HashedAt, string? HashKey, string? Hash, string Key, bool Intact)
{
    /// <summary>The cached hash is the hash of the content now: the triggers were there, nothing moved the counter, no DDL ran.</summary>
    public bool Fresh => Intact && Hash is not null && HashedAt == Changes && HashKey == Key;
}
