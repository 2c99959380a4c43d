using Facilities.Testing;

namespace Facilities.Cli.Tests;

/// <summary><c>deficit --method catchment --population</c>: a user's population points place the demand, and the stamp says so.</summary>
public sealed class CatchmentPopulationTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void PopulationPointsWeightTheDemandAndTheStampNamesThem()
    {
        var points = _dir.Write("pop.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"population":1000},"geometry":{"type":"Point","coordinates":[106.65,20.83]}},
            {"type":"Feature","properties":{"population":500},"geometry":{"type":"Point","coordinates":[106.70,20.85]}}]}
            """);
        var output = _dir.File("c.csv");

        var (code, _, stderr) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2025", "--level", "thcs", "--method", "catchment",
            "--population", points, "--out", output, "--lang", "en");

        Assert.True(code == 0, stderr);
        Assert.Contains("Demand is weighted by population points", stderr, StringComparison.Ordinal);
        Assert.Contains("demand_weighting=population_points", File.ReadAllText(output + ".stamp.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void APointWithoutPopulationIsRefusedAndNothingIsWritten()
    {
        var points = _dir.Write("bad.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"pop":1000},"geometry":{"type":"Point","coordinates":[106.65,20.83]}}]}
            """);
        var output = _dir.File("c.csv");

        var (code, _, stderr) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2025", "--level", "thcs", "--method", "catchment",
            "--population", points, "--out", output, "--lang", "en");

        Assert.Equal(3, code);
        Assert.Contains("bad.geojson, layer 'population': feature 1: needs a point with a non-negative number in field 'population'", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void WithoutParcelsOrPointsTheRunSaysTheDemandIsSpreadEvenly()
    {
        var wardsAndSchools = _dir.File("ws.gpkg");
        Assert.Equal(0, CliRunner.Run("export", SharedData.SampleCity, "--layer", "wards", "--out", wardsAndSchools).Code);
        Assert.Equal(0, CliRunner.Run("export", SharedData.SampleCity, "--layer", "schools", "--out", wardsAndSchools).Code);
        var output = _dir.File("c.csv");

        var (code, _, stderr) = CliRunner.Run("deficit", wardsAndSchools, "--year", "2025", "--level", "thcs", "--method", "catchment", "--out", output, "--lang", "en");

        Assert.True(code == 0, stderr);
        Assert.Contains("Demand is spread evenly over each ward's whole area", stderr, StringComparison.Ordinal);
        Assert.Contains("demand_weighting=uniform", File.ReadAllText(output + ".stamp.json"), StringComparison.Ordinal);
    }
}
