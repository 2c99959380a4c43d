using System.Text.Json;
using Facilities.Testing;

namespace Facilities.Cli.Tests;

/// <summary>A stamp names the norms the run read (recorded as read), not a list kept beside the computation.</summary>
public sealed class StampedNormsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Unconfirmed(params string[] args)
    {
        var output = _dir.File(Guid.NewGuid().ToString("N") + ".csv");
        var (code, _, stderr) = CliRunner.Run([.. args, "--out", output]);
        Assert.True(code == 0, stderr);
        using var stamp = JsonDocument.Parse(File.ReadAllText(output + ".stamp.json"));
        return stamp.RootElement.GetProperty("unconfirmed_norms").GetString()!;
    }

    // A province file that marks the single preschool cap and the youngest age group's cap unconfirmed.
    private string PreschoolCaps() => _dir.Write("caps.json", """
        { "version": "hp-caps", "values": {
            "class_cap.mam_non": { "value": 30, "unit": "pupils per class", "status": "unconfirmed", "source": "test" },
            "class_cap.mam_non.age_3_4": { "value": 25, "unit": "pupils per class", "status": "unconfirmed", "source": "test" } } }
        """);

    [Fact]
    public void WithPreschoolByAgeTheStampNamesTheAgeCapsReadNotTheSingleCap()
    {
        var norms = PreschoolCaps();

        var byAge = Unconfirmed("deficit", SharedData.SampleCity, "--year", "2030", "--level", "mam_non", "--preschool-by-age", "--norms", norms).Split(", ");
        var single = Unconfirmed("deficit", SharedData.SampleCity, "--year", "2030", "--level", "mam_non", "--norms", norms).Split(", ");

        Assert.Contains("class_cap.mam_non.age_3_4", byAge);
        Assert.DoesNotContain("class_cap.mam_non", byAge);
        Assert.Contains("class_cap.mam_non", single);
        Assert.DoesNotContain("class_cap.mam_non.age_3_4", single);
    }

    [Fact]
    public void ARenderedCatchmentMapIsStampedAsTheCatchmentDeficitOfItsLevel()
    {
        var png = _dir.File("map.png");
        var (code, _, stderr) = CliRunner.Run("render", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--method", "catchment", "--grid-m", "500", "--out", png);
        Assert.True(code == 0, stderr);
        using var map = JsonDocument.Parse(File.ReadAllText(png + ".stamp.json"));

        var deficit = Unconfirmed("deficit", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--method", "catchment", "--grid-m", "500");

        Assert.Equal(deficit, map.RootElement.GetProperty("unconfirmed_norms").GetString());
        Assert.Contains("service_radius_m.thcs.urban", deficit, StringComparison.Ordinal);
    }
}
