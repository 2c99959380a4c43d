using Facilities.Core.Norms;
using Facilities.Core.Results;
using Facilities.Reports.Styles;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes screening results: CSV (candidates; stamp in &lt;file&gt;.stamp.json; rejected parcels in
/// &lt;file&gt;.rejected.csv when recorded), XLSX (candidates, summary, rejected parcels, norms, stamp) or
/// GeoPackage (the candidate_sites layer in EPSG:4326, a screening_summary table, rejected_parcels when recorded;
/// the stamp in facilities_metadata).
/// </summary>
public static class SitesWriter
{
    /// <summary>Writes CSV files.</summary>
    public static void WriteCsv(ResultTable candidates, ResultTable? rejections, string path)
    {
        ResultCsvWriter.Write(candidates, path);
        if (rejections is not null)
        {
            ResultCsvWriter.Write(rejections, Path.ChangeExtension(path, ".rejected.csv"));
        }

        ResultCsvWriter.WriteStamp(candidates.Stamp, path + ".stamp.json");
    }

    /// <summary>Writes the workbook.</summary>
    public static void WriteXlsx(ResultTable candidates, ResultTable summary, ResultTable? rejections, NormsSet norms, string path)
    {
        var (key, item, count) = (summary.IndexOf("key"), summary.IndexOf("item_vi"), summary.IndexOf("count"));
        var sheets = new Dictionary<string, object>
        {
            ["Địa điểm đề xuất"] = ResultWorkbook.Sheet(candidates),
            ["Tóm tắt"] = summary.Rows.Select(s => new Dictionary<string, object> { ["Mục"] = s.Values[item]!, ["Khoá"] = s.Values[key]!, ["Số lượng"] = s.Values[count]! }).ToList(),
        };
        if (rejections is not null)
        {
            sheets["Thửa bị loại"] = ResultWorkbook.Sheet(rejections);
        }

        sheets["Định mức"] = ResultWorkbook.NormsSheet(norms);
        sheets["Dấu kiểm"] = ResultWorkbook.StampSheet(candidates.Stamp);
        ResultWorkbook.Save(sheets, path);
    }

    /// <summary>Writes the GeoPackage.</summary>
    public static void WriteGeoPackage(ResultTable candidates, ResultTable summary, ResultTable? rejections, string path)
    {
        var layers = new List<Core.Features.FeatureLayer> { ResultLayers.Build(candidates), ResultLayers.Build(summary) };
        if (rejections is not null)
        {
            layers.Add(ResultLayers.Build(rejections));
        }

        // Sites are polygons (merged parcels may be multipolygons): declared so even when none passed; the summary
        // and the rejected parcels have no geometry and are attributes tables.
        var types = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [candidates.Name] = candidates.Rows.All(s => s.Geometry is NetTopologySuite.Geometries.Polygon or NetTopologySuite.Geometries.MultiPolygon) ? "MULTIPOLYGON" : "GEOMETRY",
            [summary.Name] = null,
            ["rejected_parcels"] = null,
        };
        // The candidates open in QGIS drawn as the map draws them (layer_styles); the tables have nothing to draw.
        var style = new LayerStyleEntry(candidates.Name, GeoPackageLayerWriter.GeometryColumn, "facilities candidate_sites",
            SiteStyle.Qml(), SiteStyle.Sld(candidates.Name), "Địa điểm đề xuất, màu như bản đồ Facilities / Candidate sites, coloured as in the Facilities map");
        StyledGeoPackage.Write(path, layers, ResultLayers.Metadata(candidates.Stamp), [style], types);
    }
}
