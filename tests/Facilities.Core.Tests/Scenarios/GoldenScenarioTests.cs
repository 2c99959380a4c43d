using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Tests.Scenarios;

/// <summary>
/// Golden scenarios: the deficit of a known city compared with expected figures kept beside the test
/// (Scenarios/&lt;name&gt;/expected.json). Integers must match exactly, fractional pupils within 1e-6.
/// FACILITIES_UPDATE_GOLDEN=1 rewrites the expected files; a change is accepted only if it can be explained
/// (docs/deficit.md).
/// </summary>
public class GoldenScenarioTests
{
    private static string Folder(string name) =>
        Path.Combine(Testing.SharedData.RepoRoot, "tests", "Facilities.Core.Tests", "Scenarios", name);

    private static JsonObject Actual()
    {
        // The generated sample city (default seed), so the scenario needs no data file of its own.
        var city = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 0 });
        var model = CityModel.FromLayers(city.Layer("wards"), city.Layer("schools"), city.Layer("urban_areas"), city.Layer("industrial_zones"),
            NormsSet.BuiltIn["dependants_per_worker"]);
        var options = new DeficitOptions(2030);
        var admin = AdminDeficitCalculator.Compute(model, NormsSet.BuiltIn, options);
        var catchment = CatchmentCalculator.Compute(model, NormsSet.BuiltIn, options, new CatchmentOptions { CapacityLimited = true });
        var rows = new JsonArray();
        foreach (var r in admin.Rows)
        {
            var c = catchment.Wards.Single(w => w.WardCode == r.WardCode && w.Level == r.Level);
            rows.Add(new JsonObject
            {
                ["ward_code"] = r.WardCode,
                ["level"] = r.Level,
                ["pupils"] = r.Pupils,
                ["classes_needed"] = r.ClassesNeeded,
                ["rooms_needed"] = r.RoomsNeeded,
                ["rooms_available"] = r.RoomsAvailable,
                ["deficit_rooms"] = r.DeficitRooms,
                ["urban_area_pupils"] = (double)r.UrbanAreaPupils,
                ["industrial_zone_pupils"] = (double)r.IndustrialZonePupils,
                ["catchment_unserved"] = Math.Round(c.Unserved, 6),
                ["catchment_rooms_needed"] = c.RoomsNeeded,
            });
        }

        return new JsonObject { ["scenario"] = "sample city (seed 20250701), year 2030, national norms " + NormsSet.BuiltIn.Version, ["rows"] = rows };
    }

    [Fact]
    public void SampleCityIn2030MatchesItsGoldenFigures()
    {
        var path = Path.Combine(Folder("sample-city-2030"), "expected.json");
        var actual = Actual();
        if (Environment.GetEnvironmentVariable("FACILITIES_UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            File.WriteAllText(path, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            Assert.Skip("golden file written: " + path);
        }

        var expected = JsonNode.Parse(File.ReadAllText(path))!["rows"]!.AsArray();
        var rows = actual["rows"]!.AsArray();
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var e = expected[i]!.AsObject();
            var a = rows[i]!.AsObject();
            var where = $"{a["ward_code"]}/{a["level"]}";
            foreach (var (key, value) in e)
            {
                var actualValue = a[key]!;
                if (value!.GetValueKind() == JsonValueKind.Number && value.ToJsonString().Contains('.', StringComparison.Ordinal))
                {
                    Assert.True(Math.Abs(value.GetValue<double>() - actualValue.GetValue<double>()) < 2e-6,
                        string.Create(CultureInfo.InvariantCulture, $"{where} {key}: expected {value}, got {actualValue}"));
                }
                else
                {
                    Assert.True(value.ToJsonString() == actualValue.ToJsonString(), $"{where} {key}: expected {value}, got {actualValue}");
                }
            }
        }
    }
}
