using Facilities.Core.Catchment;
using Facilities.Core.Presentation;
using Facilities.Core.Results;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes catchment results: CSV (wards; schools in &lt;file&gt;.schools.csv; stamp in &lt;file&gt;.stamp.json), XLSX
/// (a ward sheet per level with a totals row, a summary, a school sheet, norms, stamp) or GeoPackage (catchment_&lt;level&gt; ward polygons,
/// school_load_&lt;level&gt; school points).
/// </summary>
public static class CatchmentWriter
{
    /// <summary>Ward columns added up in the totals row of each level's sheet.</summary>
    public static readonly IReadOnlyCollection<string> WardTotals =
        ["pupils", "classes_needed", "rooms_needed", "rooms_available", "deficit_rooms", "allocated_pupils", "unserved_pupils", "beyond_reach_pupils", "schools_in_data"];

    /// <summary>Writes CSV files.</summary>
    public static void WriteCsv(ResultTable wards, ResultTable schools, string path)
    {
        ResultCsvWriter.Write(wards, path);
        ResultCsvWriter.Write(schools, Path.ChangeExtension(path, ".schools.csv"));
        ResultCsvWriter.WriteStamp(wards.Stamp, path + ".stamp.json");
    }

    /// <summary>Writes the workbook of <paramref name="result"/>, whose tables are <paramref name="wards"/> and <paramref name="schools"/>.</summary>
    public static void WriteXlsx(ResultTable wards, ResultTable schools, CatchmentResult result, string path)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var level in result.Options.Levels)
        {
            var sheet = ResultWorkbook.Sheet(wards.Where("level", level));
            ResultWorkbook.AddTotals(sheet, wards.Fields, WardTotals, "ward_name");
            sheets[Labels.Level.Vi(level)] = sheet;
        }

        sheets["Tổng hợp"] = Summary(result);
        sheets["Trường học"] = ResultWorkbook.Sheet(schools);
        sheets["Định mức"] = ResultWorkbook.NormsSheet(result.Norms);
        sheets["Dấu kiểm"] = ResultWorkbook.StampSheet(wards.Stamp);
        ResultWorkbook.Save(sheets, path);
    }

    /// <summary>Writes the GeoPackage: per level of <paramref name="levels"/>, the ward layer and the school-load layer.</summary>
    public static void WriteGeoPackage(ResultTable wards, ResultTable schools, IEnumerable<string> levels, string path)
    {
        var layers = levels.SelectMany(level => new[]
        {
            ResultLayers.Build(wards.Where("level", level, "catchment_" + level)),
            ResultLayers.Build(schools.Where("level", level, "school_load_" + level)),
        }).ToList();
        GeoPackageDataset.ReplaceLayers(path, layers, ResultLayers.Metadata(wards.Stamp), fresh: true);
    }

    /// <summary>The summary sheet: per level, pupils (whole people), where they found a place, rooms and schools over capacity.</summary>
    public static List<Dictionary<string, object>> Summary(CatchmentResult result) =>
    [
        .. result.Options.Levels.Select(level =>
        {
            var wards = result.Wards.Where(w => w.Level == level).ToList();
            var schools = result.Schools.Where(s => s.Level == level).ToList();
            return new Dictionary<string, object>
            {
                ["Cấp học"] = Labels.Level.Vi(level),
                ["Năm"] = (long)result.Options.Year,
                ["Số học sinh"] = Whole(wards.Sum(w => w.Pupils)),
                ["Học sinh có chỗ trong bán kính"] = Whole(wards.Sum(w => w.Allocated)),
                ["Học sinh chưa có chỗ"] = Whole(wards.Sum(w => w.Unserved)),
                ["Học sinh ngoài bán kính phục vụ"] = Whole(wards.Sum(w => w.BeyondReach)),
                ["Phòng học cần (cho HS chưa có chỗ)"] = wards.Sum(w => w.RoomsNeeded),
                ["Phòng học hiện có"] = wards.Sum(w => w.RoomsAvailable),
                ["Số trường"] = (long)schools.Count,
                ["Số trường quá tải"] = (long)schools.Count(s => s.AllocatedRatio > 1 + 1e-9),
                ["Số xã/phường không có dữ liệu trường"] = (long)wards.Count(w => w.SchoolsInData == 0),
            };
        }),
    ];

    // Whole people, for the summary a person reads; the exact figures stay in the CSV.
    private static long Whole(double v) => (long)Math.Round(v, MidpointRounding.AwayFromZero);
}
