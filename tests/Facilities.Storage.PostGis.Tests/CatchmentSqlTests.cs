using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.PostGisReference;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Storage.PostGis.Tests;

/// <summary>
/// The catchment method without capacity limit computed by PostGIS SQL agrees with the in-memory
/// <see cref="CatchmentCalculator"/> on the same <see cref="CatchmentInputs"/>.
/// </summary>
public class CatchmentSqlTests
{
    private static readonly NormsSet Norms = NormsSet.BuiltIn;

    private static readonly Lazy<CityModel> SampleCity = new(() =>
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions());
        return CityModel.FromLayers(city.Layer("wards"), city.Layer("schools"), city.Layer("urban_areas"), city.Layer("industrial_zones"),
            Norms["dependants_per_worker"]);
    });

    [Theory]
    [InlineData("mam_non")]
    [InlineData("tieu_hoc")]
    [InlineData("thcs")]
    [InlineData("thpt")]
    public async Task SampleCity_EachLevel_SqlAgreesWithCatchmentCalculator(string level)
    {
        // 2030: both urban areas are mid-phase, so growth pupils sit on the demand points of their wards.
        var sql = await CompareAsync(SampleCity.Value, new DeficitOptions(2030) { Levels = [level] });

        Assert.Equal(SampleCity.Value.Wards.Count, sql.Wards.Count);
        Assert.Contains(sql.Wards, w => w.Allocated > 1);
        Assert.Contains(sql.Schools, s => s.Allocated > 1);
        Assert.True(sql.Wards.Sum(w => w.Accessibility) > 0);
    }

    [Fact]
    public async Task SampleCity_TwoSessionsPublicOnly_SqlAgreesWithCatchmentCalculator()
    {
        var sql = await CompareAsync(SampleCity.Value, new DeficitOptions(2035) { Levels = ["thcs"], TwoSessions = true, PublicOnly = true });

        Assert.All(sql.Schools, s => Assert.Equal(s.Classrooms * 45.0, s.Capacity, 9));
    }

    [Fact]
    public async Task Strip_PupilsBeyondTheRadiusAreUnservedAndNeedRoomsYetReachTheNearestSchoolsLoad()
    {
        // A 2 km × 250 m phường with 800 primary pupils and one school at its west end: 8 nodes of 100 pupils at
        // x = 125, 375, …, 1,875 m; only the two within 500 m (the urban primary radius) reach the school.
        const string strip = "POLYGON((600000 2300000, 602000 2300000, 602000 2300250, 600000 2300250, 600000 2300000))";
        var city = CityModel.Of(CrsRegistry.Get(32648),
            [new WardUnit("A", "A", "phuong", 0, new Dictionary<string, long> { ["tieu_hoc"] = 800 }, Wkt.Read(strip, 32648))],
            [new SchoolSite("S", "S", "tieu_hoc", 100, null, true, "A", (Point)Wkt.Read("POINT(600000 2300125)", 32648))], []);

        var sql = await CompareAsync(city, new DeficitOptions(2025) { Levels = ["tieu_hoc"] });

        var ward = Assert.Single(sql.Wards);
        Assert.Equal(800, ward.Pupils, 9);
        Assert.Equal(200, ward.Allocated, 9);
        Assert.Equal(600, ward.Unserved, 9);
        Assert.Equal(18, ward.ClassesNeeded);       // ceil(600 / 35)
        Assert.Equal(18, ward.RoomsNeeded);
        Assert.Equal(100, ward.RoomsAvailable);
        Assert.Equal(600, ward.BeyondReach, 9);
        Assert.Equal(800, Assert.Single(sql.Schools).Allocated, 9);
    }

    [Theory]
    [InlineData("phuong", 400)]
    [InlineData("dac_khu", 0)]
    public async Task Strip_TwoSchools_BeyondReachGoesToTheNearest_AndTheRadiusFollowsTheWardType(string unitType, double beyond)
    {
        // Schools at both ends of the 2 km strip. Phường (500 m): 625 and 875 go to W, 1125 and 1375 to E; đặc khu
        // (2 km): every node reaches both schools.
        const string strip = "POLYGON((600000 2300000, 602000 2300000, 602000 2300250, 600000 2300250, 600000 2300000))";
        var city = CityModel.Of(CrsRegistry.Get(32648),
            [new WardUnit("A", "A", unitType, 0, new Dictionary<string, long> { ["tieu_hoc"] = 800 }, Wkt.Read(strip, 32648))],
            [
                new SchoolSite("E", "E", "tieu_hoc", 100, null, true, "A", (Point)Wkt.Read("POINT(602000 2300125)", 32648)),
                new SchoolSite("W", "W", "tieu_hoc", 100, null, true, "A", (Point)Wkt.Read("POINT(600000 2300125)", 32648)),
            ], []);

        var sql = await CompareAsync(city, new DeficitOptions(2025) { Levels = ["tieu_hoc"] });

        Assert.Equal(beyond, Assert.Single(sql.Wards).BeyondReach, 9);
        Assert.All(sql.Schools, s => Assert.Equal(400, s.Allocated, 9));
    }

    [Fact]
    public async Task SampleCity_DemandWeightedByResidentialParcels_SqlAgreesWithCatchmentCalculator()
    {
        var generated = SampleCityGenerator.Generate(new SampleCityOptions());
        var metric = SampleCity.Value.MetricCrs;
        var residential = generated.Layer("parcels").Features.Where(f => f["land_use"] is "ODT" or "ONT").ToList();
        var centres = residential.Select(f => Reprojector.Transform(f.Geometry!, CrsRegistry.Get(CrsRegistry.Wgs84Srid), metric).Centroid).ToList();
        var settlement = new SettlementPoints("parcels_residential", [.. centres.Select(c => c.X)], [.. centres.Select(c => c.Y)],
            [.. residential.Select(f => (double)f["area_m2"]!)]);

        var sql = await CompareAsync(SampleCity.Value, new DeficitOptions(2030) { Levels = ["mam_non"] }, settlement);

        Assert.Contains(sql.Wards, w => w.BeyondReach > 1);
    }

    private static async Task<CatchmentLevelRows> CompareAsync(CityModel city, DeficitOptions options, SettlementPoints? settlement = null)
    {
        await using var db = TestDatabase.Open();
        var level = Assert.Single(options.Levels);
        var catchment = new CatchmentOptions { CapacityLimited = false, Settlement = settlement };
        var memory = CatchmentCalculator.Compute(city, Norms, options, catchment);
        var inputs = CatchmentInputs.Build(city, Norms, options, catchment, level);

        await PostGisCatchment.LoadAsync(db.Db, inputs, city.MetricCrs.Srid, db.Schema, TestContext.Current.CancellationToken);
        var sql = await PostGisCatchment.ComputeAsync(db.Db, db.Schema, TestContext.Current.CancellationToken);

        var worst = CatchmentRowsAssert.Agree(memory.Wards, memory.Schools, sql);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{options.Describe()}: {sql.Wards.Count} wards, {sql.Schools.Count} schools, {inputs.Points.Count} points; largest relative difference {worst:E2}");
        return sql;
    }
}
