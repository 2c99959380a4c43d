using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.IO.Store;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.IO;

/// <summary>Reads a dataset's layers into a <see cref="CityModel"/>.</summary>
public static class DatasetLoader
{
    /// <summary>Loads the city (without its parcels); the dataset must have a wards layer.</summary>
    public static CityModel LoadCity(string path, NormsSet norms) => LoadCity(new Datasets.GeoPackageStore(path), norms);

    /// <summary>Loads the city (without its parcels) from any store; the dataset must have a wards layer.</summary>
    public static CityModel LoadCity(IDatasetStore store, NormsSet norms)
    {
        var wards = store.ReadLayer("wards")
            ?? throw new DataFileException("layer-absent", store.Name, "wards",
                "bộ dữ liệu chưa có lớp wards (phường/xã); hãy nhập trước.", "the dataset has no wards layer; import it first.");
        return CityModel.FromLayers(
            wards,
            store.ReadLayer("schools"),
            store.ReadLayer("urban_areas"),
            store.ReadLayer("industrial_zones"),
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
    public static IEnumerable<ParcelUnit> StreamParcels(string path, CrsDefinition metric, AttributeFilter? filter)
    {
        GeoPackageTableInfo table;
        List<FieldInfo> fields;
        using (var c = GeoPackageDataset.OpenExisting(path, SqliteOpenMode.ReadOnly))
        {
            table = GeoPackageLayerReader.ListTables(c).Find(t => t.Name == "parcels")
                ?? throw new DataFileException("layer-absent", Path.GetFileName(path), "parcels",
                    "bộ dữ liệu chưa có lớp parcels (thửa đất); hãy nhập trước.", "the dataset has no parcels layer; import it first.");
            fields = GeoPackageLayerReader.Fields(c, table);
        }

        var from = GeoPackageLayerReader.ResolveCrs(table, "parcels", Path.GetFileName(path)) ?? CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        string Column(string name) => fields.Exists(f => f.Name == name) ? GeoPackageSchema.Quote(name) : "NULL";
        var sql = $"SELECT {GeoPackageSchema.Quote(table.GeometryColumn)}, {Column("id")}, {Column("land_use")}, {Column("planned_land_use")}, " +
            $"{Column("owner_type")}, {Column("area_m2")} FROM {GeoPackageSchema.Quote(table.Name)} ORDER BY rowid";
        return Read(path, sql, from, metric, filter);
    }

    private static IEnumerable<ParcelUnit> Read(string path, string sql, CrsDefinition from, CrsDefinition metric, AttributeFilter? filter)
    {
        // PERF: stepped through SQLitePCL.raw (RawRowReader), so a rejected row costs no string and no array.
        using var r = new RawRowReader(path, sql);
        // Land-use and owner codes repeat; sharing one string per code keeps a parcel's survivors small.
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
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
            if (area is double stated && filter is not null && filter.Rejects(stated, landUse, planned, owner))
            {
                continue;
            }

            var blob = r.Bytes(0).ToArray();
            var id = r.Text(1) ?? "";
            Geometry Load() => Reprojector.TransformInPlace(GeoPackageBlob.Read(blob), from, metric);
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
}
