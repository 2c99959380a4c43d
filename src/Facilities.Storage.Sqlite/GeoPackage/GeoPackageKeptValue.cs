using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// A value derived from a GeoPackage's content (the map's parcel density per zoom), kept in the file beside the change
/// counter like the content hash (<see cref="GeoPackageHashCache"/>): in table <c>facilities_derived</c>, one row per
/// name with the counter value and the key it was computed at. It is computed again whenever the counter or the schema
/// moved (an insert, update or delete from any tool, a table dropped and written again), the counter's triggers are not
/// all there, or the caller's own key changed; it is kept only when the file can be written and nothing moved while it
/// was computed. A GeoPackage without the state table (written by another tool) has it computed every time.
/// </summary>
public static class GeoPackageKeptValue
{
    /// <summary>The table of kept values (not a layer: not registered in gpkg_contents).</summary>
    public const string Table = "facilities_derived";

    /// <summary>
    /// The value named <paramref name="name"/> of the GeoPackage at <paramref name="path"/>: the kept one when it is
    /// fresh for <paramref name="key"/> (what else it depends on: its definition's version, the layer's CRS…), else
    /// <paramref name="compute"/>'s, kept when possible.
    /// </summary>
    public static string GetOrCompute(string path, string name, string key, Func<string> compute) => GetOrCompute(path, name, key, compute, out _);

    /// <summary>As <see cref="GetOrCompute(string, string, string, Func{string})"/>; <paramref name="computed"/> says whether <paramref name="compute"/> ran.</summary>
    public static string GetOrCompute(string path, string name, string key, Func<string> compute, out bool computed) =>
        GetOrCompute(path, name, key, compute, out computed, out _);

    /// <summary>
    /// As <see cref="GetOrCompute(string, string, string, Func{string}, out bool)"/>; <paramref name="wrote"/> says
    /// whether the value was written into the file (which changes its size and time but not its content).
    /// </summary>
    public static string GetOrCompute(string path, string name, string key, Func<string> compute, out bool computed, out bool wrote)
    {
        wrote = false;
        ArgumentNullException.ThrowIfNull(compute);
        var full = Path.GetFullPath(path);
        GeoPackageCounterState? seen;
        using (var c = GeoPackageDataset.OpenExisting(full, SqliteOpenMode.ReadOnly))
        using (var tx = c.BeginTransaction(deferred: true))
        {
            seen = GeoPackageChangeCounter.Read(c, tx);
            if (seen is { Intact: true } && Kept(c, tx, name) is { } kept && kept.At == seen.Changes && kept.Key == Key(seen, key))
            {
                computed = false;
                return kept.Value;
            }
        }

        computed = true;
        var value = compute();
        if (seen is { Intact: true })
        {
            wrote = Keep(full, name, key, seen, value);
        }

        return value;
    }

    // Kept only if nothing moved since `seen`: with the triggers all there, every edit raised the counter or the cookie.
    // Read-only file or folder, another writer holding the lock: the caller has the value, it is only not kept.
    private static bool Keep(string full, string name, string key, GeoPackageCounterState seen, string value) =>
        GeoPackageOptionalWrite.Try(full, (c, tx) =>
        {
            var now = GeoPackageChangeCounter.Read(c, tx);
            if (now is null || !now.Intact || now.Changes != seen.Changes || now.Key != seen.Key)
            {
                return false;
            }

            if (!TableExists(c, tx))
            {
                // Creating the table moves the schema cookie, which the kept hash is keyed by: a hash fresh before is
                // the hash after (no row changed), so it is kept again under the new cookie in the same transaction.
                Create(c, tx);
                now = GeoPackageChangeCounter.Read(c, tx)!;
                if (seen.Fresh)
                {
                    GeoPackageChangeCounter.Store(c, tx, now.Changes, now.Key, seen.Hash!);
                }
            }

            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"INSERT OR REPLACE INTO {Table} (name, computed_at, derived_key, value) VALUES ($n, $c, $k, $v)";
            cmd.Parameters.AddWithValue("$n", name);
            cmd.Parameters.AddWithValue("$c", now.Changes);
            cmd.Parameters.AddWithValue("$k", Key(now, key));
            cmd.Parameters.AddWithValue("$v", value);
            cmd.ExecuteNonQuery();
            return true;
        });

    /// <summary>Creates the table when absent (our own writes call this with the counter's triggers, so a file Facilities wrote has it from the start).</summary>
    internal static void Create(SqliteConnection c, SqliteTransaction tx) => GeoPackageSchema.Execute(c, $"""
        CREATE TABLE IF NOT EXISTS {Table} (
          name TEXT PRIMARY KEY NOT NULL, computed_at INTEGER NOT NULL, derived_key TEXT NOT NULL, value TEXT NOT NULL);
        """, tx);

    // The counter's key (hash definition version, schema cookie) and the caller's.
    private static string Key(GeoPackageCounterState state, string key) => state.Key + "; " + key;

    private static (long At, string Key, string Value)? Kept(SqliteConnection c, SqliteTransaction tx, string name)
    {
        if (!TableExists(c, tx))
        {
            return null;
        }

        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT computed_at, derived_key, value FROM {Table} WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        using var r = cmd.ExecuteReader();
        return r.Read() && !r.IsDBNull(0) && !r.IsDBNull(1) && !r.IsDBNull(2) ? (r.GetInt64(0), r.GetString(1), r.GetString(2)) : null;
    }

    private static bool TableExists(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        cmd.Parameters.AddWithValue("$t", Table);
        return (long)cmd.ExecuteScalar()! > 0;
    }
}
