using System.Security.Cryptography;
using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Schema;
using Facilities.Core.Validation;
using Facilities.Formats;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// A dataset as one GeoPackage file: the embedded default store. Every change is written to a copy beside the
/// file and renamed over it only after the transaction committed, so a failed or killed import leaves the
/// dataset byte-for-byte as it was.
/// </summary>
public static class GeoPackageDataset
{
    /// <summary>Version of the dataset layout written into facilities_metadata.</summary>
    public const string SchemaVersion = "1";

    /// <summary>Fixed gpkg_contents timestamp, so regenerated files differ only where their data does.</summary>
    public const string DefaultLastChange = "2025-07-01T00:00:00.000Z";

    /// <summary>Feature tables of a dataset with their counts, or a <see cref="DataFileException"/> when it is not a GeoPackage.</summary>
    public static List<(GeoPackageTableInfo Table, long Count)> Describe(string path)
    {
        using var c = OpenExisting(path, SqliteOpenMode.ReadOnly);
        var result = new List<(GeoPackageTableInfo, long)>();
        foreach (var t in GeoPackageLayerReader.ListTables(c))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM {GeoPackageSchema.Quote(t.Name)}";
            result.Add((t, (long)cmd.ExecuteScalar()!));
        }

        return result;
    }

    /// <summary>All facilities_metadata entries of a dataset (empty for a foreign GeoPackage).</summary>
    public static SortedDictionary<string, string> Metadata(string path)
    {
        using var c = OpenExisting(path, SqliteOpenMode.ReadOnly);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT key, value FROM facilities_metadata";
        try
        {
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                result[r.GetString(0)] = r.IsDBNull(1) ? "" : r.GetString(1);
            }
        }
        catch (SqliteException)
        {
            // A GeoPackage written by another tool has no metadata table.
        }

        return result;
    }

    /// <summary>Reads one layer (or a table without geometry, as features without geometry), or null when the file does not have it.</summary>
    public static FeatureLayer? ReadLayer(string path, string layer, IssueList? issues = null)
    {
        using var c = OpenExisting(path, SqliteOpenMode.ReadOnly);
        var table = GeoPackageLayerReader.ListTables(c).Find(t => t.Name == layer)
            ?? GeoPackageLayerReader.ListAttributeTables(c).Find(t => t.Name == layer);
        return table is null
            ? null
            : GeoPackageLayerReader.Read(c, table, layer, Path.GetFileName(path), issues ?? new IssueList(Path.GetFileName(path), layer));
    }

    /// <summary>
    /// Writes the layers (replacing same-named ones) and metadata into the dataset at <paramref name="path"/>,
    /// creating it when absent (or, with <paramref name="fresh"/>, starting from an empty file so the result does
    /// not depend on what was there). Atomic: the file is replaced only after everything was written. Every feature
    /// table of the file leaves with a complete R-tree spatial index (rebuilt where another tool's went stale).
    /// </summary>
    /// <param name="path">The GeoPackage.</param>
    /// <param name="layers">Layers to write.</param>
    /// <param name="metadata">facilities_metadata entries to set.</param>
    /// <param name="lastChange">gpkg_contents timestamp.</param>
    /// <param name="progress">Reports features written.</param>
    /// <param name="fresh">Start from an empty file.</param>
    /// <param name="geometryTypes">Declared geometry type per layer name, overriding <see cref="GeometryTypeName"/>
    /// (so an empty result layer is still typed); a null value writes the layer as a table without geometry
    /// (data_type 'attributes').</param>
    /// <param name="index">How R-trees are filled; anything but the default is for the benchmark.</param>
    public static void ReplaceLayers(
        string path, IReadOnlyList<FeatureLayer> layers, IReadOnlyDictionary<string, string> metadata,
        string lastChange = DefaultLastChange, IProgress<WorkProgress>? progress = null, bool fresh = false,
        IReadOnlyDictionary<string, string?>? geometryTypes = null, SpatialIndexFill index = SpatialIndexFill.WhileWriting)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && !fresh)
        {
            // Refuse to touch a file that is not a GeoPackage.
            using var check = OpenExisting(full, SqliteOpenMode.ReadOnly);
        }

        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (File.Exists(full) && !fresh)
            {
                File.Copy(full, temp);
            }

            using (var c = GeoPackageSchema.Open(temp, SqliteOpenMode.ReadWriteCreate))
            {
                // A page cache big enough for the R-tree's nodes (1,000,000 boxes take about 50 MB): with SQLite's 2 MB
                // default, every box inserted re-reads its path of nodes through the pager.
                GeoPackageSchema.Execute(c, "PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144;");
                GeoPackageSqlFunctions.Register(c);
                GeoPackageSchema.EnsureCore(c);
                using var tx = c.BeginTransaction();
                // Our own bulk write is counted once, at the end, rather than once per row by the triggers.
                GeoPackageChangeCounter.Uninstall(c, tx);
                GeoPackageSchema.RegisterMetadataTable(c, tx, lastChange);
                GeoPackageSchema.SetMetadata(c, tx, "schema_version", SchemaVersion);
                foreach (var layer in layers)
                {
                    var type = geometryTypes is not null && geometryTypes.TryGetValue(layer.Name, out var declared) ? declared : GeometryTypeName(layer);
                    GeoPackageLayerWriter.Write(c, tx, layer, type, lastChange, progress, index);
                }

                if (index != SpatialIndexFill.None)
                {
                    GeoPackageRtree.EnsureAll(c, tx);
                }

                // The screening's attribute indexes (issue 15), so the first `sites` on the file does not create them.
                ParcelAttributeIndex.CreateIfParcels(c, tx);

                foreach (var (k, v) in metadata)
                {
                    GeoPackageSchema.SetMetadata(c, tx, k, v);
                }

                GeoPackageChangeCounter.Install(c, tx);
                tx.Commit();
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// The dataset's content hash, lower-case hex: what results are stamped with, the same for the same data in any
    /// store (<see cref="Facilities.Core.Datasets.ContentHasher"/>), unlike the file's bytes.
    /// </summary>
    /// <remarks>Kept in the file beside its change counter and computed again only when the content may have changed
    /// (<see cref="GeoPackageHashCache"/>).</remarks>
    public static string ContentHash(string path) => GeoPackageHashCache.ContentHash(path);

    /// <summary>SHA-256 of a file's bytes, lower-case hex: what an import records of its source file.</summary>
    public static string Hash(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    /// <summary>GeoPackage geometry type for a layer: the schema's, or inferred from its features.</summary>
    public static string GeometryTypeName(FeatureLayer layer)
    {
        if (DatasetSchema.Find(layer.Name) is { } schema)
        {
            return schema.Geometry switch
            {
                GeometryKind.Point => "POINT",
                GeometryKind.Polygon => "MULTIPOLYGON",
                _ => "GEOMETRY",
            };
        }

        var types = layer.Features.Where(f => f.Geometry is not null).Select(f => f.Geometry!.OgcGeometryType).Distinct().ToList();
        return types.Count == 1 ? types[0] switch
        {
            OgcGeometryType.Point => "POINT",
            OgcGeometryType.MultiPolygon => "MULTIPOLYGON",
            OgcGeometryType.Polygon => "POLYGON",
            OgcGeometryType.LineString => "LINESTRING",
            _ => "GEOMETRY",
        } : "GEOMETRY";
    }

    internal static SqliteConnection OpenExisting(string path, SqliteOpenMode mode)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException("file-not-found", Path.GetFileName(path), null,
                $"không tìm thấy bộ dữ liệu {path}.", $"dataset not found: {path}.");
        }

        SqliteConnection? c = null;
        try
        {
            c = GeoPackageSchema.Open(path, mode);
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA application_id";
            var id = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'gpkg_contents'";
            if (id != GeoPackageSchema.ApplicationId && Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new SqliteException("not a GeoPackage", 26);
            }

            return c;
        }
        catch (SqliteException e)
        {
            c?.Dispose();
            throw new DataFileException("file-not-geopackage", Path.GetFileName(path), null,
                $"{Path.GetFileName(path)} không phải GeoPackage hợp lệ ({e.Message}).",
                $"{Path.GetFileName(path)} is not a valid GeoPackage ({e.Message}).", e);
        }
    }
}
