using Facilities.Core.Deficit;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Tests.Deficit;

/// <summary>
/// The one-pass <see cref="AdminDeficitCalculator.Compute"/> gives the definition's rows (<see cref="AdminDeficitByDefinition"/>)
/// to the last digit and decimal scale, and reads the same norms, on a generated city of 400 wards with a fixed seed.
/// </summary>
public class AdminDeficitOnePassTests
{
    private static readonly Lazy<CityModel> City = new(() =>
    {
        var generated = SampleCityGenerator.Generate(new SampleCityOptions { Seed = 20251203, Wards = 400, Parcels = 0, WidthMetres = 60_000, HeightMetres = 50_000 });
        var city = CityModel.FromLayers(generated.Layer("wards"), generated.Layer("schools"), generated.Layer("urban_areas"),
            generated.Layer("industrial_zones"), NormsSet.BuiltIn["dependants_per_worker"]);
        // The generator reports every school's subject rooms and makes them all public: every 7th school here has its
        // subject rooms unknown and every 5th is private, so both rules are exercised.
        return CityModel.Of(city.MetricCrs, city.Wards,
            city.Schools.Select((s, i) => s with { SubjectRooms = i % 7 == 3 ? null : s.SubjectRooms, IsPublic = i % 5 != 2 }), city.Growth);
    });

    public static TheoryData<string> Variants() => ["default", "two_sessions", "public_only", "preschool_by_age", "levels_reordered_and_repeated", "year_2027"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void TheOnePassRowsEqualTheDefinitionsRowsOnAGeneratedCity(string variant)
    {
        var options = variant switch
        {
            "two_sessions" => new DeficitOptions(2030) { TwoSessions = true },
            "public_only" => new DeficitOptions(2030) { PublicOnly = true },
            "preschool_by_age" => new DeficitOptions(2030) { PreschoolByAge = true },
            "levels_reordered_and_repeated" => new DeficitOptions(2030) { Levels = ["thpt", "mam_non", "thpt"] },
            "year_2027" => new DeficitOptions(2027),
            _ => new DeficitOptions(2030),
        };
        var expectedLog = new NormsReadLog();
        var actualLog = new NormsReadLog();

        var expected = AdminDeficitByDefinition.Compute(City.Value, NormsSet.BuiltIn.RecordingInto(expectedLog), options);
        var actual = AdminDeficitCalculator.Compute(City.Value, NormsSet.BuiltIn.RecordingInto(actualLog), options).Rows;

        Assert.True(City.Value.Schools.Count > 1000 && City.Value.Growth.Count > 0, "the generated city has schools and growth areas");
        Assert.True(actual.Any(r => r.UrbanAreaPupils != 0) && actual.Any(r => r.SubjectRoomsUnknown > 0), "growth pupils and unknown subject rooms are exercised");
        // A record's text shows every property with its decimal scale, which record equality would not compare.
        Assert.Equal(expected.Select(r => r.ToString()), actual.Select(r => r.ToString()));
        Assert.Equal(expectedLog.Keys, actualLog.Keys);
    }

    [Fact]
    public void ASchoolOutsideEveryWardOrOfALevelNotComputedIsLeftOutAsTheDefinitionLeavesItOut()
    {
        var city = City.Value;
        var odd = CityModel.Of(city.MetricCrs, city.Wards, [.. city.Schools,
            city.Schools[0] with { Id = "X1", WardCode = "" },
            city.Schools[0] with { Id = "X2", WardCode = "not-a-ward" },
            city.Schools[0] with { Id = "X3", Level = "dai_hoc" }], city.Growth);
        var options = new DeficitOptions(2030) { Levels = ["tieu_hoc", "thcs"] };

        var expected = AdminDeficitByDefinition.Compute(odd, NormsSet.BuiltIn, options);
        var actual = AdminDeficitCalculator.Compute(odd, NormsSet.BuiltIn, options).Rows;

        Assert.Equal(expected.Select(r => r.ToString()), actual.Select(r => r.ToString()));
    }
}
