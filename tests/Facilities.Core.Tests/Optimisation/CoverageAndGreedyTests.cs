using Facilities.Core.Optimisation;

namespace Facilities.Core.Tests.Optimisation;

public class CoverageAndGreedyTests
{
    // Five points on a line at x = 0, 100, 200, 300, 1000 (pupils 10, 20, 30, 40, 50); candidates at x = 0, 250, 1000;
    // radius 100 m. Candidate 0 covers points 0, 1 (30 pupils); candidate 1 covers 2, 3 (70); candidate 2 covers 4 (50).
    private static SitingInstance Line(int p) => new(
        [0, 100, 200, 300, 1000], [0, 0, 0, 0, 0], [10, 20, 30, 40, 50], [0, 250, 1000], [0, 0, 0], 100, p);

    [Fact]
    public void CoverageSetsListThePointsWithinTheRadiusIncludingTheBoundary()
    {
        var c = Line(1).Coverage;

        Assert.Equal([0, 1], c.PointsOf(0).ToArray());
        Assert.Equal([2, 3], c.PointsOf(1).ToArray());
        Assert.Equal([4], c.PointsOf(2).ToArray());
        Assert.Equal([0], c.SitesOf(1).ToArray());
        Assert.Equal(5, c.PairCount);
    }

    [Fact]
    public void GroupsMergePointsCoveredByTheSameCandidatesAndDropTheUncovered()
    {
        // A sixth point far away is covered by nothing; points 0 and 1 share candidate 0, points 2 and 3 candidate 1.
        var instance = new SitingInstance([0, 100, 200, 300, 1000, 5000], [0, 0, 0, 0, 0, 0], [10, 20, 30, 40, 50, 60], [0, 250, 1000], [0, 0, 0], 100, 1);

        var groups = instance.Coverage.Groups(instance.Weight);

        Assert.Equal([30.0, 70.0, 50.0], groups.Select(g => g.Weight));
        Assert.Equal([[0], [1], [2]], groups.Select(g => g.Sites));
    }

    [Fact]
    public void GreedyCoveringTakesTheLargestGainFirst()
    {
        var s = GreedySiting.Solve(Line(2), SitingModel.MaximalCovering);

        Assert.Equal([1, 2], s.Chosen);
        Assert.Equal(120, s.Objective);
        Assert.Equal(SolveStatus.Heuristic, s.Status);
        Assert.True(double.IsNaN(s.Gap));
    }

    [Fact]
    public void GreedyMedianStartsFromTheBestSingleSite()
    {
        // Costs alone: site 0 = 20·100 + 30·200 + 40·300 + 50·1000 = 70,000; site 1 = 10·250 + 20·150 + 30·50 + 40·50 +
        // 50·750 = 46,500; site 2 = 10·1000 + 20·900 + 30·800 + 40·700 = 80,000. Then adding 2 saves the most:
        // 10·250 + 20·150 + 30·50 + 40·50 + 0 = 9,000.
        var s = GreedySiting.Solve(Line(2), SitingModel.PMedian);

        Assert.Equal([1, 2], s.Chosen);
        Assert.Equal(9000, s.Objective, 1e-9);
    }

    [Fact]
    public void AssignmentWithinTheRadiusLeavesFarPointsUnassigned()
    {
        var instance = Line(2);

        Assert.Equal([-1, -1, 1, 1, 2], SitingEvaluator.Assign(instance, [1, 2], withinRadius: true));
        Assert.Equal([1, 1, 1, 1, 2], SitingEvaluator.Assign(instance, [1, 2], withinRadius: false));
    }

    [Theory]
    [InlineData(100, 101, 0.01)]
    [InlineData(0, 0, 0)]
    [InlineData(200, 200.0000000001, 0)]
    public void GapIsTheBoundsDistanceOverTheObjective(double objective, double bound, double gap) =>
        Assert.Equal(gap, Gaps.Relative(objective, bound), 1e-12);

    [Fact]
    public void InstanceRefusesMoreSitesThanCandidates() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Line(4));
}
