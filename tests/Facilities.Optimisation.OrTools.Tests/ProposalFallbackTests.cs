using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Optimisation;
using Facilities.Core.Proposals;
using Facilities.Core.Spatial;
using Facilities.Testing;

namespace Facilities.Optimisation.OrTools.Tests;

public class ProposalFallbackTests
{
    // One 5 km phường, a 1 km × 1 km project of 20,000 residents, four 60 m DGD squares inside it.
    private static (CityModel City, GrowthArea Area, ParcelUnit[] Parcels) City()
    {
        var area = new GrowthArea("urban_area", "KDT", "KDT", 20_000, 2024, 2030,
            Wkt.Read("POLYGON((601000 2301000, 602000 2301000, 602000 2302000, 601000 2302000, 601000 2301000))", 32648));
        ParcelUnit Parcel(string id, double x, double y)
        {
            var g = Wkt.Read(FormattableString.Invariant($"POLYGON(({x} {y}, {x + 60} {y}, {x + 60} {y + 60}, {x} {y + 60}, {x} {y}))"), 32648);
            return new ParcelUnit(id, "DGD", null, "state", g.Area, g);
        }

        ParcelUnit[] parcels = [Parcel("A", 601100, 2301100), Parcel("B", 601800, 2301100), Parcel("C", 601100, 2301800), Parcel("D", 601800, 2301800)];
        var ward = new WardUnit("W", "Phường W", "phuong", 30_000, new Dictionary<string, long>(),
            Wkt.Read("POLYGON((600000 2300000, 605000 2300000, 605000 2305000, 600000 2305000, 600000 2300000))", 32648));
        return (CityModel.Of(CrsRegistry.Get(32648), [ward], [], [area], parcels), area, parcels);
    }

    [Fact]
    public void ProposalFallsBackToGreedyWhenTheExactModelGivesNoSolution()
    {
        // Arrange: the exact p-median is refused (more assignment variables than allowed).
        var (city, area, parcels) = City();
        var options = new ProposalOptions(2030) { Levels = ["tieu_hoc"], Model = SitingModel.PMedian, Limits = new SolverLimits { MaxAssignmentVariables = 1 } };

        // Act
        var result = SiteProposer.Propose(city, area, parcels, NormsSet.BuiltIn, options, new OrToolsSitingSolver());

        // Assert: 20,000 × 65 ‰ = 1,300 pupils, 38 classes, 1 school; greedy chose it and says why.
        var level = Assert.Single(result.Levels);
        Assert.True(level.UsedFallback);
        Assert.Equal(GreedySiting.MethodName, level.Used!.Method);
        Assert.Single(level.Sites);
        Assert.Contains(level.Solutions, s => s.Model == SitingModel.PMedian && s.Status == SolveStatus.Skipped);
        Assert.Contains(level.Notes, n => n.En.StartsWith("The exact solver gave no solution", StringComparison.Ordinal));
        Assert.Contains(level.Solutions, s => s.Model == SitingModel.MaximalCovering && s.Status == SolveStatus.Optimal);
    }

    [Fact]
    public void ExactCoveringIsProvenOptimalAndGreedyCoversNoMore()
    {
        var (city, area, parcels) = City();

        var result = SiteProposer.Propose(city, area, parcels, NormsSet.BuiltIn, new ProposalOptions(2030) { Levels = ["tieu_hoc"] }, new OrToolsSitingSolver());

        var level = result.Levels[0];
        Assert.False(level.UsedFallback);
        Assert.Equal(SolveStatus.Optimal, level.Used!.Status);
        var greedy = level.Solutions.Single(s => s.Model == SitingModel.MaximalCovering && s.Method == GreedySiting.MethodName);
        Assert.True(greedy.Objective <= level.Used.Objective + 1e-9);
    }
}
