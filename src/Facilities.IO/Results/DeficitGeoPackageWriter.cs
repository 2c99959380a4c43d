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
        var layers = result.Options.Levels
            .Select(level => ResultLayers.Build("deficit_" + level, result.Rows.Where(r => r.Level == level), DeficitColumns.All, r => geometries[r.WardCode], stamp.Id, wards))
            .ToList();
        var metadata = stamp.Lines().ToDictionary(l => "result." + l.Key, l => l.Value);
        metadata["result.stamp_id"] = stamp.Id;
        GeoPackageDataset.ReplaceLayers(path, layers, metadata, fresh: true);
    }
}
