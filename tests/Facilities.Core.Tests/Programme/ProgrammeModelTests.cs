using Facilities.Core.Optimisation;
using Facilities.Core.Programme;
using Facilities.Testing;

namespace Facilities.Core.Tests.Programme;

public class ProgrammeModelTests
{
    [Fact]
    public void Enumeration_finds_the_hand_computed_optimum_of_three_wards_five_actions_two_years()
    {
        var instance = ProgrammeCases.Hand();

        var best = EnumeratedProgramme.Solve(instance);

        Assert.Equal(SolveStatus.Optimal, best.Status);
        Assert.Equal(310, best.Objective, 6);
        Assert.Equal(new int?[] { null, 2026, 2026, null, 2026 }, best.Starts);
    }

    [Fact]
    public void Greedy_takes_the_largest_deficit_first_and_leaves_345_pupil_years()
    {
        var greedy = GreedyProgramme.Solve(ProgrammeCases.Hand());

        Assert.Equal(new int?[] { 2026, null, null, null, null }, greedy.Starts);
        Assert.Equal(345, greedy.Objective, 6);
        Assert.Equal(SolveStatus.Heuristic, greedy.Status);
    }

    [Fact]
    public void The_equity_rule_at_one_half_rules_out_the_unconstrained_optimum()
    {
        // a2+a3+a5 leaves A 70 of 105 (two thirds); a1 alone or a2+a3 leave two wards with half each: 205 + 140.
        var best = EnumeratedProgramme.Solve(ProgrammeCases.Hand(new EquityRule(0.5, 2027)));

        Assert.Equal(345, best.Objective, 6);
        Assert.True(ProgrammeSchedule.Evaluate(ProgrammeCases.Hand(new EquityRule(0.5, 2027)), best.Starts).Feasible);
        Assert.False(ProgrammeSchedule.Evaluate(ProgrammeCases.Hand(new EquityRule(0.5, 2027)), [null, 2026, 2026, null, 2026]).Feasible);
    }

    [Fact]
    public void A_schedule_over_the_years_budget_is_infeasible_unless_money_carries_over()
    {
        // a1 (40) and a5 (12) in 2026 spend 52 of 50.
        var strict = ProgrammeCases.Hand();
        Assert.Contains("budget exceeded in 2026", ProgrammeSchedule.Evaluate(strict, [2026, null, null, null, 2026]).Violations);

        // With carry-over the 2027 money cannot pay for 2026 either: cumulative 52 > 50 in 2026.
        var carry = strict with { Budget = strict.Budget with { CarryOver = true } };
        Assert.False(ProgrammeSchedule.Evaluate(carry, [2026, null, null, null, 2026]).Feasible);

        // But a1 in 2026 and a5 in 2027 (40, then 12 against 60 + 50 cumulative) is fine, and saves nothing more in 2027.
        var later = ProgrammeSchedule.Evaluate(carry, [2026, null, null, null, 2027]);
        Assert.True(later.Feasible);
        Assert.Equal(345, later.WeightedPupilYears, 6);
        Assert.Equal(40_000_000_000m, later.Spend[2026]);
        Assert.Equal(12_000_000_000m, later.Spend[2027]);
    }

    [Fact]
    public void A_two_year_build_spreads_its_cost_and_serves_from_the_year_after_it_ends()
    {
        var action = new ProgrammeAction("big", ActionKind.NewSchool, "big", "A", "thcs", 24, 60m, 0, 2026, 2);
        var instance = new ProgrammeInstance(2026, 2029,
            [new NeedCell("A", "thcs", 2027, 1000, 75), new NeedCell("A", "thcs", 2028, 1000, 75), new NeedCell("A", "thcs", 2029, 1000, 75)],
            [action], new ProgrammeBudget(new Dictionary<int, decimal> { [2026] = 30, [2027] = 30, [2028] = 30, [2029] = 30 }, false));

        var outcome = ProgrammeSchedule.Evaluate(instance, [2026]);

        // 24 rooms × 75 = 1,800 seats from 2028: 2027 keeps 1,000; 2028 and 2029 go to 0.
        Assert.Equal(1000, outcome.PupilYears, 6);
        Assert.Equal(30m, outcome.Spend[2026]);
        Assert.Equal(30m, outcome.Spend[2027]);
        Assert.Equal([2026, 2027, 2028], instance.StartYears(action));
    }

    [Fact]
    public void A_handover_serves_from_its_year_at_no_public_cost_whatever_the_schedule_says()
    {
        var handover = new ProgrammeAction("h", ActionKind.Handover, "h", "A", "tieu_hoc", 2, 0, 5000, 2027, 0);
        var instance = new ProgrammeInstance(2026, 2027,
            [new NeedCell("A", "tieu_hoc", 2026, 100, 35), new NeedCell("A", "tieu_hoc", 2027, 100, 35)],
            [handover], new ProgrammeBudget(new Dictionary<int, decimal>(), false));

        var outcome = ProgrammeSchedule.Evaluate(instance, [null]);

        Assert.Equal(100 + 30, outcome.PupilYears, 6);
        Assert.Equal(0m, outcome.Spend[2027]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Greedy_is_never_better_than_enumeration_on_random_small_instances(int seed)
    {
        var instance = ProgrammeCases.Random(seed, 3, 2, 3, 6);

        var greedy = GreedyProgramme.Solve(instance);
        var best = EnumeratedProgramme.Solve(instance);

        Assert.True(ProgrammeSchedule.Evaluate(instance, greedy.Starts).Feasible);
        Assert.True(greedy.Objective >= best.Objective - 1e-6);
    }
}
