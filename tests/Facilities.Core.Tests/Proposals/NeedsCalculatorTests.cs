using Facilities.Core.Norms;
using Facilities.Core.Proposals;
using static Facilities.Core.Tests.Proposals.ProposalCity;

namespace Facilities.Core.Tests.Proposals;

public class NeedsCalculatorTests
{
    private static readonly string[] Levels = ["mam_non", "tieu_hoc", "thcs", "thpt"];

    [Fact]
    public void UrbanProjectNeedsMatchTheHandComputation()
    {
        // Arrange: 48,000 residents at completion, mostly in a phường (urban land norms 8 / 6 / 6 / 6 m²).
        var area = Project();

        // Act
        var needs = NeedsCalculator.Compute(City(area), area, NormsSet.BuiltIn, 2032, Levels);

        // Assert
        Assert.True(needs.Urban);
        Assert.Equal(48_000m, needs.Residents);
        // mầm non: 48,000 × 50 ‰ = 2,400; ⌈2,400 ÷ 30⌉ = 80 classes = 80 rooms; ⌈80 ÷ 30⌉ = 3 schools; 2,400 × 8 = 19,200 m².
        Assert.Equal(new LevelNeeds("mam_non", 2400, 80, 80, 3, 8, 9 * 30 * 8, 19_200), needs.Levels[0]);
        // tiểu học: 3,120 pupils; ⌈89.14⌉ = 90 classes = 90 rooms; ⌈90 ÷ 40⌉ = 3; 3,120 × 6 = 18,720 m².
        Assert.Equal(new LevelNeeds("tieu_hoc", 3120, 90, 90, 3, 6, 10 * 35 * 6, 18_720), needs.Levels[1]);
        // THCS: 2,640 pupils; ⌈58.67⌉ = 59 classes; ⌈59 × 0.6 = 35.4⌉ = 36 rooms; ⌈59 ÷ 45⌉ = 2; 15,840 m².
        Assert.Equal(new LevelNeeds("thcs", 2640, 59, 36, 2, 6, 8 * 45 * 6, 15_840), needs.Levels[2]);
        // THPT: 48,000 × 40 ‰ = 1,920; ⌈42.67⌉ = 43 classes; ⌈25.8⌉ = 26 rooms; 1 school; 11,520 m².
        Assert.Equal(new LevelNeeds("thpt", 1920, 43, 26, 1, 6, 15 * 45 * 6, 11_520), needs.Levels[3]);
        Assert.Equal(65_280m, needs.LandM2);
        Assert.Equal(30_000m, needs.ReservedM2);
        Assert.Equal(-35_280m, needs.BalanceM2);
    }

    [Fact]
    public void RuralProjectUsesTheGeneralLandNorm()
    {
        // Arrange: the same project moved wholly into the xã.
        var area = Project("POLYGON((606000 2302000, 609000 2302000, 609000 2303000, 606000 2303000, 606000 2302000))");

        // Act
        var needs = NeedsCalculator.Compute(City(area), area, NormsSet.BuiltIn, 2032, Levels);

        // Assert: 2,400 × 12 + 3,120 × 10 + 2,640 × 10 + 1,920 × 10 = 105,600 m².
        Assert.False(needs.Urban);
        Assert.Equal([28_800m, 31_200m, 26_400m, 19_200m], needs.Levels.Select(l => l.LandM2));
        Assert.Equal(105_600m, needs.LandM2);
    }

    [Fact]
    public void SmallProjectStillNeedsOneMinimumSiteAndIsFlaggedBelowMinimumSize()
    {
        // 1,234 residents × 65 ‰ = 80.21 → 81 pupils; ⌈81 ÷ 35⌉ = 3 classes < 10; land max(81 × 10, 10 × 35 × 10) = 3,500 m².
        var n = NeedsCalculator.Level(NormsSet.BuiltIn, "tieu_hoc", 1234, urban: false, twoSessions: false);

        Assert.Equal(new LevelNeeds("tieu_hoc", 81, 3, 3, 1, 10, 3500, 3500) { BelowMinimumSize = true }, n);
        Assert.Equal(3m, n.ClassesPerSchool);
    }

    [Fact]
    public void ResidentsArePhasedInBetweenTheStartAndCompletionYears()
    {
        // 2028 is half way from 2024 to 2032: 24,000 residents; 1,560 primary pupils; ⌈44.57⌉ = 45 classes; 2 schools.
        var area = Project();

        var needs = NeedsCalculator.Compute(City(area), area, NormsSet.BuiltIn, 2028, ["tieu_hoc"]);

        Assert.Equal(24_000m, needs.Residents);
        Assert.Equal(new LevelNeeds("tieu_hoc", 1560, 45, 45, 2, 6, 2100, 9360), needs.Levels[0]);
    }

    [Fact]
    public void BeforeTheStartYearNothingIsNeeded()
    {
        var area = Project();

        var needs = NeedsCalculator.Compute(City(area), area, NormsSet.BuiltIn, 2020, ["thcs"]);

        Assert.Equal(new LevelNeeds("thcs", 0, 0, 0, 0, 6, 2160, 0), needs.Levels[0]);
        Assert.False(needs.Levels[0].BelowMinimumSize);
    }

    [Fact]
    public void TwoSessionsNeedOneRoomPerClass() =>
        Assert.Equal(59, NeedsCalculator.Level(NormsSet.BuiltIn, "thcs", 48_000, urban: true, twoSessions: true).Classrooms);

    [Fact]
    public void UnknownReservedLandLeavesTheBalanceUnknown()
    {
        var area = Project(reserved: null);

        var needs = NeedsCalculator.Compute(City(area), area, NormsSet.BuiltIn, 2032, Levels);

        Assert.Null(needs.ReservedM2);
        Assert.Null(needs.BalanceM2);
    }
}
