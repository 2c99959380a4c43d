using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// The content hash of a GeoPackage, kept in the file beside the change counter it belongs to
/// (<see cref="GeoPackageChangeCounter"/>): a short command reads one row instead of hashing every row (about 1 s at
/// a million parcels). The hash is computed again whenever the counter or the schema moved, the triggers are not all
/// there, or the file has no state table; it is stored when the file can be written, and a read-only file simply has
/// it computed every time.
/// </summary>
internal static class GeoPackageHashCache
{
    /// <summary>The dataset's content hash, from the cache when it is fresh, otherwise computed (and kept if possible).</summary>
    public static string ContentHash(string path) => ContentHash(path, out _);

    /// <summary>As <see cref="ContentHash(string)"/>; <paramref name="wrote"/> says whether this call wrote into the file
    /// (the hash kept, or the triggers put back), which changes the file's size and time but not its content.</summary>
    public static string ContentHash(string path, out bool wrote)
    {
        wrote = false;
        var full = Path.GetFullPath(path);
        var seen = Read(full);
        if (seen is { Fresh: true })
        {
            return seen.Hash!;
        }

        if (seen is { Intact: false } && (wrote = GeoPackageOptionalWrite.Try(full, (c, tx) =>
            {
                // A tool that knows nothing of our triggers dropped a table and wrote it again: put them back, so
                // the edits after this one are counted again.
                GeoPackageChangeCounter.Install(c, tx);
                return true;
            })))
        {
            seen = Read(full);
        }

        var hash = GeoPackageContentHash.Compute(full);
        if (seen is { Intact: true })
        {
            // Kept only if nothing moved while it was computed: every edit since `seen` raised the counter or the
            // schema cookie, since the triggers were all there.
            wrote |= GeoPackageOptionalWrite.Try(full, (c, tx) =>
            {
                var now = GeoPackageChangeCounter.Read(c, tx);
                if (now is null || !now.Intact || now.Changes != seen.Changes || now.Key != seen.Key)
                {
                    return false;
                }

                GeoPackageChangeCounter.Store(c, tx, now.Changes, now.Key, hash);
                return true;
            });
        }

        return hash;
    }

    private static GeoPackageCounterState? Read(string full)
    {
        using var c = GeoPackageDataset.OpenExisting(full, SqliteOpenMode.ReadOnly);
        using var tx = c.BeginTransaction(deferred: true);
        return GeoPackageChangeCounter.Read(c, tx);
    }
}
