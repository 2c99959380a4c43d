using System.Net;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>
/// The web answers flag the wards without school data as the CLI CSV does (the sample city has no THPT school in four
/// wards) and carry the same warning in their stamp, so the map can draw them as "không có dữ liệu".
/// </summary>
public sealed class MissingSchoolDataApiTests(SampleCityApp sample) : IClassFixture<SampleCityApp>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("admin")]
    [InlineData("catchment")]
    public async Task Deficit_rows_without_school_data_are_flagged_as_in_the_cli_csv_and_the_stamp_warns(string method)
    {
        var csv = _dir.File("deficit.csv");
        CliRun.Ok("deficit", SharedData.SampleCity, "--level", "thpt", "--year", "2030", "--method", method, "--out", csv);

        var (status, body) = await sample.App.Client().GetJsonAsync($"/api/deficit?level=thpt&year=2030&method={method}");

        Assert.Equal(HttpStatusCode.OK, status);
        CsvAssert.SameAsCsv(body, csv, row => row["ward_code"]);
        var features = body.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var flagged = features.Where(p => p.GetProperty("data_status").GetString() == "no_school_data").Select(p => p.GetProperty("ward_code").GetString()).ToList();
        Assert.Equal(features.Where(p => p.GetProperty("schools_in_data").GetInt64() == 0).Select(p => p.GetProperty("ward_code").GetString()), flagged);
        Assert.NotEmpty(flagged);
        var warnings = body.GetProperty("stamp").EnumerateObject().Where(p => p.Name.StartsWith("warning_", StringComparison.Ordinal)).Select(p => p.Value.GetString()).ToList();
        Assert.Contains($"{flagged.Count} wards have no upper-secondary school in the data: their shortage may be missing data ({string.Join(", ", flagged)}).", warnings);
    }

    [Fact]
    public async Task Sites_name_the_school_data_of_their_ward()
    {
        var (status, body) = await sample.App.Client().GetJsonAsync("/api/sites?level=thpt&year=2030&top=50");

        Assert.Equal(HttpStatusCode.OK, status);
        var sites = body.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.NotEmpty(sites);
        Assert.All(sites, s => Assert.Contains(s.GetProperty("ward_data_status").GetString(), new[] { "ok", "no_school_data", "" }));
        Assert.Contains(body.GetProperty("stamp").EnumerateObject(), p => p.Value.GetString()!.Contains("listed sites lie in those wards", StringComparison.Ordinal));
    }
}
