namespace Facilities.Core.Programme;

/// <summary>A programme problem: the horizon, the need before the programme, the actions, the budget and the rules.</summary>
/// <param name="FromYear">First year of the horizon (first year money is spent and need is counted).</param>
/// <param name="ToYear">Last year.</param>
/// <param name="Needs">Unmet need per ward, level and year before the programme (cells without shortage may be left out).</param>
/// <param name="Actions">Candidate actions.</param>
/// <param name="Budget">Money per year.</param>
public sealed record ProgrammeInstance(int FromYear, int ToYear, IReadOnlyList<NeedCell> Needs, IReadOnlyList<ProgrammeAction> Actions, ProgrammeBudget Budget)
{
    /// <summary>Optional equity rule.</summary>
    public EquityRule? Equity { get; init; }

    /// <summary>Weight of a pupil-year by level (1 when not listed).</summary>
    public IReadOnlyDictionary<string, double> LevelWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Whether the needs are catchment cells (<see cref="NeedCell.ServedBy"/>): an action's places are then shared by the
    /// cells within its reach, and the need left is the transport (max-flow) optimum of seating them (docs/programme.md).
    /// </summary>
    public bool SharedSeats => Needs.Count > 0 && Needs[0].ServedBy is not null;

    /// <summary>The years of the horizon.</summary>
    public IEnumerable<int> Years => Enumerable.Range(FromYear, ToYear - FromYear + 1);

    /// <summary>The weight of a level.</summary>
    public double Weight(string level) => LevelWeights.TryGetValue(level, out var w) ? w : 1.0;

    /// <summary>
    /// The years action <paramref name="a"/> may start in: from its earliest start (not before the horizon) to the last
    /// year whose construction still ends within the horizon, so no money is spent after it. A handover has one: its year.
    /// </summary>
    public IEnumerable<int> StartYears(ProgrammeAction a)
    {
        if (a.Kind == ActionKind.Handover)
        {
            return a.EarliestStart <= ToYear ? [a.EarliestStart] : [];
        }
        var first = Math.Max(FromYear, a.EarliestStart);
        var last = ToYear - a.BuildYears + 1;
        return first <= last ? Enumerable.Range(first, last - first + 1) : [];
    }
}
