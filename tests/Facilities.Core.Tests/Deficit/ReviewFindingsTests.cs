using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.Core.Teachers;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Deficit;

/// <summary>Cases a review of the deficit, teacher and norms code found wrong.</summary>
public class ReviewFindingsTests
{
    private const string SquareA = "POLYGON((600000 2300000, 601000 2300000, 601000 2301000, 600000 2301000, 600000 2300000))";
    private const string SquareB = "POLYGON((601000 2300000, 602000 2300000, 602000 2301000, 601000 2301000, 601000 2300000))";

    private static WardUnit Ward(string code, string wkt, long primary) =>
        new(code, code, "phuong", 0, new Dictionary<string, long> { ["tieu_hoc"] = primary }, Wkt.Read(wkt, 32648));

    [Fact]
    public void GrowthAreaOutsideEveryWardIsAWarning()
    {
        var far = new GrowthArea("urban_area", "K9", "KĐT xa", 10_000, 2020, 2021, Wkt.Read("POLYGON((700000 2300000, 701000 2300000, 701000 2301000, 700000 2301000, 700000 2300000))", 32648));
        var city = CityModel.Of(CrsRegistry.Get(32648), [Ward("A", SquareA, 10)], [], [far]);

        var warning = Assert.Single(CityWarnings.For(city));

        Assert.Contains("K9", warning.En, StringComparison.Ordinal);
        Assert.Contains("not counted", warning.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2024, 0)]
    [InlineData(2025, 1)]
    [InlineData(2030, 1)]
    public void GrowthWithOnlyAStartYearArrivesInThatYear(int year, int phase) =>
        Assert.Equal(phase, new GrowthArea("industrial_zone", "Z", "Z", 100, 2025, null, Wkt.Read(SquareA, 32648)).Phase(year));

    [Fact]
    public void SchoolWithAWardCodeThatIsNotAWardIsPlacedByItsLocation()
    {
        var wards = new LayerBuilder("wards")
            .Add(LayerBuilder.WardSquare(106.60, 20.80), ("code", "11001"), ("name", "A"), ("unit_type", "phuong"), ("population", 100L))
            .Build();
        var schools = new LayerBuilder("schools")
            .Add("POINT(106.605 20.805)", ("id", "S1"), ("name", "S1"), ("level", "tieu_hoc"), ("classrooms", 7L), ("ward_code", "10999"))
            .Build();

        var city = CityModel.FromLayers(wards, schools, null, null, 0.3m);

        Assert.Equal("11001", Assert.Single(city.Schools).WardCode);
        Assert.Empty(CityWarnings.For(city));
    }

    [Fact]
    public void SchoolWithUnknownClassesAndPupilsHasAnUnknownNeedNotASurplus()
    {
        var school = new SchoolSite("S", "S", "thcs", 10, null, true, "A", (Point)Wkt.Read("POINT(600500 2300500)", 32648)) { Teachers = 17 };
        var city = CityModel.Of(CrsRegistry.Get(32648), [Ward("A", SquareA, 0)], [school], []);
        var deficit = AdminDeficitCalculator.Compute(city, NormsSet.BuiltIn, new DeficitOptions(2025) { Levels = ["thcs"] });

        var row = TeacherCalculator.Compute(city, deficit).Schools.Single();

        Assert.Null(row.Classes);
        Assert.Null(row.TeachersNeeded);
        Assert.Null(row.Shortfall);
    }

    [Fact]
    public void CityTotalCountsEachShortWardOnce()
    {
        // Ward A is short at every level (no schools), B has no pupils: one ward short, not four.
        var city = CityModel.Of(CrsRegistry.Get(32648),
            [new WardUnit("A", "A", "phuong", 10_000, new Dictionary<string, long>(), Wkt.Read(SquareA, 32648)), Ward("B", SquareB, 0)], [], []);

        var result = AdminDeficitCalculator.Compute(city, NormsSet.BuiltIn, new DeficitOptions(2025));

        Assert.Equal(1, result.CityTotal().WardsShort);
        Assert.All(result.TotalsByLevel(), t => Assert.Equal(1, t.WardsShort));
    }

    [Theory]
    [InlineData("class_cap.tieu_hoc", "0", "whole number")]
    [InlineData("class_cap.tieu_hoc", "37.5", "whole number")]
    [InlineData("room_ratio.thcs", "-1", "(0, 2]")]
    [InlineData("enrolment_rate.thpt", "1.5", "between 0 and 1")]
    public void ImpossibleNormValuesAreRefused(string key, string value, string message)
    {
        var e = Assert.Throws<FormatException>(() => NormsSet.Parse(
            $$"""{ "version": "x", "values": { "{{key}}": { "value": {{value}}, "status": "unconfirmed", "source": "test" } } }""", "p.json"));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltNormKeyIsRefused()
    {
        var province = NormsSet.Parse("""{ "version": "x", "values": { "class_cap.tieuhoc": { "value": 30, "status": "unconfirmed", "source": "test" } } }""", "p.json");

        var e = Assert.Throws<FormatException>(() => NormsSet.BuiltIn.With(province));

        Assert.Contains("class_cap.tieuhoc", e.Message, StringComparison.Ordinal);
    }
}
