using System.Net;
using Facilities.Application.Results;
using Facilities.Core.Compliance;
using Facilities.Core.Norms;
using Facilities.Core.Schema;
using Facilities.Storage.Sqlite;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>The result endpoints give the CLI CSV's numbers for the same options (a ward popup shows the CSV row).</summary>
public sealed class ResultEndpointTests(SampleCityApp sample) : IClassFixture<SampleCityApp>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("tieu_hoc", 2030, "admin")]
    [InlineData("mam_non", 2025, "admin")]
    [InlineData("thcs", 2035, "catchment")]
    public async Task Deficit_properties_are_the_rows_of_the_cli_csv_for_the_same_options(string level, int year, string method)
    {
        var csv = _dir.File("deficit.csv");
        CliRun.Ok("deficit", SharedData.SampleCity, "--level", level, "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--method", method, "--out", csv);
        var (status, body) = await sample.App.Client().GetJsonAsync($"/api/deficit?level={level}&year={year}&method={method}");
        Assert.Equal(HttpStatusCode.OK, status);
        CsvAssert.SameAsCsv(body, csv, row => row["ward_code"]);
        Assert.All(body.GetProperty("features").EnumerateArray(), f => Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("catchment")]
    public async Task Teacher_properties_are_the_ward_rows_of_the_cli_csv_for_that_level(string method)
    {
        var csv = _dir.File("teachers.csv");
        CliRun.Ok("teachers", SharedData.SampleCity, "--year", "2030", "--method", method, "--out", csv);
        var levelRows = _dir.File("teachers-thcs.csv");
        var lines = File.ReadAllLines(csv);
        File.WriteAllLines(levelRows, lines.Take(1).Concat(lines.Skip(1).Where(l => l.Contains(",thcs,", StringComparison.Ordinal))));
        File.Copy(csv + ".stamp.json", levelRows + ".stamp.json");
        var (status, body) = await sample.App.Client().GetJsonAsync($"/api/teachers?level=thcs&year=2030&method={method}");
        Assert.Equal(HttpStatusCode.OK, status);
        CsvAssert.SameAsCsv(body, levelRows, row => row["ward_code"]);
    }

    [Fact]
    public async Task Compliance_properties_are_the_school_rows_of_the_cli_csv()
    {
        var csv = _dir.File("compliance.csv");
        CliRun.Ok("compliance", SharedData.SampleCity, "--out", csv);
        var (status, body) = await sample.App.Client().GetJsonAsync("/api/compliance");
        Assert.Equal(HttpStatusCode.OK, status);
        // compliance_status is a column of the one compliance table, so the CLI CSV has it too.
        CsvAssert.SameAsCsv(body, csv, row => row["school_id"] + ":" + row["level"]);
    }

    [Fact]
    public async Task The_cli_geojson_on_stdout_and_the_api_answer_of_one_deficit_have_the_same_stamp_properties_and_geometries()
    {
        var stdout = CliRun.Ok("deficit", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--out", "-", "--format", "geojson", "--quiet");
        var (status, api) = await sample.App.Client().GetJsonAsync("/api/deficit?level=thcs&year=2030");

        Assert.Equal(HttpStatusCode.OK, status);
        using var cli = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(api.GetProperty("stamp").GetRawText(), cli.RootElement.GetProperty("stamp").GetRawText());
        var (fromCli, fromApi) = (cli.RootElement.GetProperty("features").EnumerateArray().ToList(), api.GetProperty("features").EnumerateArray().ToList());
        Assert.Equal(12, fromApi.Count);
        Assert.Equal(fromApi.Count, fromCli.Count);
        for (var i = 0; i < fromApi.Count; i++)
        {
            // The same writer: the same property names, order, values and JSON types; only the id differs (ward:level on stdout, one level's ward code on /api).
            Assert.Equal(fromApi[i].GetProperty("properties").GetRawText(), fromCli[i].GetProperty("properties").GetRawText());
            Assert.Equal(fromApi[i].GetProperty("geometry").GetRawText(), fromCli[i].GetProperty("geometry").GetRawText());
            Assert.Equal(fromApi[i].GetProperty("id").GetString() + ":thcs", fromCli[i].GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Each_school_carries_the_overall_compliance_status_core_decides()
    {
        var city = DatasetLoader.LoadCity(SharedData.SampleCity, NormsSet.BuiltIn);
        var core = ComplianceChecker.Check(city, NormsSet.BuiltIn, DatasetSchema.Levels)
            .ToDictionary(r => r.SchoolId + ":" + r.Level, r => ComplianceColumns.StatusText(r.Overall));

        var (status, body) = await sample.App.Client().GetJsonAsync("/api/compliance");

        Assert.Equal(HttpStatusCode.OK, status);
        var served = body.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("properties").GetProperty("compliance_status").GetString()!);
        Assert.Equal(core.OrderBy(p => p.Key, StringComparer.Ordinal), served.OrderBy(p => p.Key, StringComparer.Ordinal));
        // The sample city has schools of each outcome, so the comparison is not one value repeated.
        Assert.Equal(["fail", "pass", "unknown"], served.Values.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Candidate_sites_are_the_rows_of_the_cli_csv_with_their_score_breakdown()
    {
        var csv = _dir.File("sites.csv");
        CliRun.Ok("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--top", "20", "--out", csv);
        var (status, body) = await sample.App.Client().GetJsonAsync("/api/sites?level=thcs&year=2030&top=20");
        Assert.Equal(HttpStatusCode.OK, status);
        CsvAssert.SameAsCsv(body, csv, row => row["site_id"]);
        Assert.Equal(3000, body.GetProperty("summary").GetProperty("parcels_screened").GetInt64());
    }

    [Theory]
    [InlineData("/api/deficit?year=2030", "level")]
    [InlineData("/api/deficit?level=primary", "level")]
    [InlineData("/api/deficit?level=thcs&year=20x0", "year")]
    [InlineData("/api/deficit?level=thcs&method=gravity", "method")]
    [InlineData("/api/deficit?level=thcs&twoSessions=yes", "twoSessions")]
    public async Task A_bad_parameter_is_a_400_that_names_it_in_both_languages(string url, string parameter)
    {
        var (status, body) = await sample.App.Client().GetJsonAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("error");
        Assert.Equal("bad-parameter", error.GetProperty("code").GetString());
        Assert.Contains($"tham số '{parameter}'", error.GetProperty("vi").GetString(), StringComparison.Ordinal);
        Assert.Contains($"parameter '{parameter}'", error.GetProperty("en").GetString(), StringComparison.Ordinal);
    }
}
