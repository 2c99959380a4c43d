using Facilities.Core.Features;
using Facilities.Core.Provenance;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.IO.Store;
using Facilities.IO.Styles;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Results;

/// <summary>
/// Writes screening results: CSV (candidates; stamp in &lt;file&gt;.stamp.json; rejected parcels in
/// &lt;file&gt;.rejected.csv when recorded), XLSX (candidates, summary, rejected parcels, norms, stamp) or
/// GeoPackage (the candidate_sites layer in EPSG:4326, a screening_summary table, rejected_parcels when recorded;
/// the stamp in facilities_metadata).
/// </summary>
public static class SitesWriter
{
    private static readonly CrsDefinition Wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);

    /// <summary>Writes CSV files.</summary>
    public static void WriteCsv(ScreeningResult result, ResultStamp stamp, string path)
    {
        ResultCsvWriter.Write(result.Candidates, SiteColumns.Candidates(result.Options), stamp.Id, path);
        if (result.Options.RecordRejections)
        {
            ResultCsvWriter.Write(result.Rejections, SiteColumns.Rejections, stamp.Id, Path.ChangeExtension(path, ".rejected.csv"));
        }

        ResultCsvWriter.WriteStamp(stamp, path + ".stamp.json");
    }

    /// <summary>Writes the workbook.</summary>
    public static void WriteXlsx(ScreeningResult result, ResultStamp stamp, string path)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Địa điểm đề xuất"] = ResultWorkbook.Sheet(result.Candidates, SiteColumns.Candidates(result.Options)),
            ["Tóm tắt"] = SiteColumns.Summary(result).Select(s => new Dictionary<string, object> { ["Mục"] = s.Vi, ["Khoá"] = s.Key, ["Số lượng"] = s.Count }).ToList(),
        };
        if (result.Options.RecordRejections)
        {
            sheets["Thửa bị loại"] = ResultWorkbook.Sheet(result.Rejections, SiteColumns.Rejections);
        }

        sheets["Định mức"] = ResultWorkbook.NormsSheet(result.Norms);
        sheets["Dấu kiểm"] = ResultWorkbook.StampSheet(stamp);
        ResultWorkbook.Save(sheets, path);
    }

    /// <summary>Writes the GeoPackage; site geometries go from <paramref name="metric"/> back to EPSG:4326.</summary>
    public static void WriteGeoPackage(ScreeningResult result, ResultStamp stamp, CrsDefinition metric, string path)
    {
        var crs = new FeatureLayer("wgs84", Wgs84, [], []);
        var layers = new List<FeatureLayer>
        {
            ResultLayers.Build("candidate_sites", result.Candidates, SiteColumns.Candidates(result.Options),
                s => Reprojector.Transform(s.Geometry, metric, Wgs84), stamp.Id, crs),
            ResultLayers.Build("screening_summary", SiteColumns.Summary(result),
                [new("key", "Khoá", s => s.Key), new("item_vi", "Mục", s => s.Vi), new("count", "Số lượng", s => s.Count)], _ => null, stamp.Id, crs),
        };
        if (result.Options.RecordRejections)
        {
            layers.Add(ResultLayers.Build("rejected_parcels", result.Rejections, SiteColumns.Rejections, _ => null, stamp.Id, crs));
        }

        var metadata = stamp.Lines().ToDictionary(l => "result." + l.Key, l => l.Value);
        metadata["result.stamp_id"] = stamp.Id;

        // Sites are polygons (merged parcels may be multipolygons): declared so even when none passed; the summary
        // and the rejected parcels have no geometry and are attributes tables.
        var types = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["candidate_sites"] = result.Candidates.All(s => s.Geometry is Polygon or MultiPolygon) ? "MULTIPOLYGON" : "GEOMETRY",
            ["screening_summary"] = null,
            ["rejected_parcels"] = null,
        };
        // The candidates open in QGIS drawn as the map draws them (layer_styles); the tables have nothing to draw.
        var style = new LayerStyleEntry("candidate_sites", GeoPackageLayerWriter.GeometryColumn, "facilities candidate_sites",
            SiteStyle.Qml(), SiteStyle.Sld("candidate_sites"), "Địa điểm đề xuất, màu như bản đồ Facilities / Candidate sites, coloured as in the Facilities map");
        StyledGeoPackage.Write(path, layers, metadata, [style], types);
    }
}
