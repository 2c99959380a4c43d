using System.Globalization;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using MiniExcelLibs;

namespace Facilities.Cli.Tests;

public sealed class ProgrammeCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Budget(decimal perYear, int from = 2026, int to = 2030)
    {
        var path = _dir.File("budget.csv");
        File.WriteAllText(path, "year,budget_vnd\n" + string.Concat(Enumerable.Range(from, to - from + 1).Select(y => string.Create(CultureInfo.InvariantCulture, $"{y},{perYear}\n"))));
        return path;
    }

    [Fact]
    public void The_sample_city_programme_keeps_the_budget_beats_greedy_and_writes_a_plan_list_a_dossier_and_a_geopackage()
    {
        var (xlsx, html, gpkg) = (_dir.File("p.xlsx"), _dir.File("p.html"), _dir.File("p.gpkg"));

        var (code, stdout, stderr) = CliRunner.Run("programme", SharedData.SampleCity, "--from", "2026", "--to", "2030", "--budget", Budget(150_000_000_000m),
            "--out", xlsx, "--report", html, "--gpkg", gpkg, "--scenario", "budget-20%", "--as-of", "2026-01-05", "--gap", "0.01", "--lang", "en");

        Assert.True(code == 0, stderr);
        Assert.Contains("[base]", stdout, StringComparison.Ordinal);
        Assert.Contains("[budget-20%]", stdout, StringComparison.Ordinal);
        // The plan list: every project's yearly costs add up to its total, and each year's spending is within 150,000 million.
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Danh mục dự án").Cast<IDictionary<string, object>>().ToList();
        var projects = rows.Where(r => r["STT"] is not "TỔNG").ToList();
        Assert.NotEmpty(projects);
        foreach (var p in projects)
        {
            var byYear = Enumerable.Range(2026, 5).Sum(y => Convert.ToDouble(p[$"Vốn {y} (triệu đồng)"], CultureInfo.InvariantCulture));
            Assert.Equal(Convert.ToDouble(p["Tổng mức đầu tư (triệu đồng)"], CultureInfo.InvariantCulture), byYear, 0);
        }
        var years = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Tổng theo năm").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(5, years.Count);
        Assert.All(years, y => Assert.True(Convert.ToDouble(y["Chi (triệu đồng)"], CultureInfo.InvariantCulture) <= 150_000.05));
        var scenarios = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Kịch bản").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["base", "budget-20%"], scenarios.Select(s => (string)s["Kịch bản"]));
        Assert.All(scenarios, s => Assert.True(Convert.ToDouble(s["Sau chương trình tối ưu"], CultureInfo.InvariantCulture)
            <= Convert.ToDouble(s["Sau phương án tham lam"], CultureInfo.InvariantCulture) + 0.5));
        // Less money never leaves less need.
        Assert.True(Convert.ToDouble(scenarios[1]["Sau chương trình tối ưu"], CultureInfo.InvariantCulture)
            >= Convert.ToDouble(scenarios[0]["Sau chương trình tối ưu"], CultureInfo.InvariantCulture) * 0.99);
        // The GeoPackage holds the same projects, stamped as the plan list and the dossier are.
        GeoPackageValidator.AssertValid(gpkg);
        var metadata = GeoPackageDataset.Metadata(gpkg);
        Assert.Equal("programme", metadata["result.computation"]);
        var layer = GeoPackageDataset.ReadLayer(gpkg, "programme_projects")!;
        Assert.Equal(projects.Count, layer.Features.Count);
        Assert.All(projects, p => Assert.Equal(metadata["result.stamp_id"], p["Mã dấu kiểm"]));
        var dossier = File.ReadAllText(html);
        Assert.Contains(metadata["result.stamp_id"], dossier, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"map\"", dossier, StringComparison.Ordinal);
        Assert.DoesNotContain("http", dossier.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_budget_row_names_the_file_row_and_field_and_writes_nothing()
    {
        var budget = _dir.File("bad.csv");
        File.WriteAllText(budget, "year,budget_vnd\n2026,100\n2027,1.000.000\n");
        var xlsx = _dir.File("p.xlsx");

        var (code, _, stderr) = CliRunner.Run("programme", SharedData.SampleCity, "--from", "2026", "--to", "2027", "--budget", budget, "--out", xlsx, "--lang", "en");

        Assert.NotEqual(0, code);
        Assert.Contains("bad.csv", stderr, StringComparison.Ordinal);
        Assert.Contains("row 3, field budget_vnd", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(xlsx));
    }

    [Fact]
    public void The_real_hai_phong_wards_with_a_generated_school_list_get_a_programme_of_extensions_within_the_budget()
    {
        var wards = SharedData.HaiPhong("communes_2025.geojson");
        var dataset = _dir.File("hp.gpkg");
        var schools = _dir.File("schools.geojson");
        GeneratedSchools.Write(wards, schools, seed: 16);
        Assert.Equal(0, CliRunner.Run("import", wards, "--layer", "wards", "--into", dataset).Code);
        var imported = CliRunner.Run("import", schools, "--layer", "schools", "--into", dataset);
        Assert.True(imported.Code == 0, imported.Err);
        var xlsx = _dir.File("hp.xlsx");

        var (code, stdout, stderr) = CliRunner.Run("programme", dataset, "--from", "2026", "--to", "2030", "--budget", Budget(400_000_000_000m),
            "--out", xlsx, "--as-of", "2026-01-05", "--gap", "0.01", "--time-limit", "120", "--lang", "en");

        Assert.True(code == 0, stderr);
        Assert.Contains("no parcels layer", stderr, StringComparison.Ordinal);
        var projects = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Danh mục dự án").Cast<IDictionary<string, object>>().Where(r => r["STT"] is not "TỔNG").ToList();
        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.Equal("mở rộng, nâng cấp", p["Loại"]));
        var years = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Tổng theo năm").Cast<IDictionary<string, object>>().ToList();
        Assert.All(years, y => Assert.True(Convert.ToDouble(y["Chi (triệu đồng)"], CultureInfo.InvariantCulture) <= 400_000.05));
        Assert.Contains("[base]", stdout, StringComparison.Ordinal);
    }
}
