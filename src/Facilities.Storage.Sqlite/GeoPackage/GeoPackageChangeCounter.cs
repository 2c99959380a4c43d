using Facilities.Core.Datasets;
using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// The GeoPackage's change counter (docs/architecture.md, "Content hash"): one row in <c>facilities_state</c> whose
/// <c>changes</c> rises on every insert, update and delete in a table the content hash reads (the schema layers and
/// facilities_metadata), kept by triggers, so an edit from QGIS, GDAL or the sqlite3 shell moves it like one of ours.
/// The cached content hash sits beside it with the counter value and the key it was computed at.
/// </summary>
/// <remarks>
/// SQLite has only row triggers: an edit of n rows raises the counter n times (a single-row update each, in the
/// editing transaction, so a rolled-back edit never moves it). Our own writes drop the triggers first and install
/// them again at the end, so an import or an append of a million rows does not pay for a million updates. The table
/// is not registered in gpkg_contents: it is no layer, and QGIS and GDAL do not list it (GDAL's validator accepts
/// unregistered tables and extra triggers).
/// </remarks>
internal static class GeoPackageChangeCounter
{
    /// <summary>The state table: the counter and the cached hash.</summary>
    public const string Table = "facilities_state";

    private const string TriggerPrefix = "facilities_changes_";
    private static readonly string[] Operations = ["insert", "update", "delete"];

    /// <summary>Creates the state table (and the table of kept derived values) if absent, (re)installs the triggers on every watched table and raises the counter.</summary>
    public static void Install(SqliteConnection c, SqliteTransaction tx)
    {
        GeoPackageSchema.Execute(c, $"""
            CREATE TABLE IF NOT EXISTS {Table} (
              id INTEGER PRIMARY KEY CHECK (id = 1), changes INTEGER NOT NULL DEFAULT 0,
              hashed_at INTEGER, hash_key TEXT, content_hash TEXT);
            INSERT OR IGNORE INTO {Table} (id, changes) VALUES (1, 0);
            UPDATE {Table} SET changes = changes + 1;
            """, tx);
        GeoPackageKeptValue.Create(c, tx);
        Uninstall(c, tx);
        foreach (var trigger in Expected(Watched(c, tx)))
        {
            GeoPackageSchema.Execute(c, trigger.Sql, tx);
        }
    }

    /// <summary>Drops the counter's triggers (before a bulk write of our own, which installs them again after).</summary>
    public static void Uninstall(SqliteConnection c, SqliteTransaction? tx)
    {
        foreach (var name in Present(c, tx).Keys)
        {
            GeoPackageSchema.Execute(c, $"DROP TRIGGER IF EXISTS {GeoPackageSchema.Quote(name)}", tx);
        }
    }

    /// <summary>
    /// The state as one snapshot: null when the file has no state table (a GeoPackage another tool wrote), else the
    /// counter, the cache, the schema cookie and whether every watched table carries exactly our triggers.
    /// </summary>
    public static GeoPackageCounterState? Read(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        cmd.Parameters.AddWithValue("$t", Table);
        if ((long)cmd.ExecuteScalar()! == 0)
        {
            return null;
        }

        cmd.Parameters.Clear();
        cmd.CommandText = $"SELECT changes, hashed_at, hash_key, content_hash FROM {Table} WHERE id = 1";
        long changes;
        long? hashedAt;
        string? key, hash;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                return null;
            }

            changes = r.GetInt64(0);
            hashedAt = r.IsDBNull(1) ? null : r.GetInt64(1);
            key = r.IsDBNull(2) ? null : r.GetString(2);
            hash = r.IsDBNull(3) ? null : r.GetString(3);
        }

        cmd.CommandText = "PRAGMA schema_version";
        var cookie = (long)cmd.ExecuteScalar()!;
        var present = Present(c, tx);
        var expected = Expected(Watched(c, tx));
        var intact = present.Count == expected.Count && expected.All(e => present.TryGetValue(e.Name, out var sql) && sql == e.Sql);
        return new GeoPackageCounterState(changes, hashedAt, key, hash, CacheKey(cookie), intact);
    }

    /// <summary>Keeps <paramref name="hash"/> as the hash at counter value <paramref name="changes"/> and <paramref name="key"/>.</summary>
    public static void Store(SqliteConnection c, SqliteTransaction tx, long changes, string key, string hash)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"UPDATE {Table} SET hashed_at = $c, hash_key = $k, content_hash = $h WHERE id = 1 AND changes = $c";
        cmd.Parameters.AddWithValue("$c", changes);
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$h", hash);
        cmd.ExecuteNonQuery();
    }

    // The hash definition's version and SQLite's schema cookie, which every CREATE/DROP/ALTER raises: a table dropped
    // and written again by a tool that knows nothing of our triggers (ogr2ogr -overwrite) changes it, so a hash
    // cached before never matches afterwards, even though no trigger fired.
    private static string CacheKey(long cookie) => $"hash v{ContentHasher.Version}; schema {cookie}";

    // The tables the content hash reads: the schema layers the file holds as feature tables (as GeoPackageContentHash
    // lists them), and the metadata.
    private static List<string> Watched(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            SELECT c.table_name FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
            WHERE c.data_type = 'features' AND c.table_name IN (SELECT name FROM sqlite_master WHERE type = 'table')
            """;
        var features = new List<string>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                features.Add(r.GetString(0));
            }
        }

        cmd.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{GeoPackageSchema.MetadataTable}'";
        var hasMetadata = (long)cmd.ExecuteScalar()! > 0;
        return [.. ContentHasher.Layers(features), .. hasMetadata ? [GeoPackageSchema.MetadataTable] : Array.Empty<string>()];
    }

    // Trigger name → its exact CREATE text, as sqlite_master keeps it (no IF NOT EXISTS, which SQLite would strip).
    private static List<(string Name, string Sql)> Expected(List<string> tables) =>
        [.. tables.SelectMany(t => Operations.Select(op => (Name: TriggerPrefix + t + "_" + op, Table: t, Op: op)))
            .Select(x => (x.Name, $"CREATE TRIGGER {GeoPackageSchema.Quote(x.Name)} AFTER {x.Op.ToUpperInvariant()} ON {GeoPackageSchema.Quote(x.Table)} " +
                $"BEGIN UPDATE {Table} SET changes = changes + 1; END"))];

    private static Dictionary<string, string> Present(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, {TriggerPrefix.Length}) = '{TriggerPrefix}'";
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            result[r.GetString(0)] = r.IsDBNull(1) ? "" : r.GetString(1);
        }

        return result;
    }
}
