using Facilities.Core.Screening;
using Facilities.Testing;
using static Facilities.Core.Tests.Screening.ScreeningCity;

namespace Facilities.Core.Tests.Screening;

public class HardConstraintTests
{
    // 60 m × 60 m = 3,600 m² ≥ 3,500, about 750 m from the primary school, far from the zone and the THCS site.
    private static readonly string Good = Rect(601000, 2301000, 60, 60);

    [Fact]
    public void CompactEducationParcelPassesEveryConstraint() =>
        Assert.Empty(Failures(Parcel("P", Good)));

    [Fact]
    public void ParcelBelowTheMinimumSiteAreaFailsOnAreaOnly() =>
        Assert.Equal([HardConstraint.Area], Failures(Parcel("P", Rect(601000, 2301000, 58, 60))));

    [Fact]
    public void PhuongUsesTheReducedUrbanLandNorm()
    {
        // 50 m × 50 m = 2,500 m²: short of 3,500 in a xã, enough for 2,100 in a phường.
        var parcel = Parcel("P", Rect(601000, 2301000, 50, 50));

        Assert.Equal([HardConstraint.Area], Failures(parcel, "xa"));
        Assert.Empty(Failures(parcel, "phuong"));
    }

    [Fact]
    public void HouseholdResidentialPlotFailsUnlessTheCityAllowsIt()
    {
        var home = Parcel("P", Good, landUse: "ODT", owner: "household");

        Assert.Equal([HardConstraint.LandUse], Failures(home));
        Assert.Empty(Failures(home, options: new ScreeningOptions("tieu_hoc", 2030) { AllowResidential = true }));
    }

    [Fact]
    public void ConvertiblePublicLandPassesOnlyWhenTheStateHoldsIt()
    {
        Assert.Empty(Failures(Parcel("P", Good, landUse: "TSC", owner: "state")));
        Assert.Equal([HardConstraint.LandUse], Failures(Parcel("P", Good, landUse: "TSC", owner: "organisation")));
        Assert.Equal([HardConstraint.LandUse], Failures(Parcel("P", Good, landUse: "TSC", owner: null)));
    }

    [Fact]
    public void ConvertibleCodesCanBeReplacedByTheOptions()
    {
        var options = new ScreeningOptions("tieu_hoc", 2030) { ConvertibleLandUses = ["DVH"] };

        Assert.Equal([HardConstraint.LandUse], Failures(Parcel("P", Good, landUse: "TSC"), options: options));
        Assert.Empty(Failures(Parcel("P", Good, landUse: "dvh "), options: options));
    }

    [Fact]
    public void RiceLandPlannedForEducationPasses() =>
        Assert.Empty(Failures(Parcel("P", Good, landUse: "LUC", owner: "household", planned: "DGD")));

    [Fact]
    public void ParcelWithinTheIndustrialBufferFails()
    {
        // 240 m west of the zone (default minimum 500 m); 560 m west passes.
        Assert.Equal([HardConstraint.IndustrialDistance], Failures(Parcel("P", Rect(603700, 2304100, 60, 60))));
        Assert.Empty(Failures(Parcel("P", Rect(603380, 2304100, 60, 60))));
    }

    [Fact]
    public void ParcelInsideAnIndustrialZoneFails() =>
        Assert.Equal([HardConstraint.IndustrialDistance], Failures(Parcel("P", Rect(604400, 2304400, 60, 60))));

    [Fact]
    public void ParcelHoldingAPointSchoolOverlapsIt() =>
        Assert.Equal([HardConstraint.SchoolOverlap], Failures(Parcel("P", Rect(600470, 2300470, 60, 60))));

    [Fact]
    public void ParcelOverlappingASchoolSitePolygonFails() =>
        Assert.Equal([HardConstraint.SchoolOverlap], Failures(Parcel("P", Rect(602080, 2302000, 60, 60))));

    [Fact]
    public void ParcelOnlyTouchingASchoolSiteDoesNotOverlapIt() =>
        Assert.Empty(Failures(Parcel("P", Rect(602100, 2302000, 60, 60))));

    [Fact]
    public void CompactSquarePassesAndAFiveMetreStripOfTheSameAreaFails()
    {
        // 3,000 m² in a phường (minimum 2,100 m²): a 54.77 m square, a 600 m × 5 m strip, and that strip turned 30°.
        var side = Math.Sqrt(3000);
        var square = Parcel("square", Rect(601000, 2301000, side, side));
        var strip = Parcel("strip", Rect(601000, 2301000, 600, 5));
        var turned = Parcel("turned", "POLYGON((601000 2301000, 601519.615 2301300, 601517.115 2301304.330, 600997.5 2301004.330, 601000 2301000))");

        Assert.Equal(3000, strip.AreaM2, 6);
        Assert.Equal(3000, turned.AreaM2, 0);
        Assert.Empty(Failures(square, "phuong"));
        Assert.Equal([HardConstraint.Width], Failures(strip, "phuong"));
        Assert.Equal([HardConstraint.Width], Failures(turned, "phuong"));
    }

    [Fact]
    public void WidthIsTheDiameterOfTheLargestInscribedCircle()
    {
        Assert.Equal(20, SiteGeometry.Width(Wkt.Read(Rect(0, 0, 200, 20), 32648)), 0);
        // An L of two 40 m arms: 40 m wide where the arms meet, not the 100 m of its envelope.
        var l = Wkt.Read("POLYGON((0 0, 100 0, 100 40, 40 40, 40 100, 0 100, 0 0))", 32648);
        Assert.InRange(SiteGeometry.Width(l), 40, 60);
    }

    [Fact]
    public void NarrowButLargeParcelFailsOnWidth() =>
        Assert.Equal([HardConstraint.Width], Failures(Parcel("P", Rect(601000, 2301000, 200, 20))));

    [Fact]
    public void EveryFailedConstraintIsRecorded()
    {
        var parcel = Parcel("P", Rect(600450, 2300495, 100, 10), landUse: "ODT", owner: "household");

        Assert.Equal([HardConstraint.Area, HardConstraint.LandUse, HardConstraint.SchoolOverlap, HardConstraint.Width], Failures(parcel));
    }

    [Fact]
    public void RejectedParcelsAreNeverFlaggedAndAreCountedByTheirFirstFailure()
    {
        var city = City("xa",
            Parcel("ok", Good),
            Parcel("small", Rect(602500, 2300500, 40, 40)),
            Parcel("home", Rect(602500, 2301000, 60, 60), landUse: "ODT", owner: "household"),
            Parcel("industry", Rect(603700, 2304100, 60, 60)),
            Parcel("school", Rect(600470, 2300470, 60, 60)),
            Parcel("strip", Rect(601000, 2303000, 800, 5)));

        var result = Screen(city, new ScreeningOptions("tieu_hoc", 2030) { Top = 0, RecordRejections = true });

        Assert.Equal(["ok"], result.Candidates.Select(c => c.Id));
        Assert.Equal((6L, 1L), (result.ParcelsScreened, result.ParcelsPassed));
        Assert.All(HardConstraintCodes.All, c => Assert.Equal(1, result.RejectedBy[c]));
        Assert.Equal(
            ["small: area", "home: land_use", "industry: industrial_distance", "school: school_overlap", "strip: width"],
            result.Rejections.Select(r => r.ParcelId + ": " + string.Join(", ", r.Failed.Select(f => f.Code()))));
    }
}
