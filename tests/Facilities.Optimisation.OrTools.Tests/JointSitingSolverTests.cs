using Facilities.Core.Optimisation;
using Facilities.Testing;

namespace Facilities.Optimisation.OrTools.Tests;

public class JointSitingSolverTests
{
    // Two levels: A (10 m² per pupil, a school needs 4,000 m²) and B (6 m² per pupil, 4,000 m²), one school each,
    // radius 300 m. A combined A + B school therefore needs 8,000 m².
    private static JointLevel Level(string name, double weight, (double X, double Y, double Pupils)[] demand, bool[] eligible) =>
        new(name, [.. demand.Select(d => d.X)], [.. demand.Select(d => d.Y)], [.. demand.Select(d => d.Pupils)], 300, 1, weight, 4000, eligible);

    // Sites from inline WKT polygons: centroid and area.
    private static (double[] X, double[] Y, double[] Area) Sites(params string[] wkt)
    {
        var g = wkt.Select(w => Wkt.Read(w, 32648)).ToArray();
        return ([.. g.Select(s => s.Centroid.X)], [.. g.Select(s => s.Centroid.Y)], [.. g.Select(s => s.Area)]);
    }

    private static readonly IReadOnlyList<IReadOnlyList<string>> AB = [["A", "B"]];

    [Fact]
    public void OnePlotThatFitsOnlyOneSchoolGoesToTheLevelWhosePupilsWeighMore()
    {
        // Arrange: a 100 m × 50 m plot (5,000 m²: one school, not a combined one of 8,000 m²), 100 A and 100 B pupils on it.
        var (x, y, area) = Sites("POLYGON((0 0, 100 0, 100 50, 0 50, 0 0))");
        var instance = new JointSitingInstance(
            [Level("A", 10, [(50, 25, 100)], [true]), Level("B", 6, [(50, 25, 100)], [true])], x, y, area, [[0]], AB);

        // Act
        var joint = new OrToolsSitingSolver().SolveJoint(instance, new SolverLimits());

        // Assert: A there scores 10 × 100 = 1,000, B would score 6 × 100 = 600; no combined option exists.
        Assert.Equal(2, instance.Options.Count);
        Assert.Equal(SolveStatus.Optimal, joint.Status);
        Assert.Equal(1000, joint.Objective, 1e-6);
        Assert.Equal(0, joint.Gap, 1e-9);
        var only = instance.Options[Assert.Single(joint.Chosen)];
        Assert.Equal([0], only.Levels);
    }

    [Fact]
    public void TwoPlotsTheJointModelGivesToTwoLevelsWhereTheSequentialRunPlacesOne()
    {
        // Arrange: P1 (5,000 m²) passes both levels' screening, P2 (3,000 m², 1 km east) only A's. A has 100 pupils at
        // P1 and 90 at P2; B has 100 pupils at P1.
        var (x, y, area) = Sites(
            "POLYGON((0 0, 100 0, 100 50, 0 50, 0 0))",
            "POLYGON((1000 0, 1060 0, 1060 50, 1000 50, 1000 0))");
        var a = Level("A", 10, [(50, 25, 100), (1030, 25, 90)], [true, true]);
        var b = Level("B", 6, [(50, 25, 100)], [true, false]);
        var instance = new JointSitingInstance([a, b], x, y, area, [[0], [1]], AB);

        // The sequential run: A first takes P1 (100 pupils > 90), B is left with no eligible site.
        var sequentialA = instance.Options.Select((o, i) => (o, i)).Single(t => t.o.Site == 0 && t.o.Levels is [0]).i;
        var sequential = JointEvaluator.Objective(instance, [sequentialA]);

        // Act
        var joint = new OrToolsSitingSolver().SolveJoint(instance, new SolverLimits(), hint: [sequentialA]);

        // Assert: sequential 10 × 100 = 1,000; joint A on P2 (10 × 90 = 900) and B on P1 (6 × 100 = 600) = 1,500.
        Assert.Equal(1000, sequential, 1e-6);
        Assert.Equal(1500, joint.Objective, 1e-6);
        Assert.Equal(SolveStatus.Optimal, joint.Status);
        Assert.Equal([1], JointEvaluator.SitesOf(instance, joint.Chosen, 0));
        Assert.Equal([0], JointEvaluator.SitesOf(instance, joint.Chosen, 1));
        Assert.Equal([90.0, 100.0], JointEvaluator.Covered(instance, joint.Chosen));
    }

    [Fact]
    public void APlotWithTheSummedLandOfTwoLevelsTakesACombinedSchool()
    {
        // Arrange: one 100 m × 90 m plot (9,000 m² ≥ 4,000 + 4,000), 100 A and 100 B pupils on it.
        var (x, y, area) = Sites("POLYGON((0 0, 100 0, 100 90, 0 90, 0 0))");
        var levels = new[] { Level("A", 10, [(50, 45, 100)], [true]), Level("B", 6, [(50, 45, 100)], [true]) };
        var withCombined = new JointSitingInstance(levels, x, y, area, [[0]], AB);
        var without = new JointSitingInstance(levels, x, y, area, [[0]], []);

        // Act
        var combined = new OrToolsSitingSolver().SolveJoint(withCombined, new SolverLimits());
        var single = new OrToolsSitingSolver().SolveJoint(without, new SolverLimits());

        // Assert: the combined school covers both: 1,000 + 600 = 1,600; without combinations only A: 1,000.
        Assert.Equal(3, withCombined.Options.Count);
        var option = withCombined.Options[Assert.Single(combined.Chosen)];
        Assert.True(option.Combined);
        Assert.Equal([0, 1], option.Levels);
        Assert.Equal(1600, combined.Objective, 1e-6);
        Assert.Equal(1000, single.Objective, 1e-6);
    }

    [Fact]
    public void TheJointMipMatchesEnumerationAndIsNeverBelowTheSequentialRunOnRandomTinyInstances()
    {
        var better = 0;
        var combined = 0;
        for (var seed = 1; seed <= 12; seed++)
        {
            // Arrange
            var instance = JointInstances.Random(seed);

            // Act
            var joint = new OrToolsSitingSolver().SolveJoint(instance, new SolverLimits());
            var best = JointInstances.BruteForce(instance);
            var sequential = JointInstances.Sequential(instance);

            // Assert
            Assert.Equal(SolveStatus.Optimal, joint.Status);
            Assert.True(JointEvaluator.IsFeasible(instance, joint.Chosen), $"seed {seed}: infeasible");
            Assert.Equal(best, joint.Objective, 1e-6);
            Assert.True(joint.Objective >= JointEvaluator.Objective(instance, sequential) - 1e-9, $"seed {seed}: below the sequential run");
            Assert.True(JointGreedy.Solve(instance).Objective <= joint.Objective + 1e-9, $"seed {seed}: greedy above the optimum");
            better += joint.Objective > JointEvaluator.Objective(instance, sequential) + 1e-9 ? 1 : 0;
            combined += joint.Chosen.Any(o => instance.Options[o].Combined) ? 1 : 0;
        }

        // The seeds exercise what the joint model is for: beating the sequential run, and combined schools.
        Assert.True(better > 0, "no seed where the joint model beats the sequential run");
        Assert.True(combined > 0, "no seed with a combined school");
    }
}
