using System.Collections.Concurrent;

namespace Facilities.Core.Norms;

/// <summary>
/// The keys of the norms a computation read, recorded as they are read (<see cref="NormsSet.RecordingInto"/>), so a
/// result's stamp names the norms it actually depends on instead of a list kept by hand beside the computation.
/// Thread-safe: the screening and the catchment method read norms from several threads.
/// </summary>
public sealed class NormsReadLog
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    /// <summary>The keys read so far, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => [.. _keys.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Records that <paramref name="key"/> was read.</summary>
    public void Add(string key) => _keys.TryAdd(key, 0);

    /// <summary>The keys read that <paramref name="norms"/> marks unconfirmed, in ordinal order (what a stamp lists).</summary>
    public IReadOnlyList<string> Unconfirmed(NormsSet norms) => [.. Keys.Where(k => norms.Contains(k) && norms.Get(k).IsUnconfirmed)];
}
