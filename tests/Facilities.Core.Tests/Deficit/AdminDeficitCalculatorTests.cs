using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Deficit;

/// <summary>Each rule of the admin method on a tiny city whose numbers are worked out by hand in the comments.</summary>
public class AdminDeficitCalculatorTests
{
    // Two 1 km × 1 km wards side by side in UTM 48N metres: A = [0,1000] × [0,1000], B = [1000,2000] × [0,1000].
    private const string SquareA = "POLYGON((600000 2300000, 601000 2300000, 601000 2301000, 600000 2301000, 600000 2300000))";
    private const string SquareB = "POLYGON((601000 2300000, 602000 2300000, 602000 2301000, 601000 2301000, 601000 2300000))";

    private static WardUnit Ward(string code, string wkt, long population, params (string Level, long Count)[] ages) =>
        new(code, "Phường " + code, "phuong", population, ages.ToDictionary(a => a.Level, a => a.Count), Wkt.Read(wkt, 32648));

    private static SchoolSite School(string id, string level, long rooms, string ward, bool isPublic = true, long? subjectRooms = null) =>
        new(id, id, level, rooms, subjectRooms, isPublic, ward, (Point)Wkt.Read("POINT(600500 2300500)", 32648));

    private static DeficitRow Row(DeficitResult r, string ward, string level) => r.Rows.Single(x => x.WardCode == ward && x.Level == level);

    private static DeficitResult Run(IEnumerable<WardUnit> wards, IEnumerable<SchoolSite>? schools = null, IEnumerable<GrowthArea>? growth = null,
        int year = 2025, bool twoSessions = false, bool publicOnly = false) =>
        AdminDeficitCalculator.Compute(CityModel.Of(CrsRegistry.Get(32648), wards, schools ?? [], growth ?? []), NormsSet.BuiltIn,
            new DeficitOptions(year) { TwoSessions = twoSessions, PublicOnly = publicOnly });

    [Fact]
    public void DeficitIsZeroWhenRoomsMeetDemand()
    {
        // 350 primary-age residents × 1.0 enrolment = 350 pupils = 10 classes of 35 = 10 rooms; 10 available.
        var r = Row(Run([Ward("A", SquareA, 5000, ("tieu_hoc", 350))], [School("S", "tieu_hoc", 10, "A")]), "A", "tieu_hoc");

        Assert.Equal((350L, 10L, 10L, 10L, 0L), (r.Pupils, r.ClassesNeeded, r.RoomsNeeded, r.RoomsAvailable, r.DeficitRooms));
    }

    [Fact]
    public void OnePupilOverTheCapNeedsAnotherClass()
    {
        // 351 pupils → ceil(351 / 35) = 11 classes → 11 rooms.
        var r = Row(Run([Ward("A", SquareA, 5000, ("tieu_hoc", 351))], [School("S", "tieu_hoc", 10, "A")]), "A", "tieu_hoc");

        Assert.Equal((11L, 11L, 1L), (r.ClassesNeeded, r.RoomsNeeded, r.DeficitRooms));
    }

    [Theory]
    [InlineData(225, 5, 3)]   // 5 classes × 0.6 = 3.0 exactly: 3 rooms, not 4 (no float error)
    [InlineData(226, 6, 4)]   // 6 × 0.6 = 3.6 → 4
    [InlineData(450, 10, 6)]  // 10 × 0.6 = 6
    public void LowerSecondaryNeedsSixTenthsOfARoomPerClassRoundedUp(long pupils, long classes, long rooms)
    {
        var r = Row(Run([Ward("A", SquareA, 5000, ("thcs", pupils))]), "A", "thcs");

        Assert.Equal((classes, rooms), (r.ClassesNeeded, r.RoomsNeeded));
    }

    [Fact]
    public void TwoSessionsNeedOneRoomPerClassAtEveryLevel()
    {
        var r = Row(Run([Ward("A", SquareA, 5000, ("thcs", 225))], twoSessions: true), "A", "thcs");

        Assert.Equal((5L, 5L), (r.ClassesNeeded, r.RoomsNeeded));
    }

    [Fact]
    public void MissingAgeCountsComeFromPopulationTimesAgeShare()
    {
        // 10,000 × 0.076 = 760 primary-age residents → 760 pupils → ceil(760 / 35) = 22 classes.
        var r = Row(Run([Ward("A", SquareA, 10_000)]), "A", "tieu_hoc");

        Assert.Equal(("age_share", 760m, 760L, 22L), (r.ResidentsSource, r.SchoolAgeResidents, r.Pupils, r.ClassesNeeded));
    }

    [Fact]
    public void PreschoolCountsOnlyTheEnrolledShare()
    {
        // 300 children aged 3–5 × 0.92 = 276 → ceil(276 / 30) = 10 groups.
        var r = Row(Run([Ward("A", SquareA, 5000, ("mam_non", 300))]), "A", "mam_non");

        Assert.Equal((276L, 10L), (r.Pupils, r.ClassesNeeded));
    }

    [Fact]
    public void ZeroPupilsNeedNoRoomsAndRoomsBecomeSurplus()
    {
        var r = Row(Run([Ward("A", SquareA, 0)], [School("S", "thpt", 12, "A")]), "A", "thpt");

        Assert.Equal((0L, 0L, 0L, -12L), (r.Pupils, r.ClassesNeeded, r.RoomsNeeded, r.DeficitRooms));
    }

    [Theory]
    [InlineData(2024, 0)]     // before start: phase 0
    [InlineData(2025, 0)]     // start year: phase 0
    [InlineData(2030, 325)]   // half way: 10,000 × 0.5 × 65 / 1,000 = 325
    [InlineData(2035, 650)]   // completion: 650
    [InlineData(2040, 650)]   // after: still 650
    public void UrbanAreaPupilsArePhasedLinearly(int year, long pupils)
    {
        var area = new GrowthArea("urban_area", "K", "KĐT", 10_000, 2025, 2035, Wkt.Read(SquareA, 32648));

        var r = Row(Run([Ward("A", SquareA, 5000, ("tieu_hoc", 0))], growth: [area], year: year), "A", "tieu_hoc");

        Assert.Equal(pupils, r.Pupils);
    }

    [Fact]
    public void UrbanAreaOverTwoWardsIsSplitByAreaShare()
    {
        // The area covers x ∈ [750, 1750] of a 1 km high strip: 250 m in A (25 %), 750 m in B (75 %).
        // Completed: 10,000 × 65 / 1,000 = 650 pupils → A 162.5 → 163 (half away from zero), B 487.5 → 488.
        var area = new GrowthArea("urban_area", "K", "KĐT", 10_000, 2020, 2021,
            Wkt.Read("POLYGON((600750 2300000, 601750 2300000, 601750 2301000, 600750 2301000, 600750 2300000))", 32648));

        var result = Run([Ward("A", SquareA, 0, ("tieu_hoc", 0)), Ward("B", SquareB, 0, ("tieu_hoc", 0))], growth: [area]);

        Assert.Equal(162.5m, Row(result, "A", "tieu_hoc").UrbanAreaPupils, 6);
        Assert.Equal(487.5m, Row(result, "B", "tieu_hoc").UrbanAreaPupils, 6);
        Assert.Equal((163L, 488L), (Row(result, "A", "tieu_hoc").Pupils, Row(result, "B", "tieu_hoc").Pupils));
    }

    [Fact]
    public void IndustrialZoneWithoutHousingFiguresUsesDependantsPerWorker()
    {
        // 1,000 workers × 0.3 = 300 residents; × 65 / 1,000 = 19.5 primary pupils → 20.
        var zone = new GrowthArea("industrial_zone", "Z", "KCN", 1000 * NormsSet.BuiltIn["dependants_per_worker"], null, null, Wkt.Read(SquareA, 32648));

        var r = Row(Run([Ward("A", SquareA, 0, ("tieu_hoc", 0))], growth: [zone]), "A", "tieu_hoc");

        Assert.Equal((19.5m, 20L), (r.IndustrialZonePupils, r.Pupils));
    }

    [Fact]
    public void PublicOnlyLeavesPrivateRoomsOut()
    {
        var schools = new[] { School("P", "tieu_hoc", 8, "A"), School("Q", "tieu_hoc", 4, "A", isPublic: false) };

        Assert.Equal(12L, Row(Run([Ward("A", SquareA, 0)], schools), "A", "tieu_hoc").RoomsAvailable);
        Assert.Equal(8L, Row(Run([Ward("A", SquareA, 0)], schools, publicOnly: true), "A", "tieu_hoc").RoomsAvailable);
    }

    [Fact]
    public void SubjectRoomsAreCountedOnTheirOwnLinePerSchool()
    {
        // THCS needs 8 subject rooms per school: one school has 5 (short 3), one 10 (no shortfall, no transfer), one
        // unknown (left out of required and deficit, counted as unknown).
        var schools = new[]
        {
            School("S1", "thcs", 10, "A", subjectRooms: 5), School("S2", "thcs", 10, "A", subjectRooms: 10), School("S3", "thcs", 10, "A"),
        };

        var r = Row(Run([Ward("A", SquareA, 0)], schools), "A", "thcs");

        Assert.Equal((16L, 15L, 3L, 1), (r.SubjectRoomsRequired, r.SubjectRoomsAvailable, r.SubjectRoomsDeficit, r.SubjectRoomsUnknown));
        Assert.Equal(30L, r.RoomsAvailable);
    }

    [Fact]
    public void TotalsSeparateNetDeficitFromRoomsToBuild()
    {
        // A short 1 room, B 10 rooms spare: net −9, but 1 room must still be built in A.
        var result = Run(
            [Ward("A", SquareA, 0, ("tieu_hoc", 351)), Ward("B", SquareB, 0, ("tieu_hoc", 0))],
            [School("SA", "tieu_hoc", 10, "A"), School("SB", "tieu_hoc", 10, "B")]);

        var total = result.TotalsByLevel().Single(t => t.Level == "tieu_hoc");

        Assert.Equal((-9L, 1L, 1), (total.NetDeficit, total.Shortage, total.WardsShort));
    }

    [Fact]
    public void UnconfirmedNormsAreListedOnlyWhenUsed()
    {
        var counted = Run([Ward("A", SquareA, 0, ("tieu_hoc", 10), ("thcs", 10), ("thpt", 10), ("mam_non", 10))]).UnconfirmedNormsUsed().Select(n => n.Key).ToList();
        var derived = Run([Ward("A", SquareA, 1000)]).UnconfirmedNormsUsed().Select(n => n.Key).ToList();

        Assert.DoesNotContain("age_share.tieu_hoc", counted);
        Assert.Contains("age_share.tieu_hoc", derived);
        Assert.Contains("enrolment_rate.thpt", counted);
    }

    [Theory]
    [InlineData(90, 4)]    // 30 / 30 / 30 → ceil(30/25) + 1 + 1 = 2 + 1 + 1
    [InlineData(75, 3)]    // 25 / 25 / 25 → 1 + 1 + 1
    [InlineData(106, 5)]   // 36 / 35 / 35 → ceil(36/25) + ceil(35/30) + 1 = 2 + 2 + 1
    [InlineData(0, 0)]
    public void PreschoolByAgeUsesTheCapOfEachAgeGroup(long children, long classes) =>
        Assert.Equal(classes, AdminDeficitCalculator.PreschoolClassesByAge(children, NormsSet.BuiltIn));

    [Fact]
    public void PreschoolByAgeIsAnOptionOfTheRunAndOfItsStamp()
    {
        var wards = new[] { Ward("A", SquareA, 0, ("mam_non", 98)) };   // × 0.92 = 90.16 → 90 children

        var single = AdminDeficitCalculator.Compute(CityModel.Of(CrsRegistry.Get(32648), wards, [], []), NormsSet.BuiltIn, new DeficitOptions(2025));
        var byAge = AdminDeficitCalculator.Compute(CityModel.Of(CrsRegistry.Get(32648), wards, [], []), NormsSet.BuiltIn, new DeficitOptions(2025) { PreschoolByAge = true });

        Assert.Equal(3L, Row(single, "A", "mam_non").ClassesNeeded);   // ceil(90 / 30)
        Assert.Equal(4L, Row(byAge, "A", "mam_non").ClassesNeeded);
        Assert.Contains("preschool_by_age=yes", byAge.Options.Describe(), StringComparison.Ordinal);
    }
}
