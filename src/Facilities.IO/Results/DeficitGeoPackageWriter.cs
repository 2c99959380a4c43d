using Facilities.Core.Deficit;
using Facilities.Core.Features;
using Facilities.Core.Provenance;
using Facilities.IO.Store;

namespace Facilities.IO.Results;

/// <summary>
/// Writes a GeoPackage with one layer of ward polygons per level (deficit_mam_non …) carrying the deficit columns,
/// ready for a choropleth in QGIS; the stamp goes into facilities_metadata.
/// </summary>
public static class DeficitGeoPackageWriter
{
    /// <summary>Writes the layers; <paramref name="wards"/> is the dataset's wards layer in EPSG:4326.</summary>
    public static void Write(DeficitResult result, ResultStamp stamp, FeatureLayer wards, string path)
    {
        var geometries = wards.Features.ToDictionary(w => (string)w["code"]!, w => w.Geometry, StringComparer.Ordinal);
        var fields = DeficitColumns.All.Select(c => new FieldInfo(c.Name, c.Value(result.Rows[0]) switch
        {
            long => FieldType.Integer,
            double => FieldType.Real,
            _ => FieldType.Text,
        })).Append(new FieldInfo("stamp_id", FieldType.Text)).ToList();
        var layers = result.Options.Levels.Select(level =>
        {
            var records = result.Rows.Where(r => r.Level == level).Select((r, i) =>
            {
                var a = DeficitColumns.All.ToDictionary(c => c.Name, c => (object?)c.Value(r));
                a["stamp_id"] = stamp.Id;
                return new FeatureRecord(i + 1, geometries[r.WardCode], a);
            }).ToList();
            return new FeatureLayer("deficit_" + level, wards.Crs, fields, records);
        }).ToList();
        var metadata = stamp.Lines().ToDictionary(l => "result." + l.Key, l => l.Value);
        metadata["result.stamp_id"] = stamp.Id;
        GeoPackageDataset.ReplaceLayers(path, layers, metadata, fresh: true);
    }
}
