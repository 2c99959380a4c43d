using Facilities.Core.Presentation;
using Facilities.Core.Validation;

namespace Facilities.Core.Tests.Presentation;

public sealed class NumberTextTests
{
    [Fact]
    public void VietnameseGroupsThousandsWithDotsAndWritesDecimalsAfterAComma()
    {
        Assert.Equal("2.077,76", NumberText.Format(2077.76, 2, Language.Vi));
        Assert.Equal("2,077.76", NumberText.Format(2077.76, 2, Language.En));
        Assert.Equal("1.234.567", NumberText.Count(1_234_567, Language.Vi));
    }

    [Fact]
    public void PeopleAreShownAsWholePersonsRoundedHalfAwayFromZero()
    {
        Assert.Equal("2.078", NumberText.People(2077.76, Language.Vi));
        Assert.Equal("3", NumberText.People(2.5, Language.Vi));
        Assert.Equal("16,506", NumberText.People(16_505.5, Language.En));
    }

    [Fact]
    public void MeasuresDropTrailingZeros()
    {
        Assert.Equal("12,5", NumberText.Measure(12.50, 2, Language.Vi));
        Assert.Equal("10", NumberText.Measure(10.001, 2, Language.Vi));
        Assert.Equal("0,33", NumberText.Measure(1 / 3.0, 2, Language.Vi));
    }

    [Fact]
    public void PercentagesFollowTheLanguageAndHaveNoSpaceBeforeTheSign()
    {
        Assert.Equal("46,4%", NumberText.Percent(0.4638, 1, Language.Vi));
        Assert.Equal("46.4%", NumberText.Percent(0.4638, 1, Language.En));
        Assert.Equal("1.250,00%", NumberText.Percent(12.5, 2, Language.Vi));
        Assert.Equal("—", NumberText.Percent(double.NaN, 1, Language.Vi));
    }
}
