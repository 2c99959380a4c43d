using System.Globalization;
using System.Text.RegularExpressions;
using Facilities.Core.Presentation;
using Facilities.Testing;
using MiniExcelLibs;

namespace Facilities.Cli.Tests;

/// <summary>
/// What officials read shows labels, not codes: unit types, compliance results, land users, levels and checks are
/// words in the XLSX, the console and the dossier, while the CSV keeps the codes it is compared on; every workbook
/// adds up its ward sheets in a totals row and has a summary sheet.
/// </summary>
public sealed partial class VietnameseLabelsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<IDictionary<string, object>> Sheet(string path, string sheet) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>()];

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private static double D(object? v) => Convert.ToDouble(v, CultureInfo.InvariantCulture);

    private static void Ok((int Code, string Out, string Err) run) => Assert.True(run.Code == 0, run.Err);

    [Fact]
    public void The_catchment_workbook_shows_unit_type_labels_whole_pupils_a_totals_row_and_a_summary_while_the_csv_keeps_codes()
    {
        var (xlsx, csv) = (_dir.File("c.xlsx"), _dir.File("c.csv"));
        Ok(CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--level", "tieu_hoc", "--method", "catchment", "--out", xlsx));
        Ok(CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--level", "tieu_hoc", "--method", "catchment", "--out", csv));

        Assert.Equal(["Tiểu học", "Tổng hợp", "Trường học", "Định mức", "Dấu kiểm"], MiniExcel.GetSheetNames(xlsx));
        var sheet = Sheet(xlsx, "Tiểu học");
        var (wards, total) = (sheet[..^1], sheet[^1]);
        var codes = Csv(csv);
        Assert.Equal(codes.Select(r => Labels.UnitType.Vi(r["unit_type"])), wards.Select(r => (string)r["Loại đơn vị"]));
        Assert.All(wards, r => Assert.Contains((string)r["Loại đơn vị"], new[] { "Phường", "Xã", "Đặc khu" }));
        Assert.All(codes, r => Assert.Contains(r["unit_type"], new[] { "phuong", "xa", "dac_khu" }));
        // People are whole in the workbook, exact in the CSV (at least one ward has a fractional figure there).
        Assert.All(wards, r => Assert.Equal(Math.Round(D(r["Số học sinh"])), D(r["Số học sinh"])));
        Assert.Contains(codes, r => D(r["pupils"]) != Math.Round(D(r["pupils"])));
        Assert.Equal("TỔNG", total["Mã xã/phường"]);
        Assert.Equal(wards.Sum(r => D(r["Số học sinh"])), D(total["Số học sinh"]));
        Assert.Equal(wards.Sum(r => D(r["Phòng học cần (cho HS chưa có chỗ)"])), D(total["Phòng học cần (cho HS chưa có chỗ)"]));
        Assert.Equal(wards.Sum(r => D(r["Học sinh chưa có chỗ"])), D(total["Học sinh chưa có chỗ"]));
        var summary = Assert.Single(Sheet(xlsx, "Tổng hợp"));
        Assert.Equal("Tiểu học", summary["Cấp học"]);
        Assert.Equal(Math.Round(codes.Sum(r => D(r["pupils"])), MidpointRounding.AwayFromZero), D(summary["Số học sinh"]));
        Assert.Equal(codes.Sum(r => D(r["rooms_needed"])), D(summary["Phòng học cần (cho HS chưa có chỗ)"]));
        var schools = Csv(Path.ChangeExtension(csv, ".schools.csv"));
        Assert.Equal(schools.Count(s => D(s["allocated_ratio"]) > 1), (int)D(summary["Số trường quá tải"]));
    }

    [Fact]
    public void The_teachers_workbook_adds_up_each_level_and_its_summary_matches_the_console()
    {
        var xlsx = _dir.File("t.xlsx");
        var run = CliRunner.Run("teachers", SharedData.SampleCity, "--year", "2030", "--out", xlsx);
        Ok(run);

        Assert.Equal(["Mầm non", "Tiểu học", "THCS", "THPT", "Tổng hợp", "Trường học", "Định mức", "Dấu kiểm"], MiniExcel.GetSheetNames(xlsx));
        var summary = Sheet(xlsx, "Tổng hợp");
        foreach (var level in new[] { "Mầm non", "Tiểu học", "THCS", "THPT" })
        {
            var sheet = Sheet(xlsx, level);
            var (wards, total) = (sheet[..^1], sheet[^1]);
            Assert.Equal("TỔNG", total["Mã xã/phường"]);
            var needed = wards.Where(r => r["Giáo viên cần"] is not (null or "")).Sum(r => D(r["Giáo viên cần"]));
            Assert.Equal(needed, D(total["Giáo viên cần"]));
            Assert.Equal(wards.Where(r => r["Giáo viên hiện có"] is not (null or "")).Sum(r => D(r["Giáo viên hiện có"])), D(total["Giáo viên hiện có"]));
            var line = summary.Single(r => (string)r["Cấp học"] == level);
            Assert.Equal(needed, D(line["Giáo viên cần"]));
            // The console prints the same figure on the level's line (Vietnamese run: thousands with a dot).
            Assert.Contains($"| {level}", run.Out, StringComparison.Ordinal);
            Assert.Matches($@"\| {Regex.Escape(level)}\s+\|\s+{Regex.Escape(needed.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.'))} \|", run.Out);
        }
    }

    [Fact]
    public void The_compliance_workbook_shows_results_as_words_counts_them_per_check_and_the_csv_keeps_the_codes()
    {
        var (xlsx, csv) = (_dir.File("k.xlsx"), _dir.File("k.csv"));
        Ok(CliRunner.Run("compliance", SharedData.SampleCity, "--out", xlsx));
        Ok(CliRunner.Run("compliance", SharedData.SampleCity, "--out", csv));

        var codes = Csv(csv);
        var schools = Sheet(xlsx, "Trường học");
        var column = "Diện tích khuôn viên (m²): kết quả";
        Assert.Equal(codes.Select(r => Labels.Compliance.Vi(r["site_area"])), schools.Select(r => (string)r[column]));
        Assert.All(schools, r => Assert.Contains((string)r[column], new[] { "Đạt", "Không đạt", "Chưa rõ", "Không áp dụng" }));
        Assert.All(codes, r => Assert.Contains(r["site_area"], new[] { "pass", "fail", "unknown", "n/a" }));
        var summary = Sheet(xlsx, "Tổng hợp");
        var siteArea = summary.Single(r => (string)r["Tiêu chí"] == "Diện tích khuôn viên");
        Assert.Equal(codes.Count(r => r["site_area"] == "pass"), (int)D(siteArea["Đạt"]));
        Assert.Equal(codes.Count(r => r["site_area"] == "fail"), (int)D(siteArea["Không đạt"]));
        var wards = Sheet(xlsx, "Theo xã-phường");
        Assert.Equal("TỔNG", wards[^1]["Mã xã/phường"]);
        Assert.Equal(wards[..^1].Sum(r => D(r["Không đạt"])), D(wards[^1]["Không đạt"]));
        Assert.DoesNotContain(wards[..^1], r => (string)r["Tiêu chí"] == "site_area");
    }

    [Fact]
    public void The_sites_workbook_names_the_land_user_and_the_merge_in_words()
    {
        var (xlsx, csv) = (_dir.File("s.xlsx"), _dir.File("s.csv"));
        Ok(CliRunner.Run("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--top", "30", "--out", xlsx));
        Ok(CliRunner.Run("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--top", "30", "--out", csv));

        var codes = Csv(csv);
        var sites = Sheet(xlsx, "Địa điểm đề xuất");
        Assert.Equal(codes.Select(r => Labels.OwnerType.Vi(r["owner_type"])), sites.Select(r => (string)r["Đối tượng sử dụng đất"]));
        Assert.Contains(sites, r => (string)r["Đối tượng sử dụng đất"] == "Nhà nước");
        Assert.All(sites, r => Assert.Contains((string)r["Gộp nhiều thửa"], new[] { "Có", "Không" }));
        Assert.All(sites, r => Assert.Contains((string)r["Loại đơn vị"], new[] { "Phường", "Xã", "Đặc khu" }));
        Assert.All(codes, r => Assert.Contains(r["merged"], new[] { "yes", "no" }));
    }

    [Theory]
    [InlineData("vi", "Diện tích khuôn viên", "Mầm non")]
    [InlineData("en", "Site area", "Preschool")]
    public void The_console_names_checks_and_levels_in_the_run_language_not_by_code(string lang, string check, string level)
    {
        var compliance = CliRunner.Run("compliance", SharedData.SampleCity, "--out", _dir.File("k.csv"), "--lang", lang);
        var deficit = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--out", _dir.File("d.csv"), "--lang", lang);
        Ok(compliance);
        Ok(deficit);

        Assert.Contains($"| {check}", compliance.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("site_area", compliance.Out, StringComparison.Ordinal);
        Assert.Contains($"| {level}", deficit.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("mam_non", deficit.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "en" ? "(by administrative boundary)" : "(theo địa giới hành chính)", deficit.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dossier_names_the_land_user_of_each_proposed_site_not_its_code_and_counts_whole_pupils()
    {
        var (gpkg, html) = (_dir.File("p.gpkg"), _dir.File("p.html"));
        Ok(CliRunner.Run("propose", SharedData.SampleCity, "--urban-area", "KDT-01", "--levels", "tieu_hoc", "--solver", "greedy", "--out", gpkg, "--report", html));

        var text = File.ReadAllText(html);
        var table = SitesTable().Match(text).Value;
        var rows = Regex.Matches(table, "<tr>(.*?)</tr>").Skip(1).Select(m => Regex.Matches(m.Groups[1].Value, "<td>(.*?)</td>").Select(c => c.Groups[1].Value).ToList()).ToList();
        Assert.NotEmpty(rows);
        // The seventh column is the land user: a label with its English, never the owner_type code.
        // Pupils covered and within the radius (columns 10 and 11) are whole people, grouped the Vietnamese way (2.078).
        Assert.All(rows, r => Assert.Matches("^[0-9.]+$", r[9] + r[10]));
        Assert.All(rows, r => Assert.Matches("^(Nhà nước <span class=\"en\">State</span>|Tổ chức <span class=\"en\">Organisation</span>|Hộ gia đình, cá nhân <span class=\"en\">Household or individual</span>)$", r[6]));
    }

    [GeneratedRegex("<table id=\"sites-table\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex SitesTable();
}
