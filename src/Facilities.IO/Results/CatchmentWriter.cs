using Facilities.Core.Catchment;
using Facilities.Core.Features;
using Facilities.Core.Provenance;
using Facilities.IO.Store;

namespace Facilities.IO.Results;

/// <summary>
/// Writes catchment results: CSV (wards; schools in &lt;file&gt;.schools.csv; stamp in &lt;file&gt;.stamp.json), XLSX
/// (a ward sheet per level with a totals row, a summary, a school sheet, norms, stamp) or GeoPackage (catchment_&lt;level&gt; ward polygons,
/// school_load_&lt;level&gt; school points).
/// </summary>
public static class CatchmentWriter
{
    /// <summary>Writes CSV files.</summary>
    public static void WriteCsv(CatchmentResult result, ResultStamp stamp, string path)
    {
        ResultCsvWriter.Write(result.Wards, CatchmentColumns.Wards, stamp.Id, path);
        ResultCsvWriter.Write(result.Schools, CatchmentColumns.Schools, stamp.Id, Path.ChangeExtension(path, ".schools.csv"));
        ResultCsvWriter.WriteStamp(stamp, path + ".stamp.json");
    }

    /// <summary>Writes the workbook.</summary>
    public static void WriteXlsx(CatchmentResult result, ResultStamp stamp, string path)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var level in result.Options.Levels)
        {
            var sheet = ResultWorkbook.Sheet(result.Wards.Where(w => w.Level == level), CatchmentColumns.Wards);
            ResultWorkbook.AddTotals(sheet, CatchmentColumns.Wards, CatchmentColumns.WardTotals, "ward_name");
            sheets[DeficitColumns.LevelVi(level)] = sheet;
        }

        sheets["Tổng hợp"] = CatchmentColumns.Summary(result);
        sheets["Trường học"] = ResultWorkbook.Sheet(result.Schools, CatchmentColumns.Schools);
        sheets["Định mức"] = ResultWorkbook.NormsSheet(result.Norms);
        sheets["Dấu kiểm"] = ResultWorkbook.StampSheet(stamp);
        ResultWorkbook.Save(sheets, path);
    }

    /// <summary>Writes the GeoPackage; <paramref name="wards"/> and <paramref name="schools"/> are dataset layers (EPSG:4326).</summary>
    public static void WriteGeoPackage(CatchmentResult result, ResultStamp stamp, FeatureLayer wards, FeatureLayer? schools, string path)
    {
        var wardGeometry = wards.Features.ToDictionary(w => (string)w["code"]!, w => w.Geometry, StringComparer.Ordinal);
        var schoolGeometry = (schools?.Features ?? []).ToDictionary(s => ((string)s["id"]!, (string)s["level"]!), s => s.Geometry);
        var layers = new List<FeatureLayer>();
        foreach (var level in result.Options.Levels)
        {
            layers.Add(ResultLayers.Build("catchment_" + level, result.Wards.Where(w => w.Level == level), CatchmentColumns.Wards, r => wardGeometry[r.WardCode], stamp.Id, wards));
            layers.Add(ResultLayers.Build("school_load_" + level, result.Schools.Where(s => s.Level == level), CatchmentColumns.Schools,
                r => schoolGeometry.GetValueOrDefault((r.Id, r.Level)), stamp.Id, wards));
        }

        var metadata = stamp.Lines().ToDictionary(l => "result." + l.Key, l => l.Value);
        metadata["result.stamp_id"] = stamp.Id;
        GeoPackageDataset.ReplaceLayers(path, layers, metadata, fresh: true);
    }
}
