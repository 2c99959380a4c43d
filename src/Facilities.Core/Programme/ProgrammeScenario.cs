namespace Facilities.Core.Programme;

/// <summary>One scenario solved: its instance, the chosen programme (the MIP's, or greedy's without a solver) and greedy's.</summary>
/// <param name="Name">"base", "budget-20%", "growth-high", …</param>
/// <param name="Instance">The problem.</param>
/// <param name="Chosen">The programme reported (the exact solver's when it found one).</param>
/// <param name="ChosenOutcome">Its evaluation.</param>
/// <param name="Greedy">The greedy programme.</param>
/// <param name="GreedyOutcome">Its evaluation.</param>
/// <param name="Exact">The exact solver's run, or null without a solver.</param>
public sealed record ProgrammeScenario(
    string Name, ProgrammeInstance Instance, ProgrammeSolution Chosen, ProgrammeOutcome ChosenOutcome, ProgrammeSolution Greedy, ProgrammeOutcome GreedyOutcome, ProgrammeSolution? Exact)
{
    /// <summary>Pupil-years the chosen programme saves beyond greedy's (weighted as the objective).</summary>
    public double SavedOverGreedy => GreedyOutcome.WeightedPupilYears - ChosenOutcome.WeightedPupilYears;

    /// <summary>
    /// Unmet pupils per ward, level and year before and after, in the needs' order of first appearance: one row per
    /// need cell under the admin method, the cells of a ward summed under the catchment method.
    /// </summary>
    public IReadOnlyList<TrajectoryRow> Trajectory() =>
    [
        .. Instance.Needs.Select((c, i) => (c, i)).GroupBy(p => (p.c.WardCode, p.c.Level, p.c.Year))
            .Select(g => new TrajectoryRow(g.Key.WardCode, g.Key.Level, g.Key.Year, g.Sum(p => p.c.ShortagePupils),
                g.Sum(p => ChosenOutcome.Remaining[p.i]), g.Sum(p => GreedyOutcome.Remaining[p.i]))),
    ];

    /// <summary>The chosen projects with their start and finish years, in start order.</summary>
    public IReadOnlyList<ProgrammeProject> Projects() =>
    [
        .. Chosen.Starts.Select((s, i) => (s, i)).Where(p => p.s is not null)
            .Select(p => new ProgrammeProject(Instance.Actions[p.i], p.s!.Value))
            .OrderBy(p => p.Start).ThenBy(p => p.Action.WardCode, StringComparer.Ordinal).ThenBy(p => p.Action.Id, StringComparer.Ordinal),
    ];
}
