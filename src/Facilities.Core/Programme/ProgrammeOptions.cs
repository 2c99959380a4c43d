using System.Globalization;
using Facilities.Core.Optimisation;

namespace Facilities.Core.Programme;

/// <summary>Options of a programme run; all of them are written into the stamp.</summary>
/// <param name="FromYear">First year of the plan.</param>
/// <param name="ToYear">Last year.</param>
/// <param name="Budget">Money per year.</param>
public sealed record ProgrammeOptions(int FromYear, int ToYear, ProgrammeBudget Budget)
{
    /// <summary>Levels planned for.</summary>
    public IReadOnlyList<string> Levels { get; init; } = Schema.DatasetSchema.Levels;

    /// <summary>How the need is counted: "admin" (per ward) or "catchment" (grid demand within the service radius; docs/programme.md).</summary>
    public string Method { get; init; } = "admin";

    /// <summary>Equity rule, or null.</summary>
    public EquityRule? Equity { get; init; }

    /// <summary>Weight of a pupil-year by level (1 when not listed).</summary>
    public IReadOnlyDictionary<string, double> LevelWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>Two sessions a day: one room per class.</summary>
    public bool TwoSessions { get; init; }

    /// <summary>Count only public schools' classrooms.</summary>
    public bool PublicOnly { get; init; }

    /// <summary>Screened sites per level offered as new schools.</summary>
    public int SitesPerLevel { get; init; } = 30;

    /// <summary>The day land readiness is counted from (today for a real run; fixed in tests).</summary>
    public DateOnly AsOf { get; init; } = new(2026, 1, 1);

    /// <summary>Scenarios solved beside the base: budget-20%, budget+20%, growth-high, growth-low.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Solver limits per scenario.</summary>
    public SolverLimits Limits { get; init; } = new();

    /// <summary>The known scenario names.</summary>
    public static readonly IReadOnlyList<string> KnownScenarios = ["budget-20%", "budget+20%", "growth-high", "growth-low"];

    /// <summary>Options as stable key=value text for the stamp.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"method={Method}; from={FromYear}; to={ToYear}; levels={string.Join(",", Levels)}; budget={string.Join(",", Budget.PerYear.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"))}; " +
        $"carry_over={(Budget.CarryOver ? "yes" : "no")}; equity={Equity?.Describe() ?? "none"}; weights={string.Join(",", LevelWeights.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"))}; " +
        $"two_sessions={(TwoSessions ? "yes" : "no")}; public_only={(PublicOnly ? "yes" : "no")}; sites_per_level={SitesPerLevel}; as_of={AsOf:yyyy-MM-dd}; scenarios={string.Join(",", Scenarios)}; {Limits.Describe()}");
}
