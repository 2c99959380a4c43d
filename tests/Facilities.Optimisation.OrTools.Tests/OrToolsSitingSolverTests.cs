using Facilities.Core.Optimisation;

namespace Facilities.Optimisation.OrTools.Tests;

public class OrToolsSitingSolverTests
{
    private static readonly SolverLimits Limits = new() { TimeLimit = TimeSpan.FromSeconds(60) };

    // seed, points, candidates, p
    private static readonly (int Seed, int Points, int Candidates, int P)[] Sizes =
        [(1, 30, 8, 2), (2, 40, 10, 3), (3, 25, 12, 4), (4, 60, 9, 1), (5, 50, 11, 5), (6, 35, 7, 7)];

    public static TheoryData<int, int, int, int> Instances => [.. Sizes];

    public static TheoryData<int, int, int, int, string> InstancesByBackend =>
        [.. Sizes.SelectMany(s => new[] { "CBC", "SCIP" }.Select(b => (s.Seed, s.Points, s.Candidates, s.P, b)))];

    [Theory]
    [MemberData(nameof(InstancesByBackend))]
    public void MaximalCoveringFindsTheBruteForceOptimum(int seed, int points, int candidates, int p, string backend) =>
        FindsOptimum(SmallInstances.Random(seed, points, candidates, p), SitingModel.MaximalCovering, backend);

    [Theory]
    [MemberData(nameof(InstancesByBackend))]
    public void PMedianFindsTheBruteForceOptimum(int seed, int points, int candidates, int p, string backend) =>
        FindsOptimum(SmallInstances.Random(seed, points, candidates, p), SitingModel.PMedian, backend);

    [Theory]
    [MemberData(nameof(InstancesByBackend))]
    public void PMedianByBranchAndBoundAloneFindsTheBruteForceOptimum(int seed, int points, int candidates, int p, string backend) =>
        FindsOptimum(SmallInstances.Random(seed, points, candidates, p), SitingModel.PMedian, backend, relaxationFirst: false);

    [Fact]
    public void PMedianWithAnIntegralRelaxationSaysSoAndSkipsBranching()
    {
        var instance = SmallInstances.Random(2, 40, 10, 3);

        var solution = new OrToolsSitingSolver().Solve(instance, SitingModel.PMedian, Limits);

        Assert.Equal(SolveStatus.Optimal, solution.Status);
        Assert.Contains("LP relaxation", solution.Note, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void GreedyNeverBeatsTheOptimum(int seed, int points, int candidates, int p)
    {
        // Arrange
        var instance = SmallInstances.Random(seed, points, candidates, p);

        // Act
        var covering = GreedySiting.Solve(instance, SitingModel.MaximalCovering);
        var median = GreedySiting.Solve(instance, SitingModel.PMedian);

        // Assert
        Assert.Equal(p, covering.Chosen.Count);
        Assert.Equal(p, median.Chosen.Count);
        Assert.True(covering.Objective <= SmallInstances.BruteForce(instance, SitingModel.MaximalCovering) + 1e-9);
        Assert.True(median.Objective >= SmallInstances.BruteForce(instance, SitingModel.PMedian) - 1e-6);
    }

    [Fact]
    public void PMedianTooLargeForTheLimitIsSkippedWithAReason()
    {
        var instance = SmallInstances.Random(7, 50, 10, 2);

        var solution = new OrToolsSitingSolver().Solve(instance, SitingModel.PMedian, Limits with { MaxAssignmentVariables = 100 });

        Assert.Equal(SolveStatus.Skipped, solution.Status);
        Assert.False(solution.HasSolution);
        Assert.Contains("50 points × 10 candidates", solution.Note, StringComparison.Ordinal);
    }

    private static void FindsOptimum(SitingInstance instance, SitingModel model, string backend, bool relaxationFirst = true)
    {
        // Arrange
        var expected = SmallInstances.BruteForce(instance, model);

        // Act
        var solution = new OrToolsSitingSolver(backend, relaxationFirst).Solve(instance, model, Limits);

        // Assert
        Assert.Equal(SolveStatus.Optimal, solution.Status);
        Assert.Equal(instance.P, solution.Chosen.Count);
        Assert.Equal(expected, solution.Objective, 1e-6 * Math.Max(1, expected));
        Assert.True(solution.Gap <= 1e-6, $"gap {solution.Gap}");
    }
}
