using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Catchment;

/// <summary>Hand-computed cases of the catchment model's reach: beyond-reach pupils, radii per ward type, settlement weights.</summary>
public class CatchmentReachTests
{
    // A 2 km × 250 m strip: a 250 m grid puts 8 nodes at x = 125, 375, …, 1875 m (y = 125 m).
    private const string Strip = "POLYGON((600000 2300000, 602000 2300000, 602000 2300250, 600000 2300250, 600000 2300000))";

    // A 500 m square: 4 nodes at (125, 125), (375, 125), (125, 375), (375, 375).
    private const string Square = "POLYGON((600000 2300000, 600500 2300000, 600500 2300500, 600000 2300500, 600000 2300000))";

    private static SchoolSite School(string id, double x, double y, long rooms, long? pupils = null) =>
        new(id, id, "tieu_hoc", rooms, null, true, "A", (Point)Wkt.Read(FormattableString.Invariant($"POINT({x} {y})"), 32648)) { Pupils = pupils };

    private static CityModel City(string wkt, string unitType, long pupils, SchoolSite[] schools) =>
        CityModel.Of(CrsRegistry.Get(32648), [new WardUnit("A", "A", unitType, 0, new Dictionary<string, long> { ["tieu_hoc"] = pupils }, Wkt.Read(wkt, 32648))], schools, []);

    private static CatchmentResult Run(CityModel city, CatchmentOptions catchment) =>
        CatchmentCalculator.Compute(city, NormsSet.BuiltIn, new DeficitOptions(2025) { Levels = ["tieu_hoc"] }, catchment);

    [Fact]
    public void BeyondReachPupilsGoToTheNearestOfTwoSchools()
    {
        // Schools at the west end (x = 0) and at x = 2000 m. Urban primary radius 500 m: nodes 125, 375 reach W only,
        // 1625, 1875 reach E only; 625 and 875 are nearer W (625 < 1375, 875 < 1125), 1125 and 1375 nearer E.
        var result = Run(City(Strip, "phuong", 800, [School("W", 600000, 2300125, 100), School("E", 602000, 2300125, 100)]), new CatchmentOptions());

        Assert.Equal(400, result.Schools.Single(s => s.Id == "W").Allocated, 9);
        Assert.Equal(400, result.Schools.Single(s => s.Id == "E").Allocated, 9);
        var ward = Assert.Single(result.Wards);
        Assert.Equal(400, ward.BeyondReach, 9);
        Assert.Equal(400, ward.Unserved, 9);
    }

    [Fact]
    public void UnderACapacityLimitBeyondReachPupilsTakeOnlyTheSeatsLeft()
    {
        // 10 rooms × 35 = 350 places; the 200 within reach are seated first, then 150 of the 600 beyond reach.
        var result = Run(City(Strip, "phuong", 800, [School("W", 600000, 2300125, 10)]), new CatchmentOptions { CapacityLimited = true });

        var ward = Assert.Single(result.Wards);
        Assert.Equal(200, ward.Allocated, 9);
        Assert.Equal(600, ward.BeyondReach, 9);
        Assert.Equal(150, ward.FarAssigned, 9);
        Assert.Equal(350, Assert.Single(result.Schools).Allocated, 9);
        Assert.True(result.ConservationError < 1e-9);
    }

    [Theory]
    [InlineData("phuong", 200)]
    [InlineData("xa", 400)]
    [InlineData("dac_khu", 800)]
    public void TheServiceRadiusFollowsTheWardType(string unitType, double withinReach)
    {
        // Primary radius: phường 500 m (2 nodes), xã 1,000 m (4 nodes), đặc khu 2,000 m (all 8 nodes, the farthest at 1,875 m).
        var result = Run(City(Strip, unitType, 800, [School("W", 600000, 2300125, 100)]), new CatchmentOptions());

        Assert.Equal(800 - withinReach, Assert.Single(result.Wards).BeyondReach, 9);
    }

    [Fact]
    public void SettlementPointsPlaceTheWardsPupilsWhereTheWeightIs()
    {
        // Weight 3 near the south-west node, 1 near the north-east node, and one point outside every ward (dropped):
        // 400 pupils → 300, 0, 0, 100.
        var settlement = new SettlementPoints("population_points", [600100, 600400, 610000], [2300100, 2300400, 2310000], [3, 1, 5]);
        var city = City(Square, "phuong", 400, [School("S", 600250, 2300250, 10)]);

        var inputs = CatchmentInputs.Build(city, NormsSet.BuiltIn, new DeficitOptions(2025), new CatchmentOptions { Settlement = settlement }, "tieu_hoc");

        var byNode = Enumerable.Range(0, inputs.Points.Count).ToDictionary(i => (inputs.Points.X[i] - 600000, inputs.Points.Y[i] - 2300000), i => inputs.Demand[i]);
        Assert.Equal(300, byNode[(125, 125)], 9);
        Assert.Equal(0, byNode[(375, 125)], 9);
        Assert.Equal(0, byNode[(125, 375)], 9);
        Assert.Equal(100, byNode[(375, 375)], 9);
        Assert.Empty(inputs.UniformWards);
    }

    [Fact]
    public void AWardWithoutSettlementWeightIsSpreadEvenlyAndNamed()
    {
        var settlement = new SettlementPoints("population_points", [610000], [2310000], [5]);
        var city = City(Square, "phuong", 400, [School("S", 600250, 2300250, 10)]);

        var inputs = CatchmentInputs.Build(city, NormsSet.BuiltIn, new DeficitOptions(2025), new CatchmentOptions { Settlement = settlement }, "tieu_hoc");

        Assert.All(inputs.Demand, d => Assert.Equal(100, d, 9));
        Assert.Equal(["A"], inputs.UniformWards);
    }

    [Fact]
    public void CalibrationComparesAllocatedWithEnrolledPupils()
    {
        // Enrolment 300 + 100 = 400 placed evenly on the 4 nodes of the square; W at the south-west node and E at
        // the north-east one, both 10 rooms (350 places) and every node within 500 m of both. By symmetry each school
        // gets 200, so the ratios are 200 ÷ 300 and 200 ÷ 100: P10 = 2/3 + 0.1 × 4/3, median 4/3, P90 = 2/3 + 0.9 × 4/3.
        var city = City(Square, "phuong", 0, [School("W", 600125, 2300125, 10, 300), School("E", 600375, 2300375, 10, 100)]);

        var summary = Assert.Single(CatchmentCalibration.Compute(city, NormsSet.BuiltIn, new DeficitOptions(2025) { Levels = ["tieu_hoc"] }, new CatchmentOptions()));

        Assert.Equal(2, summary.Schools);
        Assert.Equal(4.0 / 3, summary.Median, 9);
        Assert.Equal((2.0 / 3) + (0.1 * 4 / 3), summary.P10, 9);
        Assert.Equal((2.0 / 3) + (0.9 * 4 / 3), summary.P90, 9);
        Assert.Equal(1, summary.WithinReachShare, 9);
    }
}
