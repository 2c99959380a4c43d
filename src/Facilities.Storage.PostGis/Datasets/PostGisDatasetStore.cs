using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using static Facilities.Storage.PostGis.Datasets.PostGisDatasetTables;

namespace Facilities.Storage.PostGis.Datasets;

/// <summary>
/// A dataset as one schema of a PostGIS database, behind the <see cref="IDatasetStore"/> port: the shared store of a
/// department (docs/architecture.md, "Stores"). Layers are tables in EPSG:4326 with GiST indexes and the field
/// contract of docs/schema.md; <see cref="ReplaceLayers"/> is one transaction (binary COPY); edits made straight in
/// the database (QGIS) change <see cref="ChangeToken"/> through statement triggers (<see cref="PostGisDatasetTables.Ensure"/>).
/// Every database failure surfaces as a <see cref="DatasetUnavailableException"/>. Thread-safe.
/// </summary>
public sealed class PostGisDatasetStore : IDatasetStore, IDisposable
{
    private readonly NpgsqlDataSource _db;
    private readonly string _s;
    private volatile bool _checked;

    /// <summary>The dataset at <paramref name="location"/>; nothing is opened until first use.</summary>
    public PostGisDatasetStore(PostGisLocation location)
    {
        Location = location;
        _db = NpgsqlDataSource.Create(location.ConnectionString);
        _s = SchemaName.Quote(location.Schema);
    }

    /// <summary>Where the dataset is.</summary>
    public PostGisLocation Location { get; }

    /// <inheritdoc/>
    /// <remarks>
    /// The name the dataset was created or copied under (<see cref="Rename"/>: <c>facilities copy city.gpkg …</c> keeps
    /// "city.gpkg", so results from either copy carry the same stamp), else the schema's name.
    /// </remarks>
    public string Name => Run(c => Exists(c) ? Scalar<string?>(c, $"SELECT name FROM {_s}.facilities_state") : null, requireDataset: false) ?? Location.Schema;

    /// <inheritdoc/>
    public IReadOnlyList<DatasetLayerInfo> Describe() => Run(c =>
    {
        var layers = new List<(string Name, string? Type)>();
        using (var cmd = new NpgsqlCommand($"SELECT name, geometry_type FROM {_s}.facilities_layers ORDER BY name", c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                layers.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
            }
        }

        return layers.Where(l => l.Type is not null)
            .Select(l => new DatasetLayerInfo(l.Name, l.Type!.ToUpperInvariant(), CrsRegistry.Wgs84Srid, Scalar<long>(c, $"SELECT count(*) FROM {_s}.{Q(l.Name)}")))
            .ToList();
    });

    /// <inheritdoc/>
    public bool HasLayer(string layer) =>
        Run(c => Scalar<long>(c, $"SELECT count(*) FROM {_s}.facilities_layers WHERE name = @p AND geometry_type IS NOT NULL", layer)) > 0;

    /// <inheritdoc/>
    public FeatureLayer? ReadLayer(string layer, IssueList? issues = null) => Run(c =>
    {
        if (Scalar<long>(c, $"SELECT count(*) FROM {_s}.facilities_layers WHERE name = @p", layer) == 0)
        {
            return null;
        }

        var (fields, spatial) = Fields(c, layer);
        var features = new List<FeatureRecord>();
        var reader = new WKBReader();
        using var cmd = new NpgsqlCommand(Select(layer, fields, spatial), c);
        using var r = cmd.ExecuteReader(System.Data.CommandBehavior.SequentialAccess);
        while (r.Read())
        {
            var attributes = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                attributes[fields[i].Name] = r.IsDBNull(i) ? null : ContentHasher.Normalise(r.GetValue(i), fields[i].Type);
            }

            Geometry? g = null;
            if (!r.IsDBNull(fields.Count))
            {
                g = reader.Read(r.GetFieldValue<byte[]>(fields.Count));
                g.SRID = CrsRegistry.Wgs84Srid;
            }

            features.Add(new FeatureRecord(features.Count + 1, g, attributes));
        }

        return new FeatureLayer(layer, CrsRegistry.Get(CrsRegistry.Wgs84Srid), [.. fields], features);
    });

    /// <inheritdoc/>
    /// <remarks>
    /// The attribute filter runs on the client, as for a GeoPackage, on the four attribute columns that come first in
    /// each row: a rejected row's geometry is skipped in the stream, never copied or decoded. It is not pushed into
    /// the WHERE clause because the filter also counts what it rejects on area and on land use, and the screening
    /// result reports those counts: the same counts from either store need the same filter over the same rows.
    /// </remarks>
    public IEnumerable<ParcelUnit> StreamParcels(CrsDefinition metric, AttributeFilter? filter = null)
    {
        var (fields, _) = Run(c => Scalar<long>(c, $"SELECT count(*) FROM {_s}.facilities_layers WHERE name = 'parcels'") == 0
            ? throw new DatasetUnavailableException(DatasetProblem.DatasetMissing,
                $"bộ dữ liệu {Location.Display} chưa có lớp parcels (thửa đất); hãy nhập trước.",
                $"dataset {Location.Display} has no parcels layer; import it first.")
            : Fields(c, "parcels"));
        string Column(string name, string type) => fields.Any(f => f.Name == name) ? $"{Q(name)}::{type}" : $"NULL::{type}";
        var sql = $"SELECT {Column("land_use", "text")}, {Column("planned_land_use", "text")}, {Column("owner_type", "text")}, " +
            $"{Column("area_m2", "double precision")}, {Column("id", "text")}, ST_AsBinary(geom, 'NDR') FROM {_s}.parcels WHERE geom IS NOT NULL ORDER BY fid";
        return Stream(sql, metric, filter);
    }

    /// <inheritdoc/>
    public void ReplaceLayers(IReadOnlyList<FeatureLayer> layers, IReadOnlyDictionary<string, string> metadata, bool fresh = false) => Run(c =>
    {
        using var tx = c.BeginTransaction();
        Execute(c, Ensure(_s), tx);
        if (fresh)
        {
            foreach (var old in Strings(c, $"SELECT name FROM {_s}.facilities_layers"))
            {
                Execute(c, $"DROP TABLE IF EXISTS {_s}.{Q(old)}", tx);
            }

            Execute(c, $"DELETE FROM {_s}.facilities_layers; DELETE FROM {_s}.facilities_metadata; UPDATE {_s}.facilities_state SET name = NULL", tx);
        }

        SetMetadata(c, "schema_version", "1");
        foreach (var layer in layers)
        {
            var type = GeometryType(layer);
            Execute(c, Create(_s, layer.Name, layer.Fields, type), tx);
            PostGisLayerCopy.Write(c, $"{_s}.{Q(layer.Name)}", layer, type is not null);
            Execute(c, Finish(_s, layer.Name, type), tx);
            using var reg = new NpgsqlCommand($"INSERT INTO {_s}.facilities_layers (name, geometry_type) VALUES (@n, @t) ON CONFLICT (name) DO UPDATE SET geometry_type = excluded.geometry_type", c, tx);
            reg.Parameters.AddWithValue("n", layer.Name);
            reg.Parameters.AddWithValue("t", (object?)type ?? DBNull.Value);
            reg.ExecuteNonQuery();
        }

        foreach (var (k, v) in metadata)
        {
            SetMetadata(c, k, v);
        }

        // Also counted for a call that changes no row (an empty layer list): the content may still differ.
        Execute(c, $"UPDATE {_s}.facilities_state SET changes = changes + 1", tx);
        tx.Commit();
        _checked = true;
        return 0;
    }, requireDataset: false);

    /// <summary>Sets the name results computed on this dataset are stamped with (not part of the content hash).</summary>
    public void Rename(string name) => Run(c => Execute(c, $"UPDATE {_s}.facilities_state SET name = @p", null, name));

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Metadata() => Run(c =>
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var cmd = new NpgsqlCommand($"SELECT key, value FROM {_s}.facilities_metadata", c);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            result[r.GetString(0)] = r.GetString(1);
        }

        return result;
    });

    /// <inheritdoc/>
    public string ChangeToken() => Run(c => Scalar<long>(c, $"SELECT changes FROM {_s}.facilities_state")).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    /// <remarks>
    /// Read in one REPEATABLE READ transaction, so the rows and the change counter are one snapshot; the hash is then
    /// kept beside the counter it belongs to (only if no edit came in between), and reused until the counter moves.
    /// </remarks>
    public string ContentHash() => Run(c =>
    {
        using (var cached = new NpgsqlCommand($"SELECT content_hash FROM {_s}.facilities_state WHERE hashed_at = changes", c))
        {
            if (cached.ExecuteScalar() is string hit)
            {
                return hit;
            }
        }

        long changes;
        string hash;
        using (var tx = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead))
        {
            changes = Scalar<long>(c, $"SELECT changes FROM {_s}.facilities_state");
            hash = PostGisContentHash.Compute(c, _s, Strings(c, $"SELECT name FROM {_s}.facilities_layers"), (cn, l) => Fields(cn, l).Fields);
            tx.Commit();
        }

        try
        {
            Execute(c, $"UPDATE {_s}.facilities_state SET hashed_at = @p, content_hash = @q WHERE changes = @p", null, changes, hash);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege || e.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction)
        {
            // A read-only account cannot keep the hash: it is computed again next time, nothing else is lost.
        }

        return hash;
    });

    /// <summary>Drops the dataset's schema with everything in it (tests and benchmarks).</summary>
    public void Drop() => Run(c => Execute(c, $"DROP SCHEMA IF EXISTS {_s} CASCADE"), requireDataset: false);

    /// <inheritdoc/>
    public void Dispose() => _db.Dispose();

    private IEnumerable<ParcelUnit> Stream(string sql, CrsDefinition metric, AttributeFilter? filter)
    {
        var wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var reader = new WKBReader();
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Code(NpgsqlDataReader r, int i)
        {
            if (r.IsDBNull(i))
            {
                return null;
            }

            var s = r.GetString(i);
            return codes.TryGetValue(s, out var shared) ? shared : codes.Count < 1024 ? codes[s] = s : s;
        }

        using var c = Run(_ => Open(), requireDataset: false);
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = Run(_ => cmd.ExecuteReader(System.Data.CommandBehavior.SequentialAccess), requireDataset: false);
        while (r.Read())
        {
            var landUse = Code(r, 0) ?? "";
            var (planned, owner) = (Code(r, 1), Code(r, 2));
            double? area = r.IsDBNull(3) ? null : r.GetDouble(3);
            if (area is double stated && filter is not null && filter.Rejects(stated, landUse, planned, owner))
            {
                continue;
            }

            var id = r.IsDBNull(4) ? "" : r.GetString(4);
            var wkb = r.GetFieldValue<byte[]>(5);
            Geometry Load()
            {
                var g = reader.Read(wkb);
                g.SRID = CrsRegistry.Wgs84Srid;
                return Reprojector.TransformInPlace(g, wgs84, metric);
            }

            if (area is double a)
            {
                yield return new ParcelUnit(id, landUse, planned, owner, a, Load);
            }
            else
            {
                var g = Load();
                yield return new ParcelUnit(id, landUse, planned, owner, g.Area, g);
            }
        }
    }

    private (List<FieldInfo> Fields, bool Spatial) Fields(NpgsqlConnection c, string layer)
    {
        var fields = new List<FieldInfo>();
        var spatial = false;
        using var cmd = new NpgsqlCommand(
            "SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = @s AND table_name = @t ORDER BY ordinal_position", c);
        cmd.Parameters.AddWithValue("s", Location.Schema);
        cmd.Parameters.AddWithValue("t", layer);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var (name, type, udt) = (r.GetString(0), r.GetString(1), r.GetString(2));
            if (name == "geom" && udt == "geometry")
            {
                spatial = true;
            }
            else if (name != "fid")
            {
                fields.Add(new FieldInfo(name, FieldTypeOf(type)));
            }
        }

        return (fields, spatial);
    }

    private string Select(string layer, IReadOnlyList<FieldInfo> fields, bool spatial) =>
        $"SELECT {string.Concat(fields.Select(f => Q(f.Name) + (f.Type == FieldType.Text ? "::text" : "") + ", "))}{(spatial ? "ST_AsBinary(geom, 'NDR')" : "NULL::bytea")} FROM {_s}.{Q(layer)} ORDER BY fid";

    private void SetMetadata(NpgsqlConnection c, string key, string value) =>
        Execute(c, $"INSERT INTO {_s}.facilities_metadata (key, value) VALUES (@p, @q) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE {_s}.facilities_metadata.value IS DISTINCT FROM excluded.value", null, key, value);

    private NpgsqlConnection Open() => _db.OpenConnection();

    // Every operation: open a pooled connection, check once that PostGIS and the dataset are there, translate failures.
    private T Run<T>(Func<NpgsqlConnection, T> work, bool requireDataset = true)
    {
        try
        {
            using var c = Open();
            if (!_checked)
            {
                Check(c, requireDataset);
            }

            return work(c);
        }
        catch (Exception e) when (PostGisErrors.Translate(e, Location) is { } clear)
        {
            throw clear;
        }
    }

    private void Check(NpgsqlConnection c, bool requireDataset)
    {
        if (Scalar<long>(c, "SELECT count(*) FROM pg_extension WHERE extname = 'postgis'") == 0)
        {
            throw PostGisErrors.NoPostGis(Location);
        }

        if (Exists(c))
        {
            _checked = true;
        }
        else if (requireDataset)
        {
            throw PostGisErrors.Missing(Location);
        }
    }

    private bool Exists(NpgsqlConnection c) => Scalar<bool>(c, "SELECT to_regclass(@p) IS NOT NULL", Location.Schema + ".facilities_state");

    private static T Scalar<T>(NpgsqlConnection c, string sql, params object[] args)
    {
        using var cmd = Command(c, sql, null, args);
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? default! : (T)v;
    }

    private static List<string> Strings(NpgsqlConnection c, string sql)
    {
        var list = new List<string>();
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private static int Execute(NpgsqlConnection c, string sql, NpgsqlTransaction? tx = null, params object[] args)
    {
        using var cmd = Command(c, sql, tx, args);
        return cmd.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, string sql, NpgsqlTransaction? tx, object[] args)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        for (var i = 0; i < args.Length; i++)
        {
            cmd.Parameters.AddWithValue(i == 0 ? "p" : "q", args[i]);
        }

        return cmd;
    }
}
