namespace Facilities.Render.Tests;

public class ClassificationTests
{
    [Fact]
    public void DivergingBreaksAreRoundAndSymmetricAroundZero()
    {
        var classes = Classification.Create([-5, 0, 7, null], diverging: true);

        Assert.Equal(2, classes.Step);
        Assert.Equal(
            ["≤ −5", "−4 … −3", "−2 … −1", "0", "1 … 2", "3 … 4", "≥ 5"],
            classes.Classes.Select(c => c.Label));
        Assert.Equal(MapColors.RdBu7, classes.Classes.Select(c => c.Color));
        Assert.Equal("≤ −5", classes.ClassOf(-5)!.Label);
        Assert.Equal("−2 … −1", classes.ClassOf(-2)!.Label);
        Assert.Equal("0", classes.ClassOf(0)!.Label);
        Assert.Equal("3 … 4", classes.ClassOf(3)!.Label);
        Assert.Equal("≥ 5", classes.ClassOf(7)!.Label);
        Assert.Null(classes.ClassOf(null));
        Assert.Equal([1, 0, 0, 1, 0, 0, 1], classes.Classes.Select(c => c.Count));
    }

    [Fact]
    public void ZeroAloneIsTheNeutralClassAndSmallIntegersGetUnitClasses()
    {
        var classes = Classification.Create([-1, 0, 3], diverging: true);

        Assert.Equal(1, classes.Step);
        Assert.Equal(["≤ −3", "−2", "−1", "0", "1", "2", "≥ 3"], classes.Classes.Select(c => c.Label));
        Assert.Same(classes.Classes[3], classes.ClassOf(0));
        Assert.Same(classes.Classes[6], classes.ClassOf(3));
    }

    [Fact]
    public void FractionalValuesGetIntervalLabels()
    {
        var classes = Classification.Create([-0.25, 0.1, 0.3], diverging: true);

        Assert.Equal(0.1, classes.Step, 12);
        Assert.Equal("(0.0, 0.1]", classes.ClassOf(0.1)!.Label);
        Assert.Equal("(0.1, 0.2]", classes.ClassOf(0.15)!.Label);
        Assert.Equal("> 0.2", classes.ClassOf(0.3)!.Label);
        Assert.Equal("< −0.2", classes.ClassOf(-0.25)!.Label);
    }

    [Fact]
    public void TheOuterClassesAreOpenEndedAndHoldTheExtremes()
    {
        var classes = Classification.Create([-40, 40], diverging: true);

        Assert.Equal(10, classes.Step);
        Assert.Equal("≥ 21", classes.ClassOf(40)!.Label);
        Assert.Same(classes.Classes[0], classes.ClassOf(-1000));
        Assert.Same(classes.Classes[6], classes.ClassOf(1000));
    }

    [Fact]
    public void SequentialClassesStartAtARoundNumberAndNeverExceedSeven()
    {
        var classes = Classification.Create([112, 130, 187, 940], diverging: false);

        Assert.InRange(classes.Classes.Count, 1, 7);
        Assert.Equal(200, classes.Step);
        Assert.Equal("0 … 200", classes.ClassOf(130)!.Label);
        Assert.Equal("801 … 1000", classes.ClassOf(940)!.Label);
        Assert.Same(classes.Classes[^1], classes.ClassOf(940));
    }

    [Fact]
    public void NoValuesGiveNoClasses()
    {
        Assert.Empty(Classification.Create([null, null], diverging: true).Classes);
        Assert.Empty(Classification.Create([], diverging: false).Classes);
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1, 1)]
    [InlineData(2.3, 5)]
    [InlineData(7, 10)]
    [InlineData(1500, 2000)]
    public void NiceCeilRoundsUpToOneTwoOrFive(double x, double expected) => Assert.Equal(expected, NiceNumbers.Ceil(x));

    [Theory]
    [InlineData(7300, 5000, "5 km", "2.5")]
    [InlineData(1999, 1000, "1 km", "0.5")]
    [InlineData(450, 200, "200 m", "100")]
    public void ScaleBarLengthsAreRoundAndTheMiddleTickUsesTheSameUnit(double fitMetres, double expected, string end, string middle)
    {
        var metres = ScaleBarPainter.LengthMetres(1, (float)fitMetres);

        Assert.Equal(expected, metres);
        Assert.Equal(end, ScaleBarPainter.FormatDistance(metres, metres, withUnit: true));
        Assert.Equal(middle, ScaleBarPainter.FormatDistance(metres / 2, metres, withUnit: false));
    }
}
