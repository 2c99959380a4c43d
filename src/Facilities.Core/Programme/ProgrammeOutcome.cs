namespace Facilities.Core.Programme;

/// <summary>What a schedule does: the need left, the money spent, and whether it keeps every rule.</summary>
/// <param name="Remaining">Unmet pupils per need cell after the programme, in <see cref="ProgrammeInstance.Needs"/> order.</param>
/// <param name="WeightedPupilYears">Objective: Σ weight(level) × unmet pupils over the cells.</param>
/// <param name="PupilYears">Unweighted unmet pupil-years after the programme.</param>
/// <param name="BaselinePupilYears">Unweighted unmet pupil-years before it.</param>
/// <param name="Spend">VND spent per year of the horizon.</param>
/// <param name="Violations">Rules broken (budget, equity, timing), in English; empty when feasible.</param>
public sealed record ProgrammeOutcome(
    IReadOnlyList<double> Remaining, double WeightedPupilYears, double PupilYears, double BaselinePupilYears,
    IReadOnlyDictionary<int, decimal> Spend, IReadOnlyList<string> Violations)
{
    /// <summary>Whether the schedule keeps every rule.</summary>
    public bool Feasible => Violations.Count == 0;

    /// <summary>Pupil-years of need the programme removes.</summary>
    public double PupilYearsSaved => BaselinePupilYears - PupilYears;
}
