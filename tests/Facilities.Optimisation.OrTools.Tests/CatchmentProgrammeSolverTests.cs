using Facilities.Core.Optimisation;
using Facilities.Core.Programme;
using Facilities.Testing;

namespace Facilities.Optimisation.OrTools.Tests;

public class CatchmentProgrammeSolverTests
{
    private static readonly SolverLimits Exact = new() { TimeLimit = TimeSpan.FromSeconds(30), RelativeGap = 0 };

    public static TheoryData<int, string> Seeds()
    {
        var data = new TheoryData<int, string>();
        for (var seed = 1; seed <= 8; seed++)
        {
            data.Add(seed, seed % 2 == 0 ? "CBC" : "SCIP");
        }
        return data;
    }

    [Theory]
    [InlineData("SCIP")]
    [InlineData("CBC")]
    public void The_mip_shares_new_places_across_ward_lines_and_reaches_the_hand_computed_195(string backend)
    {
        var instance = CatchmentProgrammeCases.Hand();

        var mip = new OrToolsProgrammeSolver(backend).Solve(instance, Exact, GreedyProgramme.Solve(instance).Starts);

        Assert.Equal(SolveStatus.Optimal, mip.Status);
        Assert.Equal(195, mip.Objective, 6);
        Assert.Equal(new int?[] { 2026, null, 2026 }, mip.Starts);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void With_shared_places_the_mip_equals_enumeration_and_greedy_is_never_better(int seed, string backend)
    {
        var instance = CatchmentProgrammeCases.Random(seed, 3, 2, 3, 6);
        var greedy = GreedyProgramme.Solve(instance);
        var best = EnumeratedProgramme.Solve(instance);

        var mip = new OrToolsProgrammeSolver(backend).Solve(instance, Exact, greedy.Starts);

        Assert.Equal(SolveStatus.Optimal, mip.Status);
        Assert.Equal(best.Objective, mip.Objective, 6);
        Assert.True(greedy.Objective >= mip.Objective - 1e-6, $"greedy {greedy.Objective} < MIP {mip.Objective}");
    }
}
