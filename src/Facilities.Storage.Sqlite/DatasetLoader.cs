using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Formats;
using Facilities.Storage.Sqlite.GeoPackage;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.Storage.Sqlite;

/// <summary>Reads a dataset's layers into a <see cref="CityModel"/>.</summary>
public static class DatasetLoader
{
    /// <summary>Loads the city (without its parcels); the dataset must have a wards layer.</summary>
    public static CityModel LoadCity(string path, NormsSet norms) => LoadCity(new Datasets.GeoPackageStore(path), norms);

    /// <summary>Loads the city (without its parcels) from any store; the dataset must have a wards layer.</summary>
    public static CityModel LoadCity(IDatasetStore store, NormsSet norms)
    {
        // PERF (issue 15): the schools (17,000 points in the benchmark city) are read on another core while this one
        // reads the wards and the small layers; each read has its own connection in both stores.
        var schools = Task.Run(() => store.ReadLayer("schools"));
        var wards = store.ReadLayer("wards");
        var (urban, industrial) = (store.ReadLayer("urban_areas"), store.ReadLayer("industrial_zones"));
        var schoolLayer = schools.GetAwaiter().GetResult();
        Core.Diagnostics.PhaseTrace.Mark("city: layers read");
        return CityModel.FromLayers(
            wards ?? throw new DataFileException("layer-absent", store.Name, "wards",
                "bộ dữ liệu chưa có lớp wards (phường/xã); hãy nhập trước.", "the dataset has no wards layer; import it first."),
            schoolLayer,
            urban,
            industrial,
            norms["dependants_per_worker"]);
    }

    /// <summary>
    /// Streams the parcels layer as <see cref="ParcelUnit"/>s in <paramref name="metric"/>, in layer order, without
    /// holding the layer in memory. A parcel's geometry is decoded and reprojected only when first used (screening
    /// rejects most parcels on their area and land use alone), on whichever thread uses it.
    /// </summary>
    /// <param name="path">The dataset.</param>
    /// <param name="metric">The city's metric CRS (<see cref="CityModel.MetricCrs"/>).</param>
    public static IEnumerable<ParcelUnit> StreamParcels(string path, CrsDefinition metric) => StreamParcels(path, metric, null);

    /// <summary>
    /// Streams the parcels layer as <see cref="StreamParcels(string, CrsDefinition)"/> does, leaving out the rows
    /// <paramref name="filter"/> rejects on their area and land-use codes: for those, neither the id nor the geometry
    /// blob is read (docs/performance.md). Rows without a stated area are never left out.
    /// </summary>
    /// <param name="path">The dataset.</param>
    /// <param name="metric">The city's metric CRS.</param>
    /// <param name="filter">The screener's attribute filter (<see cref="ParcelScreener.CreateAttributeFilter"/>), or null.</param>
    public static IEnumerable<ParcelUnit> StreamParcels(string path, CrsDefinition metric, AttributeFilter? filter) =>
        StreamParcels(path, metric, filter, ParcelAttributeIndex.CreateFrom);

    /// <summary>
    /// As <see cref="StreamParcels(string, CrsDefinition, AttributeFilter?)"/>, creating the parcels layer's attribute
    /// indexes in a file that lacks them when its layer has at least <paramref name="createIndexesFrom"/> rows (by its
    /// largest rowid); smaller files are left as they are (a scan of them costs little).
    /// </summary>
    /// <param name="path">The dataset.</param>
    /// <param name="metric">The city's metric CRS.</param>
    /// <param name="filter">The screener's attribute filter, or null.</param>
    /// <param name="createIndexesFrom">Rows from which a file's first screening creates the indexes.</param>
    public static IEnumerable<ParcelUnit> StreamParcels(string path, CrsDefinition metric, AttributeFilter? filter, long createIndexesFrom)
    {
        GeoPackageTableInfo table;
        List<FieldInfo> fields;
        var (indexed, rows) = (false, 0L);
        using (var c = GeoPackageDataset.OpenExisting(path, SqliteOpenMode.ReadOnly))
        {
            table = GeoPackageLayerReader.ListTables(c).Find(t => t.Name == "parcels")
                ?? throw new DataFileException("layer-absent", Path.GetFileName(path), "parcels",
                    "bộ dữ liệu chưa có lớp parcels (thửa đất); hãy nhập trước.", "the dataset has no parcels layer; import it first.");
            fields = GeoPackageLayerReader.Fields(c, table);
            indexed = filter is { IsActive: true } && ParcelAttributeIndex.Present(c, null, table.Name, table.GeometryColumn);
            rows = indexed || filter is not { IsActive: true } ? 0 : ParcelAttributeIndex.LargestRowid(c, table.Name);
        }

        var from = GeoPackageLayerReader.ResolveCrs(table, "parcels", Path.GetFileName(path)) ?? CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        string Column(string name) => fields.Exists(f => f.Name == name) ? GeoPackageSchema.Quote(name) : "NULL";
        var (geom, area, owner) = (GeoPackageSchema.Quote(table.GeometryColumn), Column("area_m2"), Column("owner_type"));
        var select = $"{geom}, {Column("id")}, {Column("land_use")}, {Column("planned_land_use")}, {owner}, {area}";
        if (filter is { IsActive: true } && area != "NULL")
        {
            // A GeoPackage made elsewhere (QGIS, ogr2ogr) gets the indexes on its first screening, when it can be written
            // and is large enough for them to matter (the repository's sample city, 3,000 parcels, stays as it is).
            indexed = indexed || (rows >= createIndexesFrom && ParcelAttributeIndex.TryCreate(path, table.Name, table.GeometryColumn, [.. fields.Select(f => f.Name)]));
            if (indexed)
            {
                Core.Diagnostics.PhaseTrace.Mark("parcels: indexes ready");
                using var c = GeoPackageDataset.OpenExisting(path, SqliteOpenMode.ReadOnly);
                if (ParcelScreeningQuery.Build(c, table.Name, table.GeometryColumn, select, filter) is { } q)
                {
                    return Read(path, q.Kept, q.Count, q.Codes, from, metric, filter);
                }
            }
        }

        var sql = $"SELECT {select} FROM {GeoPackageSchema.Quote(table.Name)}";
        string? count = null;
        if (filter is { IsActive: true } && area != "NULL")
        {
            // PERF (issue 15): without the attribute indexes (a file that cannot be written), rows whose stated area is
            // below every minimum are most of a city and are rejected on area (unless a state parcel may merge), so
            // SQLite leaves them out and counts them in a query of its own, and this thread never steps them. The
            // condition keeps a superset of what the filter keeps (any area that is not a number, any owner that is
            // not text), and the filter tests every row kept as before, so the result is the same as reading every row.
            var keep = $"typeof({area}) NOT IN ('integer', 'real') OR {area} >= @low";
            if (filter.SmallStateParcelsMayMerge && owner != "NULL")
            {
                keep += $" OR typeof({owner}) NOT IN ('text', 'null') OR {owner} = 'state' COLLATE BINARY";
            }

            count = $"SELECT count(*), 0 FROM {GeoPackageSchema.Quote(table.Name)} WHERE {geom} IS NOT NULL AND NOT ({keep})";
            sql += $" WHERE {keep}";
        }

        return Read(path, sql + " ORDER BY rowid", count, [], from, metric, filter);
    }

    // countSql counts the rows of numeric area below the smaller minimum and (when it has two non-zero columns) from
    // the larger one up; the rows of those areas this query keeps are subtracted (the filter counts them itself).
    private static IEnumerable<ParcelUnit> Read(
        string path, string sql, string? countSql, List<(string Name, string Value)> parameters, CrsDefinition from, CrsDefinition metric, AttributeFilter? filter)
    {
        void BindAreas(RawRowReader reader, string statement)
        {
            reader.Bind("@low", filter!.MinimumArea);
            if (statement.Contains("@high", StringComparison.Ordinal))
            {
                reader.Bind("@high", filter.LargerMinimumArea);
            }
        }

        // The rows left out are counted on another connection while this one steps the rows kept.
        var leftOut = countSql is null ? null : Task.Run(() =>
        {
            using var c = new RawRowReader(path, countSql);
            BindAreas(c, countSql);
            c.Read();
            return (Below: c.Int64(0), Above: c.Int64(1));
        });
        // PERF: stepped through SQLitePCL.raw (RawRowReader), so a rejected row costs no string and no array.
        using var r = new RawRowReader(path, sql);
        if (countSql is not null)
        {
            BindAreas(r, sql);
            foreach (var (name, value) in parameters)
            {
                r.Bind(name, value);
            }
        }

        var indexedCount = parameters.Count > 0 || sql.Contains("@high", StringComparison.Ordinal);
        long keptBelow = 0, keptAbove = 0;

        var transform = Reprojector.PairTransform(from, metric);
        // Land-use and owner codes repeat; sharing one string per code keeps a parcel's survivors small.
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        Core.Diagnostics.PhaseTrace.Mark("parcels: query prepared");
        while (r.Read())
        {
            if (r.IsNull(0))
            {
                continue; // validation reports parcels without geometry; screening has nothing to test
            }

            // PERF: the attributes first; a row the filter rejects costs no id string and no blob copy, which is most
            // rows (they fail on area or land use).
            var landUse = r.Code(2, codes) ?? "";
            var (planned, owner) = (r.Code(3, codes), r.Code(4, codes));
            var area = r.Double(5);
            if (indexedCount && r.Kind(5) is var kind && (kind == SQLitePCL.raw.SQLITE_INTEGER || kind == SQLitePCL.raw.SQLITE_FLOAT))
            {
                // The same comparisons as the count's SQL, on the same number.
                if (area < filter!.MinimumArea)
                {
                    keptBelow++;
                }
                else if (area >= filter.LargerMinimumArea && area <= ParcelScreeningQuery.Huge)
                {
                    keptAbove++;
                }
            }

            Envelope? bounds = null;
            if (area is double stated && filter is not null)
            {
                // Between the two minimums the ward decides which failure counts: the blob header's envelope settles it
                // for most rows without decoding the geometry.
                bounds = filter.NeedsBounds(stated) ? Bounds(r.Bytes(0), transform) : null;
                if (filter.Rejects(stated, landUse, planned, owner, bounds))
                {
                    continue;
                }
            }

            var blob = r.Bytes(0).ToArray();
            var id = r.Text(1) ?? "";
            Geometry Load() => Reprojector.TransformInPlace(GeoPackageBlob.Read(blob), from, metric);
            if (area is double a)
            {
                yield return new ParcelUnit(id, landUse, planned, owner, a, Load) { Bounds = bounds };
            }
            else
            {
                var g = Load();
                yield return new ParcelUnit(id, landUse, planned, owner, g.Area, g);
            }
        }

        Core.Diagnostics.PhaseTrace.Mark("parcels: rows read");
        if (leftOut is not null)
        {
            var (below, above) = leftOut.GetAwaiter().GetResult();
            filter!.CountLeftOut(below - keptBelow, above - keptAbove);
        }
    }

    // A box in the metric CRS containing the geometry of a blob whose header has an envelope: its corners transformed,
    // widened by far more than a straight edge of the source CRS bends in the metric one (under 3 mm over 10 km in UTM).
    private static Envelope? Bounds(ReadOnlySpan<byte> blob, Func<double, double, (double X, double Y)> transform)
    {
        if (!GeoPackageBlob.TryHeaderEnvelope(blob, out var minX, out var maxX, out var minY, out var maxY))
        {
            return null;
        }

        var (ax, ay) = transform(minX, minY);
        var (bx, by) = transform(maxX, minY);
        var (cx, cy) = transform(maxX, maxY);
        var (dx, dy) = transform(minX, maxY);
        var box = new Envelope(Math.Min(Math.Min(ax, bx), Math.Min(cx, dx)), Math.Max(Math.Max(ax, bx), Math.Max(cx, dx)),
            Math.Min(Math.Min(ay, by), Math.Min(cy, dy)), Math.Max(Math.Max(ay, by), Math.Max(cy, dy)));
        box.ExpandBy(0.5 + (1e-3 * Math.Max(box.Width, box.Height)));
        return double.IsFinite(box.Width) && double.IsFinite(box.Height) ? box : null;
    }
}
