using Facilities.Core.Screening;
using static Facilities.Core.Tests.Screening.ScreeningCity;

namespace Facilities.Core.Tests.Screening;

public class MergedSiteTests
{
    [Fact]
    public void TwoTouchingSmallStateParcelsAreProposedTogetherAndMarked()
    {
        // Two 40 m × 50 m office plots (2,000 m² each, short of 3,500) sharing a 50 m edge: an 80 m × 50 m site.
        var result = Screen(City("xa",
            Parcel("T2", Rect(601040, 2301000, 40, 50), landUse: "TSC"),
            Parcel("T1", Rect(601000, 2301000, 40, 50), landUse: "TSC")));

        var site = Assert.Single(result.Candidates);
        Assert.True(site.IsMerged);
        Assert.Equal("merged:T1", site.Id);
        Assert.Equal(["T1", "T2"], site.ParcelIds);
        Assert.Equal(4000, site.AreaM2, 6);
        Assert.Equal(4000, site.Geometry.Area, 6);
        Assert.Equal(50, Math.Round(site.WidthM));
        Assert.Equal(15m, site.Breakdown.LandStatus);
        Assert.Equal(site.Score, ScoreWeights.Criteria.Sum(c => site.Breakdown[c]));
        Assert.Equal((0L, 1), (result.ParcelsPassed, result.MergedPassed));
        Assert.Equal(2, result.RejectedBy[HardConstraint.Area]);
    }

    [Fact]
    public void ParcelsMeetingOnlyAtACornerAreNotMerged() =>
        Assert.Empty(Screen(City("xa",
            Parcel("T1", Rect(601000, 2301000, 40, 50), landUse: "TSC"),
            Parcel("T2", Rect(601040, 2301050, 40, 50), landUse: "TSC"))).Candidates);

    [Fact]
    public void HouseholdOrDisallowedNeighboursAreNotMerged()
    {
        Assert.Empty(Screen(City("xa",
            Parcel("T1", Rect(601000, 2301000, 40, 50), landUse: "TSC"),
            Parcel("H1", Rect(601040, 2301000, 40, 50), landUse: "DGD", owner: "household"))).Candidates);
        Assert.Empty(Screen(City("xa",
            Parcel("T1", Rect(601000, 2301000, 40, 50), landUse: "TSC"),
            Parcel("L1", Rect(601040, 2301000, 40, 50), landUse: "LUC"))).Candidates);
    }

    [Fact]
    public void GroupStillShortOfTheMinimumAreaIsNotProposed() =>
        Assert.Empty(Screen(City("xa",
            Parcel("T1", Rect(601000, 2301000, 30, 50), landUse: "TSC"),
            Parcel("T2", Rect(601030, 2301000, 30, 50), landUse: "TSC"))).Candidates);

    [Fact]
    public void StripsThatStayNarrowTogetherAreNotProposed() =>
        // Two 400 m × 5 m strips side by side: 4,000 m² but 10 m wide.
        Assert.Empty(Screen(City("xa",
            Parcel("S1", Rect(601000, 2301000, 400, 5), landUse: "DHT"),
            Parcel("S2", Rect(601000, 2301005, 400, 5), landUse: "DHT"))).Candidates);

    [Fact]
    public void MergingCanBeTurnedOffAndIsCappedInParcels()
    {
        var parcels = new[]
        {
            Parcel("T1", Rect(601000, 2301000, 40, 50), landUse: "TSC"),
            Parcel("T2", Rect(601040, 2301000, 40, 50), landUse: "TSC"),
            Parcel("T3", Rect(601080, 2301000, 40, 50), landUse: "TSC"),
        };

        Assert.Empty(Screen(City("xa", parcels), new ScreeningOptions("tieu_hoc", 2030) { MergeAdjacent = false }).Candidates);
        Assert.Empty(Screen(City("xa", parcels), new ScreeningOptions("tieu_hoc", 2030) { MaxMergeParcels = 2 }).Candidates);
        Assert.Equal(["T1", "T2", "T3"], Assert.Single(Screen(City("xa", parcels)).Candidates).ParcelIds);
    }

    [Fact]
    public void SmallParcelNextToAnIndustrialZoneIsNotMerged() =>
        Assert.Empty(Screen(City("xa",
            Parcel("T1", Rect(603600, 2304100, 40, 50), landUse: "TSC"),
            Parcel("T2", Rect(603640, 2304100, 40, 50), landUse: "TSC"))).Candidates);
}
