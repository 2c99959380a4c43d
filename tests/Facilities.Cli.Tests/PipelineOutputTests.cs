using System.Globalization;
using System.Text.Json;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.Cli.Tests;

/// <summary>
/// The CLI in a pipeline: --json puts one summary object (and nothing else) on stdout, --out - puts the result itself
/// there as CSV or GeoJSON, --quiet prints only errors, and System.CommandLine's help and parse errors follow --lang.
/// </summary>
public sealed class PipelineOutputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Deficit_json_is_one_summary_object_whose_totals_and_stamp_match_the_csv_it_wrote()
    {
        var csv = _dir.File("d.csv");
        var (code, stdout, _) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--out", csv, "--json");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var summary = Assert.Single(lines);
        var json = JsonDocument.Parse(summary).RootElement;
        Assert.Equal("facilities.summary/1", json.GetProperty("schema").GetString());
        Assert.Equal("deficit", json.GetProperty("command").GetString());
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal(csv, json.GetProperty("output").GetString());
        var stampFile = JsonDocument.Parse(File.ReadAllText(csv + ".stamp.json")).RootElement;
        Assert.Equal(stampFile.GetProperty("stamp_id").GetString(), json.GetProperty("stamp").GetProperty("stamp_id").GetString());

        // The totals are the CSV's own sums: pupils, and rooms to build = Σ max(0, deficit_rooms) of the level's wards.
        var rows = ReadCsv(File.ReadAllText(csv));
        foreach (var level in new[] { "mam_non", "tieu_hoc", "thcs", "thpt" })
        {
            var mine = rows.Where(r => r["level"] == level).ToList();
            var totals = json.GetProperty("totals").GetProperty(level);
            Assert.Equal(mine.Sum(r => long.Parse(r["pupils"], CultureInfo.InvariantCulture)), totals.GetProperty("pupils").GetInt64());
            Assert.Equal(mine.Sum(r => Math.Max(0, long.Parse(r["deficit_rooms"], CultureInfo.InvariantCulture))), totals.GetProperty("rooms_to_build").GetInt64());
        }

        Assert.True(json.GetProperty("warnings").GetArrayLength() > 0);
        Assert.All(json.GetProperty("warnings").EnumerateArray(), w => Assert.False(string.IsNullOrEmpty(w.GetProperty("en").GetString())));
    }

    [Fact]
    public void Out_dash_writes_the_same_csv_rows_to_stdout_without_a_bom_and_nothing_else()
    {
        var file = _dir.File("d.csv");
        Assert.Equal(0, CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--level", "thcs", "--out", file).Code);

        var (code, stdout, stderr) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--level", "thcs", "--out", "-");

        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(file).TrimStart('\uFEFF'), stdout);
        Assert.StartsWith("ward_code,", stdout, StringComparison.Ordinal);
        Assert.Contains("lưu ý", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_dash_geojson_is_one_feature_collection_of_every_wards_row_and_the_json_summary_goes_to_stderr()
    {
        var wards = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "wards")!.Features.Count;

        var (code, stdout, stderr) = CliRunner.Run("teachers", SharedData.SampleCity, "--year", "2030", "--out", "-", "--format", "geojson", "--json");

        Assert.Equal(0, code);
        var collection = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        // One row per ward and level, all four levels.
        Assert.Equal(4 * wards, collection.GetProperty("features").GetArrayLength());
        // The web's GeoJSON writer: the stamp rides with the features, and every feature carries its stamp_id.
        var stampId = collection.GetProperty("stamp").GetProperty("stamp_id").GetString();
        Assert.All(collection.GetProperty("features").EnumerateArray(), f => Assert.Equal(stampId, f.GetProperty("properties").GetProperty("stamp_id").GetString()));
        var summary = stderr.Split('\n').Single(l => l.StartsWith('{'));
        Assert.Equal("-", JsonDocument.Parse(summary).RootElement.GetProperty("output").GetString());
    }

    [Fact]
    public void Quiet_prints_nothing_on_success_and_the_error_on_failure()
    {
        var (code, stdout, stderr) = CliRunner.Run("compliance", SharedData.SampleCity, "--out", _dir.File("c.csv"), "--quiet");
        Assert.Equal((0, "", ""), (code, stdout, stderr));

        var (failed, failedOut, failedErr) = CliRunner.Run("compliance", SharedData.SampleCity, "--out", _dir.File("c.txt"), "--quiet", "--lang", "en");
        Assert.NotEqual(0, failed);
        Assert.Equal("", failedOut);
        Assert.Contains("'.txt' is not supported", failedErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_and_validate_json_report_the_datasets_layers_and_issues()
    {
        var (code, stdout, _) = CliRunner.Run("info", SharedData.SampleCity, "--json");
        Assert.Equal(0, code);
        var layers = JsonDocument.Parse(stdout).RootElement.GetProperty("totals").GetProperty("layers");
        foreach (var layer in layers.EnumerateObject())
        {
            Assert.Equal(GeoPackageDataset.ReadLayer(SharedData.SampleCity, layer.Name)!.Features.Count, layer.Value.GetProperty("features").GetInt32());
        }

        var (valid, validOut, _) = CliRunner.Run("validate", SharedData.SampleCity, "--json");
        var v = JsonDocument.Parse(validOut).RootElement;
        Assert.Equal(0, valid);
        Assert.Equal((true, 0), (v.GetProperty("ok").GetBoolean(), v.GetProperty("totals").GetProperty("errors").GetInt32()));
    }

    [Fact]
    public void Help_and_parse_errors_are_in_vietnamese_by_default_and_in_english_with_lang_en()
    {
        var (_, vi, _) = CliRunner.Run("deficit", "--help");
        var (_, en, _) = CliRunner.Run("--lang", "en", "deficit", "--help");
        foreach (var heading in new[] { "Mô tả:", "Cách dùng:", "Đối số:", "Tùy chọn:", "[mặc định: admin]", "(BẮT BUỘC)", "Hiện trợ giúp và cách dùng" })
        {
            Assert.Contains(heading, vi, StringComparison.Ordinal);
        }

        foreach (var heading in new[] { "Description:", "Usage:", "Arguments:", "Options:", "[default: admin]", "(REQUIRED)", "Show help and usage information" })
        {
            Assert.Contains(heading, en, StringComparison.Ordinal);
            Assert.DoesNotContain(heading, vi, StringComparison.Ordinal);
        }

        var (code, _, viError) = CliRunner.Run("deficit", SharedData.SampleCity);
        var (_, _, enError) = CliRunner.Run("deficit", SharedData.SampleCity, "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("Thiếu tùy chọn bắt buộc '--year'.", viError, StringComparison.Ordinal);
        Assert.Contains("Option '--year' is required.", enError, StringComparison.Ordinal);
        var (_, _, badValue) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--out", "x.csv", "--method", "nearest");
        Assert.Contains("Giá trị 'nearest' không hợp lệ. Phải là một trong:", badValue, StringComparison.Ordinal);
    }

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        // The deficit CSV's ward names carry no commas or quotes in the sample city, so a split is exact here.
        var lines = text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        return [.. lines.Skip(1).Select(cells => lines[0].Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }
}
