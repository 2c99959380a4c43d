using Facilities.Core.Screening;
using static Facilities.Core.Tests.Screening.ScreeningCity;

namespace Facilities.Core.Tests.Screening;

public class ScoreTests
{
    private static CandidateSite Single(params Facilities.Core.Model.ParcelUnit[] parcels) =>
        Assert.Single(Screen(City("xa", parcels)).Candidates);

    // The brute-force sums the surfaces must equal: the 400 lattice nodes of the ward within the radius of (x, y).
    private static (int Nodes, int Unreached) NodesWithin(double x, double y, double radius)
    {
        var (nodes, unreached) = (0, 0);
        for (var i = 0; i < 20; i++)
        {
            for (var j = 0; j < 20; j++)
            {
                var (nx, ny) = (600125 + (250.0 * i), 2300125 + (250.0 * j));
                if (Math.Sqrt(((nx - x) * (nx - x)) + ((ny - y) * (ny - y))) <= radius)
                {
                    nodes++;
                    unreached += Math.Sqrt(((nx - 600500) * (nx - 600500)) + ((ny - 2300500) * (ny - 2300500))) >= 1000 ? 1 : 0;
                }
            }
        }

        return (nodes, unreached);
    }

    [Fact]
    public void ScoreIsTheSumOfItsBreakdown()
    {
        var site = Single(Parcel("P", Rect(601000, 2301000, 60, 60)));

        Assert.Equal(site.Score, ScoreWeights.Criteria.Sum(c => site.Breakdown[c]));
        Assert.All(ScoreWeights.Criteria, c => Assert.Equal(site.Breakdown[c], Math.Round(site.Breakdown[c], 3)));
        Assert.InRange(site.Score, 0, ScoreWeights.Default.Total);
    }

    [Fact]
    public void EachCriterionFollowsItsFormula()
    {
        // Centroid (601030, 2301030); xã, so the rural primary radius of 1,000 m.
        var site = Single(Parcel("P", Rect(601000, 2301000, 60, 60)));
        var (nodes, unreached) = NodesWithin(601030, 2301030, 1000);
        // 80 rooms short over 400 nodes; 3,500 pupils over 400 nodes, unserved where the school is 1,000 m or more away.
        var rooms = nodes * 80 / 400.0;
        var unserved = unreached * 3500 / 400.0;

        Assert.Equal((1000.0, 3500.0, 60.0), (site.RadiusM, site.MinAreaM2, Math.Round(site.WidthM)));
        Assert.Equal(rooms, site.RoomsShortInRadius, 9);
        Assert.Equal(unserved, site.UnservedInRadius, 9);
        Assert.Equal(Math.Sqrt(2) * 530, site.NearestSchoolM!.Value, 9);
        Assert.Equal(ScoreBreakdown.Points(35, rooms / (rooms + 10)), site.Breakdown.RoomsShort);
        Assert.Equal(ScoreBreakdown.Points(25, unserved / (unserved + 350)), site.Breakdown.UnservedPupils);
        Assert.Equal(11.243m, site.Breakdown.SchoolDistance);
        Assert.Equal(15m, site.Breakdown.LandStatus);
        Assert.Equal(0.286m, site.Breakdown.AreaMargin);
    }

    [Theory]
    [InlineData("state", 15)]
    [InlineData("organisation", 7.5)]
    [InlineData("household", 0)]
    [InlineData(null, 0)]
    public void StateLandScoresBestOnLandStatus(string? owner, double points) =>
        Assert.Equal((decimal)points, Single(Parcel("P", Rect(601000, 2301000, 60, 60), landUse: "LUC", owner: owner, planned: "DGD")).Breakdown.LandStatus);

    [Theory]
    [InlineData(0.5, 5)]
    [InlineData(-1, 0)]
    [InlineData(7, 10)]
    [InlineData(double.NaN, 0)]
    [InlineData(0.12345, 1.235)]
    public void PointsAreTheClampedFractionOfTheWeightToAThousandth(double fraction, double points) =>
        Assert.Equal((decimal)points, ScoreBreakdown.Points(10, fraction));

    [Fact]
    public void AreaMarginIsFullFromTwiceTheMinimum() =>
        Assert.Equal(10m, Single(Parcel("P", Rect(601000, 2301000, 100, 80))).Breakdown.AreaMargin);

    [Fact]
    public void WeightsFileChangesThePointsAndKeepsTheSum()
    {
        var weights = ScoreWeights.Parse("""{ "weights": { "rooms_short": 0, "area_margin": 50 }, "land_status": { "organisation": 0.8 } }""", "w.json");
        var options = new ScreeningOptions("tieu_hoc", 2030) { Top = 0, Weights = weights };

        var site = Assert.Single(Screen(City("xa", Parcel("P", Rect(601000, 2301000, 60, 60), landUse: "LUC", owner: "organisation", planned: "DGD")), options).Candidates);

        Assert.Equal((0m, 1.429m, 12m), (site.Breakdown.RoomsShort, site.Breakdown.AreaMargin, site.Breakdown.LandStatus));
        Assert.Equal(site.Score, ScoreWeights.Criteria.Sum(c => site.Breakdown[c]));
        Assert.Contains("rooms_short=0", options.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "weights": { "room_short": 3 } }""", "weights.room_short")]
    [InlineData("""{ "weights": { "area_margin": -1 } }""", "must not be negative")]
    [InlineData("""{ "land_status": { "state": 2 } }""", "between 0 and 1")]
    [InlineData("""{ "weight": {} }""", "unknown section")]
    [InlineData("""{ "weights": """, "not a valid weights file")]
    public void BadWeightsFilesAreRefusedWithTheirReason(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => ScoreWeights.Parse(json, "w.json")).Message, StringComparison.Ordinal);

    [Fact]
    public void CandidatesAreRankedByScoreThenIdWhateverTheInputOrder()
    {
        var parcels = new[]
        {
            Parcel("B", Rect(602500, 2302500, 60, 60)),
            Parcel("A", Rect(602500, 2302500, 60, 60)), // the same land as B: same score, so the id decides
            Parcel("C", Rect(601000, 2301000, 60, 60), owner: "organisation"),
            Parcel("D", Rect(603000, 2300200, 70, 70)),
            Parcel("E", Rect(600200, 2303000, 65, 65)),
        };

        var forward = Screen(City("xa", parcels)).Candidates;
        var backward = Screen(City("xa", [.. parcels.Reverse()])).Candidates;

        Assert.Equal(forward.Select(c => c.Id), backward.Select(c => c.Id));
        Assert.Equal(forward.Select(c => c.Score), backward.Select(c => c.Score));
        Assert.Equal(Enumerable.Range(1, 5), forward.Select(c => c.Rank));
        Assert.True(forward.Zip(forward.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.True(forward.ToList().FindIndex(c => c.Id == "A") == forward.ToList().FindIndex(c => c.Id == "B") - 1);
    }

    [Fact]
    public void TopKeepsTheBestN()
    {
        var parcels = Enumerable.Range(0, 12).Select(i => Parcel($"P{i:00}", Rect(600200 + (350 * i), 2303000, 60 + i, 60))).ToArray();
        var all = Screen(City("xa", parcels)).Candidates;

        var top = Screen(City("xa", parcels), new ScreeningOptions("tieu_hoc", 2030) { Top = 3 });

        Assert.Equal(all.Take(3).Select(c => c.Id), top.Candidates.Select(c => c.Id));
        Assert.Equal(12, top.ParcelsPassed);
    }
}
