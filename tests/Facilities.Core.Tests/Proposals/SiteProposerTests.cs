using Facilities.Core.Norms;
using Facilities.Core.Optimisation;
using Facilities.Core.Proposals;
using static Facilities.Core.Tests.Proposals.ProposalCity;
using static Facilities.Core.Tests.Screening.ScreeningCity;

namespace Facilities.Core.Tests.Proposals;

public class SiteProposerTests
{
    // Two good 60 m squares of DGD land inside the project, one far outside every buffer.
    private static readonly Model.ParcelUnit[] Parcels =
    [
        Parcel("P1", Rect(603500, 2302400, 60, 60)),
        Parcel("P2", Rect(605200, 2302400, 60, 60)),
        Parcel("P3", Rect(609000, 2304500, 60, 60)),
    ];

    [Fact]
    public void CandidatesAreTheScreenedParcelsWithinTheBufferAndTooFewAreReported()
    {
        // Arrange: primary needs 3 schools; only P1 and P2 lie within 500 m of the project.
        var area = Project();
        var city = City(area, Parcels);

        // Act
        var result = SiteProposer.Propose(city, area, Parcels, NormsSet.BuiltIn, new ProposalOptions(2032) { Levels = ["tieu_hoc"] }, solver: null);

        // Assert
        var level = Assert.Single(result.Levels);
        Assert.Equal(["P1", "P2"], level.Candidates.Select(c => c.Id).Order());
        Assert.Equal(["P1", "P2"], level.Sites.Select(s => s.Site.Id).Order());
        Assert.Equal([1, 2], level.Sites.Select(s => s.Rank));
        Assert.Contains(level.Notes, n => n.En.StartsWith("Only 2 sites", StringComparison.Ordinal));
        Assert.Equal(500, level.RadiusM);
        Assert.False(level.UsedFallback);
        Assert.Equal(GreedySiting.MethodName, level.Used!.Method);
        Assert.Equal([SitingModel.MaximalCovering, SitingModel.PMedian], level.Solutions.Select(s => s.Model));
    }

    [Fact]
    public void CoveredPupilsOfTheSitesAddUpToTheCoveringObjective()
    {
        var area = Project();
        var result = SiteProposer.Propose(City(area, Parcels), area, Parcels, NormsSet.BuiltIn, new ProposalOptions(2032) { Levels = ["tieu_hoc"] }, solver: null);

        var level = result.Levels[0];

        Assert.Equal(level.Used!.Objective, level.Sites.Sum(s => s.CoveredPupils), 1e-6);
        Assert.Equal(level.Used.Objective, level.Points.Where(p => p.SiteRank > 0).Sum(p => p.Pupils), 1e-6);
        Assert.All(level.Points.Where(p => p.SiteRank > 0), p => Assert.True(p.DistanceM <= 500));
    }

    [Fact]
    public void APMedianAssignsEveryPointButOnlyPointsWithinTheRadiusCountAsCovered()
    {
        // Arrange: the p-median sends every demand point to its nearest chosen site, however far.
        var area = Project();

        // Act
        var result = SiteProposer.Propose(City(area, Parcels), area, Parcels, NormsSet.BuiltIn,
            new ProposalOptions(2032) { Levels = ["tieu_hoc"], Model = SitingModel.PMedian }, solver: null);

        // Assert
        var level = result.Levels[0];
        Assert.All(level.Points, p => Assert.True(p.SiteRank > 0));
        Assert.Contains(level.Points, p => p.DistanceM > level.RadiusM);
        Assert.All(level.Points, p => Assert.Equal(p.DistanceM <= level.RadiusM, p.WithinRadius));
    }

    [Fact]
    public void ChosenSitesSmallerThanOneSchoolsShareOfTheLandAreNamedInANote()
    {
        // Arrange: 60 m squares (3,600 m²) pass the screening's smallest-school test, but the project's primary land
        // shared over its schools is more per school.
        var area = Project();

        // Act
        var result = SiteProposer.Propose(City(area, Parcels), area, Parcels, NormsSet.BuiltIn, new ProposalOptions(2032) { Levels = ["tieu_hoc"] }, solver: null);

        // Assert
        var level = result.Levels[0];
        Assert.Equal(Math.Round(level.Needs.LandM2 / level.Needs.Schools), level.Needs.LandPerSchoolM2);
        Assert.True(level.Needs.LandPerSchoolM2 > 3600m);
        var note = Assert.Single(level.Notes, n => n.En.Contains("smaller than one school's share", StringComparison.Ordinal));
        Assert.Contains("P1 (3,600 m²)", note.En, StringComparison.Ordinal);
        Assert.Contains("P2 (3,600 m²)", note.En, StringComparison.Ordinal);
    }

    [Fact]
    public void AParcelChosenForOneLevelIsNotOfferedToTheNext()
    {
        // Arrange
        var area = Project();

        // Act
        var result = SiteProposer.Propose(City(area, Parcels), area, Parcels, NormsSet.BuiltIn, new ProposalOptions(2032) { Levels = ["tieu_hoc", "thcs"] }, solver: null);

        // Assert: in the sequential run THCS (1,000 m) would reach P1 and P2, but both went to primary.
        Assert.Empty(result.Sequential[1].Candidates);
        Assert.Empty(result.Sequential[1].Sites);
        Assert.Contains(result.Sequential[1].Notes, n => n.En.StartsWith("Only 0 sites", StringComparison.Ordinal));
    }

    [Fact]
    public void TheJointSolutionSharesTheParcelsAcrossLevelsAndIsTheProposalWhenNoWorse()
    {
        // Arrange: primary needs 3 schools and THCS 2 for the two parcels within reach of both.
        var area = Project();

        // Act
        var result = SiteProposer.Propose(City(area, Parcels), area, Parcels, NormsSet.BuiltIn, new ProposalOptions(2032) { Levels = ["tieu_hoc", "thcs"] }, solver: null);

        // Assert: both levels see both parcels; each parcel hosts one school; the joint greedy run is measured like the
        // sequential one and is the proposal only when it is not worse.
        Assert.Equal(["P1", "P2"], result.JointLevels[1].Candidates.Select(c => c.Id).Order());
        var used = result.JointLevels.SelectMany(l => l.Sites).Select(s => s.Site.Id).ToList();
        Assert.Equal(used.Count, used.Distinct().Count());
        var (joint, sequential) = result.Comparison!.Value;
        Assert.Equal(GreedySiting.MethodName, result.JointUsed!.Method);
        Assert.Equal(joint.Objective >= sequential.Objective, result.IsJoint);
        Assert.Equal(result.JointUsed.Objective, joint.Objective, 1e-6);
        Assert.Contains("joint=yes", result.Options.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithJointOffTheSequentialRunIsTheProposalAndTheJointOneItsComparison()
    {
        var area = Project();

        var result = SiteProposer.Propose(City(area, Parcels), area, Parcels, NormsSet.BuiltIn,
            new ProposalOptions(2032) { Levels = ["tieu_hoc", "thcs"], Joint = false }, solver: null);

        Assert.False(result.IsJoint);
        Assert.Same(result.Sequential, result.Levels);
        Assert.Equal(2, result.JointLevels.Count);
        Assert.NotNull(result.Comparison);
    }

    [Fact]
    public void OneLevelOrThePMedianIsNotSolvedJointly()
    {
        var area = Project();

        var single = SiteProposer.Propose(City(area, Parcels), area, Parcels, NormsSet.BuiltIn, new ProposalOptions(2032) { Levels = ["tieu_hoc"] }, solver: null);
        var median = SiteProposer.Propose(City(area, Parcels), area, Parcels, NormsSet.BuiltIn,
            new ProposalOptions(2032) { Levels = ["tieu_hoc", "thcs"], Model = SitingModel.PMedian }, solver: null);

        Assert.Null(single.Comparison);
        Assert.Null(median.Comparison);
        Assert.Empty(median.JointRuns);
        Assert.False(median.IsJoint);
    }

    [Fact]
    public void NormsUsedIncludeTheSchoolSizesWithTheirSources()
    {
        var area = Project();

        var result = SiteProposer.Propose(City(area, Parcels), area, Parcels, NormsSet.BuiltIn, new ProposalOptions(2032) { Levels = ["thcs"] }, solver: null);

        Assert.Contains("max_classes.thcs", result.NormKeysUsed);
        Assert.Contains("service_radius_m.thcs.urban", result.UnconfirmedNormsUsed().Select(n => n.Key));
        Assert.DoesNotContain("max_classes.tieu_hoc", result.NormKeysUsed);
    }
}
