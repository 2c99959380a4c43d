using Facilities.Core.Optimisation;
using Facilities.Core.Programme;
using Facilities.Testing;

namespace Facilities.Optimisation.OrTools.Tests;

public class OrToolsProgrammeSolverTests
{
    private static readonly SolverLimits Exact = new() { TimeLimit = TimeSpan.FromSeconds(60), RelativeGap = 0 };

    public static TheoryData<int, string> Seeds => [.. Enumerable.Range(1, 12).SelectMany(s => new[] { "SCIP", "CBC" }.Select(b => (s, b)))];

    [Theory]
    [InlineData("SCIP")]
    [InlineData("CBC")]
    public void The_mip_solves_the_hand_computed_case_to_its_known_optimum(string backend)
    {
        var instance = ProgrammeCases.Hand();

        var mip = new OrToolsProgrammeSolver(backend).Solve(instance, Exact, GreedyProgramme.Solve(instance).Starts);

        Assert.Equal(SolveStatus.Optimal, mip.Status);
        Assert.Equal(310, mip.Objective, 6);
        Assert.Equal(new int?[] { null, 2026, 2026, null, 2026 }, mip.Starts);
        Assert.Equal(0, mip.Gap!.Value, 6);
    }

    [Fact]
    public void The_mip_keeps_the_equity_rule_exactly_rather_than_inflating_other_wards()
    {
        var instance = ProgrammeCases.Hand(new EquityRule(0.5, 2027));

        var mip = new OrToolsProgrammeSolver().Solve(instance, Exact, null);

        Assert.Equal(345, mip.Objective, 6);
        Assert.True(ProgrammeSchedule.Evaluate(instance, mip.Starts).Feasible);
    }

    [Fact]
    public void An_equity_rule_no_programme_can_keep_is_reported_as_no_solution()
    {
        // Share 0.3 with three wards would need every ward's need at or below 30 % of the total: no budget of 50 does that.
        var mip = new OrToolsProgrammeSolver().Solve(ProgrammeCases.Hand(new EquityRule(0.3, 2027)), Exact, null);

        Assert.Equal(SolveStatus.NoSolution, mip.Status);
        Assert.Equal(SolveStatus.NoSolution, EnumeratedProgramme.Solve(ProgrammeCases.Hand(new EquityRule(0.3, 2027))).Status);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_mip_is_never_worse_than_enumeration_and_greedy_never_better_than_the_mip(int seed, string backend)
    {
        var instance = ProgrammeCases.Random(seed, 3, 2, 3, 6, seed % 3 == 0 ? new EquityRule(0.6, 2028) : null);
        var greedy = GreedyProgramme.Solve(instance);
        var best = EnumeratedProgramme.Solve(instance);

        var mip = new OrToolsProgrammeSolver(backend).Solve(instance, Exact, greedy.Starts);

        if (best.Status == SolveStatus.NoSolution)
        {
            Assert.Equal(SolveStatus.NoSolution, mip.Status);
            return;
        }
        Assert.Equal(SolveStatus.Optimal, mip.Status);
        Assert.True(ProgrammeSchedule.Evaluate(instance, mip.Starts).Feasible);
        Assert.True(mip.Objective <= best.Objective + 1e-6, $"MIP {mip.Objective} > enumeration {best.Objective}");
        if (ProgrammeSchedule.Evaluate(instance, greedy.Starts).Feasible)
        {
            Assert.True(greedy.Objective >= mip.Objective - 1e-6, $"greedy {greedy.Objective} < MIP {mip.Objective}");
        }
    }
}
