using Facilities.Core.Presentation;

namespace Facilities.Core.Tests.Presentation;

public sealed class ClassBreaksTests
{
    [Fact]
    public void JenksGroupsThreeClustersIntoThreeClasses()
    {
        // By hand: {1,2,3} {10,11,12} {30} has squared deviations 2 + 2 + 0 = 4; any other cut costs more.
        Assert.Equal([3.0, 12, 30], ClassBreaks.Jenks([30, 1, 12, 2, 11, 3, 10], 3));
    }

    [Fact]
    public void JenksWeighsRepeatedValuesAndNeverSplitsThem()
    {
        // {4,4,4,5} {9}: mean 4.25, deviations 3 × 0.0625 + 0.5625 = 0.75; {4,4,4} {5,9} would cost 8.
        Assert.Equal([5.0, 9], ClassBreaks.Jenks([4, 4, 4, 5, 9], 2));
    }

    [Fact]
    public void JenksCutsAtTheGapThatLeavesTheTightestClassesNotAtEqualCounts()
    {
        Assert.Equal([5.0, 21], ClassBreaks.Jenks([0, 1, 2, 3, 4, 5, 20, 21], 2));
    }

    [Fact]
    public void JenksGivesFewerClassesThanAskedWhenThereAreFewerDistinctValues()
    {
        Assert.Equal([2.0, 7], ClassBreaks.Jenks([7, 2, 2, 7], 5));
        Assert.Empty(ClassBreaks.Jenks([], 3));
    }

    [Fact]
    public void QuantilesCutTheSortedValuesIntoRunsOfAboutEqualLength()
    {
        Assert.Equal([2.0, 4, 6, 8, 10], ClassBreaks.Quantiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 5));
        // The first two thirds end in the run of ones, which stays one class.
        Assert.Equal([1.0, 3], ClassBreaks.Quantiles([1, 1, 1, 1, 2, 3], 3));
    }

    [Theory]
    [InlineData(1234, 1610, 1500)]
    [InlineData(11, 25, 20)]
    [InlineData(3, 4, 3)]
    [InlineData(0.12, 0.4, 0.2)]
    [InlineData(-7, -2, -5)]
    [InlineData(0, 5, 0)]
    public void RoundLimitIsTheRoundestNumberBetweenTwoClasses(double low, double high, double expected)
    {
        Assert.Equal(expected, ClassBreaks.RoundLimit(low, high), 12);
    }
}
