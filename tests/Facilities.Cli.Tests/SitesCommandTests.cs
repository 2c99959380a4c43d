using System.Globalization;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using MiniExcelLibs;

namespace Facilities.Cli.Tests;

public sealed class SitesCommandTests : IDisposable
{
    private static readonly string[] ScoreColumns = ["score_rooms_short", "score_unserved_pupils", "score_school_distance", "score_land_status", "score_area_margin"];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void SitesOfTheSampleCityAreRankedWithAScoreThatAddsUp()
    {
        var output = _dir.File("s.csv");

        var (code, stdout, stderr) = CliRunner.Run("sites", SharedData.SampleCity, "--level", "tieu_hoc", "--year", "2030", "--out", output, "--lang", "en");

        Assert.True(code == 0, stderr);
        Assert.Contains("Screened 3,000 parcels", stdout, StringComparison.Ordinal);
        Assert.Contains("rejected: width", stdout, StringComparison.Ordinal);
        Assert.Contains("screening.min_distance_industrial_m", stderr, StringComparison.Ordinal);
        var rows = Rows(output);
        Assert.Equal(100, rows.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["rank"]));
        Assert.All(rows, r => Assert.Equal(D(r["score"]), ScoreColumns.Sum(c => D(r[c])), 9));
        Assert.All(rows, r => Assert.True(D(r["area_m2"]) >= D(r["min_area_m2"]) && D(r["width_m"]) >= 30, r["site_id"]));
        Assert.All(rows, r => Assert.True(
            r["land_use"] == "DGD" || r["planned_land_use"] == "DGD" || (r["land_use"] is "TSC" or "DHT" && r["owner_type"] == "state"), r["site_id"]));
        Assert.True(rows.Zip(rows.Skip(1)).All(p => D(p.First["score"]) >= D(p.Second["score"])));
        var stamp = File.ReadAllText(output + ".stamp.json");
        Assert.Contains("\"computation\": \"sites\"", stamp, StringComparison.Ordinal);
        Assert.Contains("level=tieu_hoc; year=2030; top=100", stamp, StringComparison.Ordinal);
    }

    [Fact]
    public void SameInputsGiveAByteIdenticalCsv()
    {
        var (a, b) = (_dir.File("a.csv"), _dir.File("b.csv"));

        CliRunner.Run("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--top", "0", "--out", a);
        CliRunner.Run("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--top", "0", "--out", b);

        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.True(Rows(a).Count > 100);
    }

    [Fact]
    public void TopKeepsTheBestAndResidentialLandOnlyCountsWhenAllowed()
    {
        var (all, top, homes) = (_dir.File("all.csv"), _dir.File("top.csv"), _dir.File("homes.csv"));

        CliRunner.Run("sites", SharedData.SampleCity, "--level", "mam_non", "--year", "2030", "--top", "0", "--out", all);
        CliRunner.Run("sites", SharedData.SampleCity, "--level", "mam_non", "--year", "2030", "--top", "7", "--out", top);
        CliRunner.Run("sites", SharedData.SampleCity, "--level", "mam_non", "--year", "2030", "--top", "0", "--allow-residential", "--out", homes);

        Assert.Equal(Rows(all).Take(7).Select(r => r["site_id"]), Rows(top).Select(r => r["site_id"]));
        Assert.DoesNotContain(Rows(all), r => r["land_use"] is "ODT" or "ONT");
        Assert.Contains(Rows(homes), r => r["land_use"] is "ODT" or "ONT" && r["owner_type"] == "household");
        Assert.True(Rows(homes).Count > Rows(all).Count);
    }

    [Fact]
    public void RejectedParcelsAreWrittenWithEveryReason()
    {
        var output = _dir.File("s.csv");

        Assert.Equal(0, CliRunner.Run("sites", SharedData.SampleCity, "--level", "thpt", "--year", "2030", "--top", "0", "--rejected", "--out", output).Code);

        var rejected = Rows(_dir.File("s.rejected.csv"));
        Assert.Equal(3000 - Rows(output).Count(r => r["merged"] == "no"), rejected.Count);
        Assert.Contains(rejected, r => r["failed"] == "area;land_use");
        Assert.DoesNotContain(rejected, r => r["failed"].Length == 0);
    }

    [Fact]
    public void GeoPackageHasTheCandidateSitesLayerAndTheStamp()
    {
        var output = _dir.File("s.gpkg");

        var (code, _, stderr) = CliRunner.Run("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--top", "20", "--out", output);

        Assert.True(code == 0, stderr);
        var layer = GeoPackageDataset.ReadLayer(output, "candidate_sites")!;
        Assert.Equal(20, layer.Features.Count);
        Assert.Equal(4326, layer.Crs!.Srid);
        Assert.All(layer.Features, f => Assert.InRange(f.Geometry!.Centroid.X, 106.5, 106.8));
        Assert.All(ScoreColumns.Append("score").Append("parcel_ids"), c => Assert.Contains(layer.Fields, f => f.Name == c));
        Assert.Equal("sites", GeoPackageDataset.Metadata(output)["result.computation"]);
        Assert.NotNull(GeoPackageDataset.ReadLayer(output, "screening_summary"));
    }

    [Fact]
    public void WorkbookHasCandidatesSummaryNormsAndStamp()
    {
        var output = _dir.File("s.xlsx");

        Assert.Equal(0, CliRunner.Run("sites", SharedData.SampleCity, "--level", "tieu_hoc", "--year", "2030", "--out", output).Code);

        Assert.Equal(["Địa điểm đề xuất", "Tóm tắt", "Định mức", "Dấu kiểm"], MiniExcel.GetSheetNames(output));
        Assert.Equal(100, MiniExcel.Query(output, useHeaderRow: true, sheetName: "Địa điểm đề xuất").Count());
    }

    [Fact]
    public void WeightsFileIsReadAndABadOneIsRefused()
    {
        var weights = _dir.Write("w.json", """{ "weights": { "rooms_short": 0, "unserved_pupils": 0, "school_distance": 0, "land_status": 0, "area_margin": 100 } }""");
        var bad = _dir.Write("bad.json", """{ "weights": { "size": 1 } }""");
        var output = _dir.File("s.csv");

        Assert.Equal(0, CliRunner.Run("sites", SharedData.SampleCity, "--level", "tieu_hoc", "--year", "2030", "--weights", weights, "--out", output).Code);
        Assert.All(Rows(output), r => Assert.Equal(r["score"], r["score_area_margin"]));

        var (code, _, stderr) = CliRunner.Run("sites", SharedData.SampleCity, "--level", "tieu_hoc", "--year", "2030", "--weights", bad, "--out", _dir.File("x.csv"), "--lang", "en");
        Assert.Equal(3, code);
        Assert.Contains("weights.size", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLandConsideredListsOnlyWhatTheNormsAdmit()
    {
        // A norms file that admits no convertible state land (as the issue 15 benchmark's): the line named the empty
        // list as "DGD,  của nhà nước" before.
        var norms = _dir.Write("dgd.json", """
            { "version": "test-dgd-only", "values": {
              "screening.convertible.TSC": { "value": 0, "unit": "1", "status": "unconfirmed", "source": "test" },
              "screening.convertible.DHT": { "value": 0, "unit": "1", "status": "unconfirmed", "source": "test" } } }
            """);

        var (code, vi, _) = CliRunner.Run("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--norms", norms, "--out", _dir.File("a.csv"));
        var (_, en, _) = CliRunner.Run("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--out", _dir.File("b.csv"), "--allow-residential", "--lang", "en");

        Assert.Equal(0, code);
        Assert.Contains("đất được xét: DGD.", vi, StringComparison.Ordinal);
        Assert.Contains("land considered: DGD, state DHT, TSC, residential.", en, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--level", "tieu_hoc", "--year", "2030", "--out", "s.pdf")]
    [InlineData("--year", "2030", "--out", "s.csv")]
    [InlineData("--level", "dai_hoc", "--year", "2030", "--out", "s.csv")]
    [InlineData("--level", "thcs", "--year", "2030", "--top", "-1", "--out", "s.csv")]
    public void BadCommandLinesAreUsageErrors(params string[] args) =>
        Assert.Equal(1, CliRunner.Run([.. new[] { "sites", SharedData.SampleCity }, .. args.Select(a => a.StartsWith("s.", StringComparison.Ordinal) ? _dir.File(a) : a)]).Code);

    [Fact]
    public void DatasetWithoutParcelsIsAFileError()
    {
        var dataset = _dir.File("w.gpkg");
        CliRunner.Run("export", SharedData.SampleCity, "--layer", "wards", "--out", dataset);

        var (code, _, stderr) = CliRunner.Run("sites", dataset, "--level", "thcs", "--year", "2030", "--out", _dir.File("s.csv"), "--lang", "en");

        Assert.Equal(3, code);
        Assert.Contains("parcels", stderr, StringComparison.Ordinal);
    }
}
