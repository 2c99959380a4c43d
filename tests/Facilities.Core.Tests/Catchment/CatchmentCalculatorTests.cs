using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Catchment;

public class CatchmentCalculatorTests
{
    // A 500 m × 500 m phường: a 250 m grid puts 4 nodes at 125 m and 375 m; a school in the centre is 176.8 m from each.
    private const string Square = "POLYGON((600000 2300000, 600500 2300000, 600500 2300500, 600000 2300500, 600000 2300000))";

    private static SchoolSite School(string id, double x, double y, long rooms, string ward = "A") =>
        new(id, id, "tieu_hoc", rooms, null, true, ward, (Point)Wkt.Read(FormattableString.Invariant($"POINT({x} {y})"), 32648));

    private static CatchmentResult Run(string wardWkt, long pupils, SchoolSite[] schools, bool limited) =>
        CatchmentCalculator.Compute(
            CityModel.Of(CrsRegistry.Get(32648), [new WardUnit("A", "A", "phuong", 0, new Dictionary<string, long> { ["tieu_hoc"] = pupils }, Wkt.Read(wardWkt, 32648))], schools, []),
            NormsSet.BuiltIn, new DeficitOptions(2025) { Levels = ["tieu_hoc"] }, new CatchmentOptions { CapacityLimited = limited });

    [Fact]
    public void GaussianDecayIsOneAtTheDoorAndZeroAtTheRadius()
    {
        Assert.Equal(1, DistanceDecay.Gaussian(0, 500), 12);
        Assert.Equal(0, DistanceDecay.Gaussian(500, 500), 12);
        Assert.Equal(0, DistanceDecay.Gaussian(501, 500));
        // Half way: (e^-1/8 − e^-1/2) / (1 − e^-1/2) = (0.8824969 − 0.6065307) / 0.3934693 = 0.7013666.
        Assert.Equal(0.7013666, DistanceDecay.Gaussian(250, 500), 6);
    }

    [Fact]
    public void WithoutCapacityLimitEveryReachablePupilIsAllocated()
    {
        var result = Run(Square, 400, [School("S", 600250, 2300250, 2)], limited: false);

        var ward = Assert.Single(result.Wards);
        Assert.Equal(4, result.DemandPointCount);
        Assert.Equal(400, ward.Pupils, 9);
        Assert.Equal(400, ward.Allocated, 9);
        Assert.Equal(0, ward.Unserved, 9);
        Assert.Equal(400, Assert.Single(result.Schools).Allocated, 9);
    }

    [Fact]
    public void CapacityLimitKeepsTheSchoolAtItsCapacityAndTheRestUnserved()
    {
        // 2 rooms × 35 = 70 places; 400 pupils → 70 allocated, 330 unserved → ceil(330 / 35) = 10 classes = 10 rooms.
        var result = Run(Square, 400, [School("S", 600250, 2300250, 2)], limited: true);

        var ward = Assert.Single(result.Wards);
        Assert.Equal(70, ward.Allocated, 9);
        Assert.Equal(330, ward.Unserved, 9);
        Assert.Equal((10L, 10L), (ward.ClassesNeeded, ward.RoomsNeeded));
        Assert.Equal(70, Assert.Single(result.Schools).Allocated, 9);
    }

    [Fact]
    public void PupilsBeyondTheServiceRadiusAreUnservedYetCountInTheNearestSchoolsLoad()
    {
        // A 2 km strip with the school at its west end: nodes east of 500 m (urban primary radius) reach no school.
        const string strip = "POLYGON((600000 2300000, 602000 2300000, 602000 2300250, 600000 2300250, 600000 2300000))";

        var result = Run(strip, 800, [School("S", 600000, 2300125, 100)], limited: false);

        // 8 nodes of 100 pupils at x = 125, 375, …, 1875 m: only 125 and 375 are within 500 m; the other 600 are
        // unserved within the norm, and their nearest (only) school still receives them.
        var ward = Assert.Single(result.Wards);
        Assert.Equal(200, ward.Allocated, 9);
        Assert.Equal(600, ward.Unserved, 9);
        Assert.Equal(600, ward.BeyondReach, 9);
        Assert.Equal(0.25, ward.WithinReachShare, 9);
        Assert.Equal(800, Assert.Single(result.Schools).Allocated, 9);
        Assert.True(result.ConservationError < 1e-9);
    }

    [Fact]
    public void TwoSymmetricSchoolsShareThePupilsEqually()
    {
        var result = Run(Square, 400, [School("W", 600125, 2300250, 10), School("E", 600375, 2300250, 10)], limited: false);

        Assert.Equal(200, result.Schools[0].Allocated, 9);
        Assert.Equal(200, result.Schools[1].Allocated, 9);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PupilsAreConservedOnTheSampleCity(bool limited)
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 0 });
        var model = CityModel.FromLayers(city.Layer("wards"), city.Layer("schools"), city.Layer("urban_areas"), city.Layer("industrial_zones"), 0.3m);
        var options = new DeficitOptions(2030);

        var result = CatchmentCalculator.Compute(model, NormsSet.BuiltIn, options, new CatchmentOptions { CapacityLimited = limited });
        var admin = AdminDeficitCalculator.Compute(model, NormsSet.BuiltIn, options);

        Assert.True(result.ConservationError < 1e-6, $"conservation error {result.ConservationError}");
        foreach (var level in options.Levels)
        {
            var expected = admin.Rows.Where(r => r.Level == level).Sum(r => (double)(r.ResidentPupils + r.UrbanAreaPupils + r.IndustrialZonePupils));
            Assert.Equal(expected, result.Wards.Where(w => w.Level == level).Sum(w => w.Pupils), 6);
        }

        if (limited)
        {
            Assert.All(result.Schools, s => Assert.True(s.Allocated <= s.Capacity + 1e-6, $"{s.Id} load {s.Allocated} > capacity {s.Capacity}"));
        }
    }
}
