using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.IO.Store;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.IO;

/// <summary>Reads a dataset's layers into a <see cref="CityModel"/>.</summary>
public static class DatasetLoader
{
    /// <summary>Loads the city (without its parcels); the dataset must have a wards layer.</summary>
    public static CityModel LoadCity(string path, NormsSet norms)
    {
        var wards = GeoPackageDataset.ReadLayer(path, "wards")
            ?? throw new DataFileException("layer-absent", Path.GetFileName(path), "wards",
                "bộ dữ liệu chưa có lớp wards (phường/xã); hãy nhập trước.", "the dataset has no wards layer; import it first.");
        return CityModel.FromLayers(
            wards,
            GeoPackageDataset.ReadLayer(path, "schools"),
            GeoPackageDataset.ReadLayer(path, "urban_areas"),
            GeoPackageDataset.ReadLayer(path, "industrial_zones"),
            norms["dependants_per_worker"]);
    }

    /// <summary>
    /// Streams the parcels layer as <see cref="ParcelUnit"/>s in <paramref name="metric"/>, in layer order, without
    /// holding the layer in memory. A parcel's geometry is decoded and reprojected only when first used (screening
    /// rejects most parcels on their area and land use alone), on whichever thread uses it.
    /// </summary>
    /// <param name="path">The dataset.</param>
    /// <param name="metric">The city's metric CRS (<see cref="CityModel.MetricCrs"/>).</param>
    public static IEnumerable<ParcelUnit> StreamParcels(string path, CrsDefinition metric)
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
        return Read(path, sql, from, metric);
    }

    private static IEnumerable<ParcelUnit> Read(string path, string sql, CrsDefinition from, CrsDefinition metric)
    {
        using var c = GeoPackageDataset.OpenExisting(path, SqliteOpenMode.ReadOnly);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        // PERF: land-use and owner codes repeat; sharing one string per code keeps a parcel's survivors small.
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Code(int i)
        {
            var text = Text(r, i);
            if (text is null)
            {
                return null;
            }

            if (codes.TryGetValue(text, out var shared))
            {
                return shared;
            }

            return codes.Count < 1024 ? codes[text] = text : text;
        }

        while (r.Read())
        {
            if (r.IsDBNull(0))
            {
                continue; // validation reports parcels without geometry; screening has nothing to test
            }

            var blob = (byte[])r.GetValue(0);
            var id = Text(r, 1) ?? "";
            var landUse = Code(2) ?? "";
            Geometry Load() => Reprojector.TransformInPlace(GeoPackageBlob.Read(blob), from, metric);
            if (r.IsDBNull(5))
            {
                var g = Load();
                yield return new ParcelUnit(id, landUse, Code(3), Code(4), g.Area, g);
            }
            else
            {
                yield return new ParcelUnit(id, landUse, Code(3), Code(4), r.GetDouble(5), Load);
            }
        }
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);
}
