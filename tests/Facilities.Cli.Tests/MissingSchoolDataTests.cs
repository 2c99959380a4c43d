using System.Globalization;
using Facilities.Testing;
using SkiaSharp;

namespace Facilities.Cli.Tests;

/// <summary>
/// The sample city has no upper-secondary (THPT) school in four wards: every command says so on the console and in
/// the stamp, flags those rows, and the map draws them as no data.
/// </summary>
public sealed class MissingSchoolDataTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    [Fact]
    public void DeficitWarnsOnTheConsoleAndInTheStampAndFlagsTheRows()
    {
        var output = _dir.File("d.csv");

        var (code, stdout, stderr) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--level", "thpt", "--out", output);

        Assert.True(code == 0, stderr);
        var rows = Csv(output);
        var flagged = rows.Where(r => r["data_status"] == "no_school_data").Select(r => r["ward_code"]).ToList();
        Assert.Equal(rows.Where(r => r["schools_in_data"] == "0").Select(r => r["ward_code"]), flagged);
        Assert.NotEmpty(flagged);
        Assert.All(rows.Where(r => r["data_status"] == "ok"), r => Assert.True(long.Parse(r["schools_in_data"], CultureInfo.InvariantCulture) > 0));
        // Where data is missing the numbers are what the data says: no room available, every room needed short.
        Assert.All(rows.Where(r => r["data_status"] == "no_school_data"), r => Assert.Equal((r["rooms_available"], r["rooms_needed"]), ("0", r["deficit_rooms"])));
        var vi = $"cảnh báo: {flagged.Count} phường/xã không có trường THPT nào trong dữ liệu: thiếu hụt ở đó có thể là do thiếu dữ liệu ({string.Join(", ", flagged)}).";
        Assert.Contains(vi, stderr, StringComparison.Ordinal);
        Assert.Contains($"\"{flagged.Count} wards have no upper-secondary school in the data: their shortage may be missing data", File.ReadAllText(output + ".stamp.json"),
            StringComparison.Ordinal);
        Assert.Contains(flagged.Count.ToString(CultureInfo.InvariantCulture), stdout.Split('\n').Single(l => l.Contains("THPT", StringComparison.Ordinal)).Split('|')[^2],
            StringComparison.Ordinal);
    }

    [Fact]
    public void TheWorkbookLabelsTheStatusInVietnamese()
    {
        var output = _dir.File("d.xlsx");

        Assert.Equal(0, CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--level", "thpt", "--out", output).Code);

        var sheet = MiniExcelLibs.MiniExcel.Query(output, useHeaderRow: true, sheetName: "THPT").Cast<IDictionary<string, object>>().ToList();
        var statuses = sheet.Select(r => r["Dữ liệu trường"]?.ToString()).Where(s => !string.IsNullOrEmpty(s)).Distinct().Order().ToList();
        Assert.Equal(["có dữ liệu", "không có dữ liệu"], statuses);
    }

    [Fact]
    public void TeachersComplianceAndSitesCarryTheFlagAndTheWarning()
    {
        var teachers = _dir.File("t.csv");
        var compliance = _dir.File("c.csv");

        var (tc, _, terr) = CliRunner.Run("teachers", SharedData.SampleCity, "--year", "2030", "--out", teachers, "--lang", "en");
        var (cc, _, cerr) = CliRunner.Run("compliance", SharedData.SampleCity, "--out", compliance, "--lang", "en");

        Assert.True(tc == 0, terr);
        Assert.True(cc == 0, cerr);
        Assert.Contains("wards have no upper-secondary school in the data: their teacher shortfall may be missing data", terr, StringComparison.Ordinal);
        Assert.Contains("wards have no upper-secondary school in the data: no school there could be checked", cerr, StringComparison.Ordinal);
        var wards = Csv(teachers);
        Assert.Equal(
            wards.Where(r => r["level"] == "thpt" && r["schools_in_data"] == "0").Select(r => r["ward_code"]),
            wards.Where(r => r["data_status"] == "no_school_data").Select(r => r["ward_code"]));
        Assert.All(Csv(Path.ChangeExtension(teachers, ".schools.csv")), r => Assert.Equal("", r["data_status"]));
        Assert.All(Csv(Path.ChangeExtension(compliance, ".wards.csv")), r => Assert.Equal("ok", r["data_status"]));
    }

    [Fact]
    public void RenderDrawsTheWardsWithoutSchoolDataHatchedGreyAndCountsThemInTheLegend()
    {
        var png = _dir.File("m.png");

        var (code, _, err) = CliRunner.Run("render", SharedData.SampleCity, "--level", "thpt", "--year", "2030", "--out", png, "--lang", "en");

        Assert.True(code == 0, err);
        Assert.Contains("wards have no upper-secondary school in the data", err, StringComparison.Ordinal);
        using var image = SKBitmap.Decode(png);
        var grey = new SKColor(0xBD, 0xBD, 0xBD);
        int greyInMap = 0, hatchInMap = 0;
        for (var x = 40; x < 1140; x += 2)
        {
            for (var y = 140; y < 1080; y += 2)
            {
                var c = image.GetPixel(x, y);
                greyInMap += c == grey ? 1 : 0;
                hatchInMap += c.Red == c.Green && c.Green == c.Blue && c.Red is >= 0x69 and < 0xA9 ? 1 : 0;
            }
        }

        // Four of twelve wards: a large grey area with hatching across it.
        Assert.True(greyInMap > 5000, $"only {greyInMap} no-data pixels");
        Assert.True(hatchInMap > 500, $"only {hatchInMap} hatch pixels");
    }
}
