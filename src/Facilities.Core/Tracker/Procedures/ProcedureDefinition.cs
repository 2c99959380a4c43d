using Facilities.Core.Validation;

namespace Facilities.Core.Tracker.Procedures;

/// <summary>
/// One administrative procedure as data: its steps (with the office responsible and whether the clock runs), the
/// allowed moves, the statutory limits and the procedures that must be finished before it can start.
/// </summary>
public sealed class ProcedureDefinition
{
    private readonly Dictionary<string, ProcedureStep> _steps;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _moves;

    internal ProcedureDefinition(string code, int order, LocalizedText name, string status, string source, IReadOnlyList<string> requires,
        IReadOnlyList<ProcedureStep> steps, IReadOnlyDictionary<string, IReadOnlyList<string>> moves, IReadOnlyDictionary<string, ProcedureLimit> limits)
    {
        Code = code;
        Order = order;
        Name = name;
        Status = status;
        Source = source;
        Requires = requires;
        Steps = steps;
        _steps = steps.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _moves = moves;
        Limits = limits;
    }

    /// <summary>snake_case code, e.g. "building_permit".</summary>
    public string Code { get; }

    /// <summary>Position in the site's chain (display order).</summary>
    public int Order { get; }

    /// <summary>Name in Vietnamese and English.</summary>
    public LocalizedText Name { get; }

    /// <summary>confirmed, secondary or unconfirmed.</summary>
    public string Status { get; }

    /// <summary>The law the procedure follows.</summary>
    public string Source { get; }

    /// <summary>Procedures that must be finished (or not needed) before this one starts.</summary>
    public IReadOnlyList<string> Requires { get; }

    /// <summary>The steps, the start first.</summary>
    public IReadOnlyList<ProcedureStep> Steps { get; }

    /// <summary>Limits by key.</summary>
    public IReadOnlyDictionary<string, ProcedureLimit> Limits { get; }

    /// <summary>The step before any dossier.</summary>
    public ProcedureStep StartStep => Steps[0];

    /// <summary>The step with this code, or null.</summary>
    public ProcedureStep? FindStep(string? code) => code is not null && _steps.TryGetValue(code, out var s) ? s : null;

    /// <summary>The step with this code; throws <see cref="FormatException"/> listing the codes otherwise.</summary>
    public ProcedureStep Step(string code) => FindStep(code)
        ?? throw new FormatException($"'{code}' is not a step of {Code}; steps are {string.Join(", ", Steps.Select(s => s.Code))}");

    /// <summary>The moves from <paramref name="current"/>; from an interruption, the step it left first.</summary>
    public IReadOnlyList<string> AllowedFrom(string current, string? resumeStep)
    {
        var fixedMoves = _moves.TryGetValue(current, out var m) ? m : [];
        return Step(current).Kind == StepKind.Interruption && resumeStep is not null ? [resumeStep, .. fixedMoves] : fixedMoves;
    }

    /// <summary>The fixed moves from a step (without the way back from an interruption).</summary>
    public IReadOnlyList<string> FixedMoves(string step) => _moves.TryGetValue(step, out var m) ? m : [];

    /// <summary>Whether the move is allowed.</summary>
    public bool IsAllowed(string from, string to, string? resumeStep) => AllowedFrom(from, resumeStep).Contains(to, StringComparer.Ordinal);

    /// <summary>The limit of a site: its commune's, else its unit type's, else the default.</summary>
    public ProcedureLimit LimitFor(CaseSite site) =>
        Limits.TryGetValue("commune." + site.CommuneCode, out var byCommune) ? byCommune
        : Limits.TryGetValue("unit_type." + site.UnitType, out var byType) ? byType
        : Limits["default"];
}
