using System.Globalization;
using Facilities.Testing;
using MiniExcelLibs;

namespace Facilities.Cli.Tests;

/// <summary>Temporary and degraded rooms (docs/programme.md, "Temporary and degraded rooms") through import and the programme.</summary>
public sealed class ProgrammeRoomsCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Three_temporary_rooms_under_the_agencys_column_name_are_not_places_and_are_rebuilt_for_3888_million()
    {
        var with = Programme("with", "\"Phòng tạm\": 3, ");
        var without = Programme("without", "");

        // 10 classrooms of 35 pupils: 3 temporary rooms seat 105 pupils who are not counted as placed, in each year.
        var (beforeWith, afterWith) = (Trajectory(with.Xlsx), Trajectory(without.Xlsx));
        Assert.Equal(beforeWith[2026].Before, afterWith[2026].Before + 105, 1);
        Assert.Equal(beforeWith[2027].Before, afterWith[2027].Before + 105, 1);
        // The rebuild (3 rooms × 180 m² of floor × 7.2 million VND/m²) starts in 2026 on certified land and serves 2027.
        var project = Assert.Single(Projects(with.Xlsx));
        Assert.Equal("xây thay phòng học tạm, xuống cấp", project["Loại"]);
        Assert.Equal(3888.0, Convert.ToDouble(project["Tổng mức đầu tư (triệu đồng)"], CultureInfo.InvariantCulture), 1);
        Assert.Equal(2026L, Convert.ToInt64(project["Năm khởi công"], CultureInfo.InvariantCulture));
        Assert.Equal(beforeWith[2027].Before - 105, beforeWith[2027].After, 1);
        Assert.Empty(Projects(without.Xlsx));
        Assert.Contains("1 of 1 school rows have no temporary or degraded room data", without.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("temporary or degraded room data", with.Err, StringComparison.Ordinal);
    }

    private (string Xlsx, string Err) Programme(string name, string rooms)
    {
        var dir = Directory.CreateDirectory(_dir.File(name)).FullName;
        var wards = Path.Combine(dir, "wards.geojson");
        var schools = Path.Combine(dir, "schools.geojson");
        var budget = Path.Combine(dir, "budget.csv");
        var dataset = Path.Combine(dir, "d.gpkg");
        var xlsx = Path.Combine(dir, "p.xlsx");
        File.WriteAllText(wards, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"31001","name":"Phường Thử","unit_type":"phuong","population":20000,"pop_tieu_hoc":1400},
            "geometry":{"type":"Polygon","coordinates":[[[106.68,20.85],[106.69,20.85],[106.69,20.86],[106.68,20.86],[106.68,20.85]]]}}]}
            """);
        File.WriteAllText(schools, $$$"""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"T1","name":"Tiểu học Thử","level":"tieu_hoc","classrooms":10,{{{rooms}}}"ownership":"public","land_certificate":"issued"},
            "geometry":{"type":"Point","coordinates":[106.685,20.855]}}]}
            """);
        File.WriteAllText(budget, "year,budget_vnd\n2026,5000000000\n2027,5000000000\n");
        Assert.Equal(0, CliRunner.Run("import", wards, "--layer", "wards", "--into", dataset).Code);
        var imported = CliRunner.Run("import", schools, "--layer", "schools", "--into", dataset);
        Assert.True(imported.Code == 0, imported.Err);
        var (code, _, err) = CliRunner.Run("programme", dataset, "--from", "2026", "--to", "2027", "--budget", budget, "--out", xlsx,
            "--levels", "tieu_hoc", "--as-of", "2026-01-05", "--lang", "en");
        Assert.True(code == 0, err);
        return (xlsx, err);
    }

    private static Dictionary<long, (double Before, double After)> Trajectory(string xlsx) =>
        MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Thiếu chỗ theo năm").Cast<IDictionary<string, object>>()
            .Where(r => r["Cấp học"] is "Tiểu học").ToDictionary(
            r => Convert.ToInt64(r["Năm"], CultureInfo.InvariantCulture),
            r => (Convert.ToDouble(r["HS thiếu chỗ trước chương trình"], CultureInfo.InvariantCulture), Convert.ToDouble(r["HS thiếu chỗ sau chương trình"], CultureInfo.InvariantCulture)));

    private static List<IDictionary<string, object>> Projects(string xlsx) =>
        [.. MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Danh mục dự án").Cast<IDictionary<string, object>>().Where(r => r["STT"] is not "TỔNG")];
}
