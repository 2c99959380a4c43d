using Facilities.Core.Compliance;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Programme;
using Facilities.Core.Screening;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Core.Tests.Programme;

public class ProgrammeCandidatesTests
{
    private static readonly LandReadiness Ready = new(new DateOnly(2026, 1, 5), 2027, "test", false);

    [Fact]
    public void An_extension_takes_the_classrooms_the_site_surplus_holds_and_costs_floor_times_the_unit_rate()
    {
        // Site 10,000 m², norm 7,000 m² (700 pupils × 10): 3,000 m² ÷ 10 m² = 300 pupils ÷ 35 = 8 classrooms (rounded down).
        var school = new SchoolSite("S1", "Tiểu học A", "tieu_hoc", 20, null, true, "31001", new Point(0, 0)) { Pupils = 700, SiteAreaM2 = 10_000 };
        var row = new ComplianceRow("S1", "Tiểu học A", "tieu_hoc", "31001",
            [new ComplianceCheck("site_area", CheckStatus.Pass, 10_000, 7_000, "m²", "land_per_pupil_m2.tieu_hoc")]);
        var norms = NormsSet.BuiltIn;

        var ext = ProgrammeCandidates.Extension(school, row, norms, new ProgrammeCosts(norms), Ready, false)!;

        Assert.Equal(8, ext.Classrooms);
        // 8 classrooms × 180 m² × 7,200,000 VND/m².
        Assert.Equal(10_368_000_000m, ext.CostVnd);
        Assert.Equal(1, ext.BuildYears);
        Assert.Equal(2027, ext.EarliestStart);
        Assert.Equal(ActionKind.Extension, ext.Kind);
    }

    [Fact]
    public void A_school_at_its_largest_size_gets_no_extension_and_a_short_site_none_either()
    {
        var norms = NormsSet.BuiltIn;
        var full = new SchoolSite("S2", "B", "tieu_hoc", 40, null, true, "31001", new Point(0, 0)) { Pupils = 700 };
        var roomy = new ComplianceRow("S2", "B", "tieu_hoc", "31001", [new ComplianceCheck("site_area", CheckStatus.Pass, 20_000, 7_000, "m²", "land_per_pupil_m2.tieu_hoc")]);
        var tight = roomy with { Checks = [new ComplianceCheck("site_area", CheckStatus.Fail, 6_000, 7_000, "m²", "land_per_pupil_m2.tieu_hoc")] };

        Assert.Null(ProgrammeCandidates.Extension(full, roomy, norms, new ProgrammeCosts(norms), Ready, false));
        Assert.Null(ProgrammeCandidates.Extension(full with { Classrooms = 20 }, tight, norms, new ProgrammeCosts(norms), Ready, false));
    }

    [Fact]
    public void A_new_school_offers_the_sizes_its_site_holds_and_pays_for_land_that_is_not_the_states()
    {
        // THCS in a phường on 10,000 m² of private land: 8 classes (5 rooms, 2,160 m²) and 26 classes (16 rooms,
        // 7,020 m²) fit at 6 m² a pupil; 45 classes would need 12,150 m².
        var norms = NormsSet.BuiltIn;
        var site = new CandidateSite
        {
            Id = "P1",
            ParcelIds = ["P1"],
            WardCode = "31001",
            WardName = "Phường A",
            UnitType = "phuong",
            LandUse = "TSC",
            PlannedLandUse = "DGD",
            OwnerType = "private",
            AreaM2 = 10_000,
            MinAreaM2 = 2_000,
            RadiusM = 1_000,
            RoomsShortInRadius = 10,
            UnservedInRadius = 500,
            NearestSchoolM = 800,
            Breakdown = new ScoreBreakdown(0, 0, 0, 0, 0),
            Geometry = new WKTReader().Read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"),
        };

        var options = ProgrammeCandidates.NewSchools(site, "thcs", norms, new ProgrammeCosts(norms), Ready, false).ToList();

        Assert.Equal([5, 16], options.Select(o => o.Classrooms));
        Assert.Equal([2_160d, 7_020d], options.Select(o => o.LandM2));
        // 5 × 220 × 7.2 M + 2,160 × 20 M; 16 × 220 × 7.2 M + 7,020 × 20 M.
        Assert.Equal([51_120_000_000m, 165_744_000_000m], options.Select(o => o.CostVnd));
        Assert.All(options, o => Assert.Equal("site:P1", o.Group));
    }
}
