using Facilities.Core.Deficit;
using Facilities.Core.Norms;
using Facilities.Core.Provenance;
using Facilities.Reports.Results;
using Facilities.Storage.Sqlite;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using MiniExcelLibs;

namespace Facilities.IO.Tests.Results;

public sealed class DeficitOutputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (DeficitResult Result, ResultStamp Stamp) Compute(string dataset, int year = 2030)
    {
        var city = DatasetLoader.LoadCity(dataset, NormsSet.BuiltIn);
        var result = AdminDeficitCalculator.Compute(city, NormsSet.BuiltIn, new DeficitOptions(year));
        var stamp = new ResultStamp("facilities test", "deficit", Path.GetFileName(dataset), GeoPackageDataset.Hash(dataset),
            NormsSet.BuiltIn.Version, NormsSet.BuiltIn.Sha256, result.Options.Describe(), [.. result.UnconfirmedNormsUsed().Select(n => n.Key)]);
        return (result, stamp);
    }

    [Fact]
    public void CsvIsByteIdenticalForTheSameInputs()
    {
        var (r1, s1) = Compute(SharedData.SampleCity);
        var (r2, s2) = Compute(SharedData.SampleCity);

        ResultCsvWriter.WriteWithStamp(SampleTables.Deficit(r1, s1), _dir.File("a.csv"));
        ResultCsvWriter.WriteWithStamp(SampleTables.Deficit(r2, s2), _dir.File("b.csv"));

        Assert.Equal(File.ReadAllBytes(_dir.File("a.csv")), File.ReadAllBytes(_dir.File("b.csv")));
        Assert.Equal(File.ReadAllBytes(_dir.File("a.csv.stamp.json")), File.ReadAllBytes(_dir.File("b.csv.stamp.json")));
    }

    [Fact]
    public void CsvHasTheRequiredColumnsAndOneRowPerWardAndLevel()
    {
        var (result, stamp) = Compute(SharedData.SampleCity);
        ResultCsvWriter.WriteWithStamp(SampleTables.Deficit(result, stamp), _dir.File("d.csv"));

        var lines = File.ReadAllLines(_dir.File("d.csv"));

        Assert.StartsWith("ward_code,ward_name,unit_type,level,year,pupils,classes_needed,rooms_needed,rooms_available,deficit_rooms", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (12 * 4), lines.Length);
        Assert.All(lines.Skip(1), l => Assert.EndsWith("," + stamp.Id, l, StringComparison.Ordinal));
        Assert.Contains(stamp.DatasetSha256, File.ReadAllText(_dir.File("d.csv.stamp.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void StampChangesWhenTheDatasetChanges()
    {
        var copy = _dir.File("copy.gpkg");
        File.Copy(SharedData.SampleCity, copy);
        var wards = GeoPackageDataset.ReadLayer(copy, "wards")!;
        wards.Features[0].Attributes["population"] = (long)wards.Features[0]["population"]! + 1;
        GeoPackageDataset.ReplaceLayers(copy, [wards], new Dictionary<string, string>());

        Assert.NotEqual(Compute(SharedData.SampleCity).Stamp.Id, Compute(copy).Stamp.Id);
        Assert.NotEqual(Compute(SharedData.SampleCity, 2030).Stamp.Id, Compute(SharedData.SampleCity, 2031).Stamp.Id);
    }

    [Fact]
    public void WorkbookHasASheetPerLevelWithVietnameseHeadersTotalsAndTheStamp()
    {
        var (result, stamp) = Compute(SharedData.SampleCity);
        var path = _dir.File("d.xlsx");

        DeficitXlsxWriter.Write(SampleTables.Deficit(result, stamp), result, path);

        Assert.Equal(["Mầm non", "Tiểu học", "THCS", "THPT", "Tổng hợp", "Định mức", "Dấu kiểm"], MiniExcel.GetSheetNames(path));
        var primary = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Tiểu học").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(13, primary.Count);
        var total = primary[^1];
        Assert.Equal("TỔNG", total["Mã xã/phường"]);
        var expected = result.TotalsByLevel().Single(t => t.Level == "tieu_hoc");
        Assert.Equal(expected.RoomsNeeded, Convert.ToInt64(total["Phòng học cần"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.NetDeficit, Convert.ToInt64(total["Thiếu (+) / thừa (−) phòng học"], System.Globalization.CultureInfo.InvariantCulture));
        var stampSheet = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Dấu kiểm").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(stampSheet, r => (string)r["Mục"] == "dataset_sha256" && (string)r["Giá trị"] == stamp.DatasetSha256);
        var norms = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Định mức").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(norms, r => (string)r["Khoá"] == "class_cap.tieu_hoc" && ((string)r["Nguồn"]).Contains("28/2020", StringComparison.Ordinal));
    }

    [Fact]
    public void GeoPackageHasAWardLayerPerLevelThatGdalOpens()
    {
        var (result, stamp) = Compute(SharedData.SampleCity);
        var path = _dir.File("d.gpkg");

        DeficitGeoPackageWriter.Write(SampleTables.Deficit(result, stamp), result.Options.Levels, path);

        var info = ReferenceTools.Run("ogrinfo", $"-so \"{path}\"");
        foreach (var level in Core.Schema.DatasetSchema.Levels)
        {
            Assert.Contains($"deficit_{level} (Multi Polygon)", info, StringComparison.Ordinal);
        }

        var layer = GeoPackageDataset.ReadLayer(path, "deficit_thcs")!;
        Assert.Equal(12, layer.Features.Count);
        Assert.Equal(result.Rows.Where(r => r.Level == "thcs").Sum(r => r.DeficitRooms), layer.Features.Sum(f => (long)f["deficit_rooms"]!));
        Assert.Equal(stamp.Id, GeoPackageDataset.Metadata(path)["result.stamp_id"]);
    }

    [Fact]
    public void WorkbookShowsUnitTypesAsWordsWholeResidentsAndNormUnitsInVietnameseWhileTheCsvKeepsCodes()
    {
        var (result, stamp) = Compute(SharedData.SampleCity);
        var (xlsx, csv) = (_dir.File("labels.xlsx"), _dir.File("labels.csv"));

        DeficitXlsxWriter.Write(SampleTables.Deficit(result, stamp), result, xlsx);
        ResultCsvWriter.WriteWithStamp(SampleTables.Deficit(result, stamp), csv);

        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "THCS").Cast<IDictionary<string, object>>().ToList()[..^1];
        var expected = result.Rows.Where(r => r.Level == "thcs").ToList();
        Assert.Equal(expected.Select(r => r.UnitType switch { "phuong" => "Phường", "xa" => "Xã", _ => "Đặc khu" }), rows.Select(r => (string)r["Loại đơn vị"]));
        Assert.Equal(expected.Select(r => (double)Math.Round(Math.Round(r.SchoolAgeResidents, 4, MidpointRounding.AwayFromZero), MidpointRounding.AwayFromZero)),
            rows.Select(r => Convert.ToDouble(r["Dân số trong độ tuổi"], System.Globalization.CultureInfo.InvariantCulture)));
        var norms = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Định mức").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("học sinh/lớp", norms.Single(r => (string)r["Khoá"] == "class_cap.tieu_hoc")["Đơn vị"]);
        var csvUnitTypes = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')[2]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.All(csvUnitTypes, u => Assert.Contains(u, new[] { "phuong", "xa", "dac_khu" }));
    }
}
