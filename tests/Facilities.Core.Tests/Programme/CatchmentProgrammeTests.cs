using Facilities.Core.Optimisation;
using Facilities.Core.Programme;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Programme;

public class CatchmentProgrammeTests
{
    [Fact]
    public void Unserved_points_are_grouped_by_ward_and_by_the_sites_within_their_radius()
    {
        ProgrammeAction Act(string id, double x) => new(id, ActionKind.NewSchool, id, "A", "tieu_hoc", 2, 1, 0, 2026, 1) { Location = new Point(x, 0) };

        var cells = CatchmentNeeds.Cells("tieu_hoc", 2026, CatchmentProgrammeCases.HandPoints(), [Act("s1-2", 1000), Act("s1-4", 1000), Act("s2", 3000)], 35);

        Assert.Equal(
            [("A", 70.0, "s1-2,s1-4"), ("B", 10.0, ""), ("B", 70.0, "s1-2,s1-4,s2"), ("B", 35.0, "s2")],
            cells.Select(c => (c.WardCode, c.ShortagePupils, string.Join(",", c.ServedBy!))));
        Assert.All(cells, c => Assert.Equal(35, c.PupilsPerClassroom));
    }

    [Fact]
    public void New_places_are_shared_by_every_cell_within_reach_as_the_maximum_flow_seats_them()
    {
        var instance = CatchmentProgrammeCases.Hand();

        // s1-4's 140 places seat A's 70 and B's border 70 in 2027; B's far 35 and the 10 out of reach stay.
        var s14 = ProgrammeSchedule.Evaluate(instance, [null, 2026, null]);
        // s1-2 (70) and s2 (105): A's 70 from s1-2, B's 70 + 35 from s2.
        var both = ProgrammeSchedule.Evaluate(instance, [2026, null, 2026]);

        Assert.Equal(370, s14.BaselinePupilYears, 6);
        Assert.Equal(185 + 45, s14.PupilYears, 6);
        Assert.Equal(185 + 10, both.PupilYears, 6);
        Assert.True(both.Feasible);
    }

    [Fact]
    public void Enumeration_finds_the_hand_computed_catchment_optimum_and_greedy_stops_at_230()
    {
        var instance = CatchmentProgrammeCases.Hand();

        var best = EnumeratedProgramme.Solve(instance);
        var greedy = GreedyProgramme.Solve(instance);

        Assert.Equal(195, best.Objective, 6);
        Assert.Equal(new int?[] { 2026, null, 2026 }, best.Starts);
        Assert.Equal(230, greedy.Objective, 6);
        Assert.Equal(new int?[] { null, 2026, null }, greedy.Starts);
    }

    [Fact]
    public void The_maximum_flow_seats_the_most_pupils_when_a_greedy_split_would_not()
    {
        // Action 0 (10 places) reaches cells 0 and 1, action 1 (10) reaches only cell 0: seating 0's pupils from
        // action 0 first would strand action 1; the flow seats 0 from action 1 and 1 from action 0: 20.
        var seated = SeatFlow.Seat([10, 10], [10, 10], [(0, 0), (0, 1), (1, 0)]);

        Assert.Equal(20, seated.Sum(), 9);
        Assert.Equal(10, seated[1], 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Greedy_is_never_better_than_enumeration_with_shared_places(int seed)
    {
        var instance = CatchmentProgrammeCases.Random(seed, 3, 2, 3, 6);

        var best = EnumeratedProgramme.Solve(instance);
        var greedy = GreedyProgramme.Solve(instance);

        Assert.Equal(SolveStatus.Optimal, best.Status);
        Assert.True(ProgrammeSchedule.Evaluate(instance, greedy.Starts).Feasible);
        Assert.True(greedy.Objective >= best.Objective - 1e-6, $"greedy {greedy.Objective} < enumeration {best.Objective}");
    }
}
