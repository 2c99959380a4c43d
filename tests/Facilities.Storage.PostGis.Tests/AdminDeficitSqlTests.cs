using Facilities.Core.Deficit;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.PostGisReference;
using Facilities.Testing;

namespace Facilities.Storage.PostGis.Tests;

/// <summary>The admin deficit computed by PostGIS SQL equals the in-memory <see cref="AdminDeficitCalculator"/>.</summary>
public class AdminDeficitSqlTests
{
    private static readonly NormsSet Norms = NormsSet.BuiltIn;

    private static readonly Lazy<CityModel> SampleCity = new(() =>
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions());
        return CityModel.FromLayers(city.Layer("wards"), city.Layer("schools"), city.Layer("urban_areas"), city.Layer("industrial_zones"),
            Norms["dependants_per_worker"]);
    });

    [Fact]
    public async Task SampleCity_AllGrowthComplete_SqlEqualsInMemory()
    {
        var options = new DeficitOptions(2035);

        var rows = await CompareAsync(SampleCity.Value, options);

        Assert.Equal(SampleCity.Value.Wards.Count * 4, rows.Count);
        Assert.Contains(rows, r => r.UrbanAreaPupils > 0);
        Assert.Contains(rows, r => r.IndustrialZonePupils > 0);
        Assert.Contains(rows, r => r.ResidentsSource == "data");
        Assert.Contains(rows, r => r.ResidentsSource == "age_share");
        Assert.Contains(rows, r => r.DeficitRooms > 0);
    }

    [Fact]
    public async Task SampleCity_TwoSessionsPublicOnlyMidPhase_SqlEqualsInMemory()
    {
        // 2030: KDT-01 (2024–2032) is at 6/8, KDT-02 (2026–2035) at 4/9, a repeating decimal.
        var options = new DeficitOptions(2030) { TwoSessions = true, PublicOnly = true };

        var rows = await CompareAsync(SampleCity.Value, options);

        Assert.All(rows, r => Assert.Equal(1.0m, r.RoomRatio));
        var full = AdminDeficitCalculator.Compute(SampleCity.Value, Norms, options with { Year = 2035 }).Rows;
        var urban2030 = rows.Sum(r => r.UrbanAreaPupils);
        Assert.InRange(urban2030, 0.01m, full.Sum(r => r.UrbanAreaPupils) - 0.01m);
        var allSchools = AdminDeficitCalculator.Compute(SampleCity.Value, Norms, options with { PublicOnly = false }).Rows;
        Assert.True(rows.Sum(r => r.RoomsAvailable) < allSchools.Sum(r => r.RoomsAvailable), "private schools must not count");
    }

    [Fact]
    public async Task SampleCity_BeforeAnyUrbanArea_SqlEqualsInMemory()
    {
        var rows = await CompareAsync(SampleCity.Value, new DeficitOptions(2020) { Levels = ["thpt", "mam_non"] });

        Assert.All(rows, r => Assert.Equal(0m, r.UrbanAreaPupils));
        Assert.Equal(["mam_non", "thpt"], rows.Take(2).Select(r => r.Level));
    }

    [Fact]
    public async Task TinyCity_UrbanAreaStraddlingTwoWards_SplitsOneQuarterThreeQuarters()
    {
        var city = TinyCity();
        var options = new DeficitOptions(2025);

        var rows = await CompareAsync(city, options);

        var shares = new GrowthShares(city).Of(city.Growth.Single(g => g.Id == "UA-1"));
        Assert.Equal(["99001", "99002"], shares.Select(s => s.WardCode));
        Assert.InRange(shares[0].Share, 0.25m - 0.0001m, 0.25m + 0.0001m);
        Assert.InRange(shares[1].Share, 0.75m - 0.0001m, 0.75m + 0.0001m);

        // Phase 2025 of 2020–2030 is 0.5: 4,000 residents. Primary: 65 per 1,000 → 260 pupils, 65 in A and 195 in B.
        TestContext.Current.TestOutputHelper?.WriteLine($"shares {shares[0].Share} / {shares[1].Share}");
        var a = rows.Single(r => r.WardCode == "99001" && r.Level == "tieu_hoc");
        Assert.InRange(a.UrbanAreaPupils, 65m - 0.05m, 65m + 0.05m);
        Assert.Equal(0m, a.IndustrialZonePupils);
        Assert.Equal("data", a.ResidentsSource);
        Assert.Equal(800m, a.ResidentPupils);
        Assert.Equal(865, a.Pupils);
        Assert.Equal(25, a.ClassesNeeded);          // ceil(865 / 35)
        Assert.Equal(25, a.RoomsNeeded);
        Assert.Equal(25, a.RoomsAvailable);         // public 20 + private 5
        Assert.Equal(2, a.Schools);
        Assert.Equal(5, a.SubjectRoomsRequired);    // only S1's figures are known: 1 × 5
        Assert.Equal(3, a.SubjectRoomsAvailable);
        Assert.Equal(2, a.SubjectRoomsDeficit);     // 5 − 3; S2 (unknown) stays unknown, not counted as 0
        Assert.Equal(1, a.SubjectRoomsUnknown);

        // B: 20,000 × 0.056 = 1,120 lower-secondary residents (age share); urban 4,000 × 55 / 1,000 × 0.75 = 165.
        var b = rows.Single(r => r.WardCode == "99002" && r.Level == "thcs");
        Assert.Equal("age_share", b.ResidentsSource);
        Assert.Equal(1120m, b.SchoolAgeResidents);
        Assert.InRange(b.UrbanAreaPupils, 165m - 0.05m, 165m + 0.05m);
        Assert.Equal(1285, b.Pupils);
        Assert.Equal(29, b.ClassesNeeded);          // ceil(1,285 / 45)
        Assert.Equal(18, b.RoomsNeeded);            // ceil(29 × 0.6) = ceil(17.4)
        Assert.Equal(10, b.RoomsAvailable);
        Assert.Equal(0, b.SubjectRoomsDeficit);

        // C has only the industrial zone: 1,000 workers × 0.3 = 300 residents, exact halves of pupils.
        var c = rows.Single(r => r.WardCode == "99003" && r.Level == "thcs");
        Assert.Equal(0m, c.UrbanAreaPupils);
        Assert.Equal(16.5m, c.IndustrialZonePupils);
        Assert.Equal(1137, c.Pupils);               // 1,120 + 16.5 = 1,136.5, half away from zero
        Assert.Equal(26, c.ClassesNeeded);          // ceil(1,137 / 45)
        Assert.Equal(16, c.RoomsNeeded);            // ceil(26 × 0.6) = ceil(15.6)
        Assert.Equal(1540, rows.Single(r => r.WardCode == "99003" && r.Level == "tieu_hoc").Pupils); // 1,520 + 19.5
        Assert.Equal(668, rows.Single(r => r.WardCode == "99003" && r.Level == "thpt").Pupils);      // 820 × 0.8 + 12

        var publicOnly = await CompareAsync(city, options with { PublicOnly = true, TwoSessions = true });
        Assert.Equal(20, publicOnly.Single(r => r.WardCode == "99001" && r.Level == "tieu_hoc").RoomsAvailable);
        Assert.Equal(29, publicOnly.Single(r => r.WardCode == "99002" && r.Level == "thcs").RoomsNeeded);
        Assert.Equal(26, publicOnly.Single(r => r.WardCode == "99003" && r.Level == "thcs").RoomsNeeded);
    }

    private static async Task<IReadOnlyList<DeficitRow>> CompareAsync(CityModel city, DeficitOptions options)
    {
        await using var db = TestDatabase.Open();
        var expected = AdminDeficitCalculator.Compute(city, Norms, options).Rows;

        await PostGisDeficit.LoadAsync(db.Db, city, db.Schema, TestContext.Current.CancellationToken);
        var actual = await PostGisDeficit.ComputeAdminAsync(db.Db, db.Schema, Norms, options, TestContext.Current.CancellationToken);

        var worst = DeficitRowsAssert.Same(expected, actual);
        TestContext.Current.TestOutputHelper?.WriteLine($"{options.Describe()}: {actual.Count} rows equal; largest pupil-component difference {worst}");
        return expected;
    }

    /// <summary>
    /// Three wards side by side (A: 106.70–106.71 E, B: 106.71–106.72 E, C: 106.72–106.73 E); urban area UA-1 spans
    /// 106.7075–106.7175 E, a quarter in A and three quarters in B; industrial zone IZ-1 lies wholly in C.
    /// </summary>
    private static CityModel TinyCity()
    {
        var wards = new LayerBuilder("wards")
            .Add(LayerBuilder.WardSquare(106.70, 20.80), ("code", "99001"), ("name", "Phường A"), ("unit_type", "phuong"), ("population", 10_000L),
                ("pop_mam_non", 450L), ("pop_tieu_hoc", 800L), ("pop_thcs", 560L), ("pop_thpt", 400L))
            .Add(LayerBuilder.WardSquare(106.71, 20.80), ("code", "99002"), ("name", "Xã B"), ("unit_type", "xa"), ("population", 20_000L),
                ("pop_mam_non", null), ("pop_tieu_hoc", null), ("pop_thcs", null), ("pop_thpt", null))
            .Add(LayerBuilder.WardSquare(106.72, 20.80), ("code", "99003"), ("name", "Xã C"), ("unit_type", "xa"), ("population", 20_000L))
            .Build();
        var schools = new LayerBuilder("schools")
            .Add("POINT(106.705 20.805)", ("id", "S1"), ("name", "Trường Tiểu học A"), ("level", "tieu_hoc"), ("classrooms", 20L), ("subject_rooms", 3L),
                ("ownership", "public"), ("ward_code", "99001"))
            .Add("POINT(106.706 20.806)", ("id", "S2"), ("name", "Trường Tiểu học tư thục A"), ("level", "tieu_hoc"), ("classrooms", 5L), ("subject_rooms", null),
                ("ownership", "private"), ("ward_code", "99001"))
            .Add("POINT(106.715 20.805)", ("id", "S3"), ("name", "Trường THCS B"), ("level", "thcs"), ("classrooms", 10L), ("subject_rooms", 9L),
                ("ownership", "public"), ("ward_code", "99002"))
            .Build();
        var urban = new LayerBuilder("urban_areas")
            .Add("POLYGON((106.7075 20.802, 106.7175 20.802, 106.7175 20.806, 106.7075 20.806, 106.7075 20.802))",
                ("id", "UA-1"), ("name", "Khu đô thị mới UA-1"), ("planned_population", 8_000L), ("start_year", 2020L), ("completion_year", 2030L))
            .Build();
        var zones = new LayerBuilder("industrial_zones")
            .Add("POLYGON((106.722 20.807, 106.728 20.807, 106.728 20.809, 106.722 20.809, 106.722 20.807))",
                ("id", "IZ-1"), ("name", "Khu công nghiệp IZ-1"), ("workers", 1_000L), ("worker_housing_population", null))
            .Build();
        return CityModel.FromLayers(wards, schools, urban, zones, Norms["dependants_per_worker"]);
    }
}
