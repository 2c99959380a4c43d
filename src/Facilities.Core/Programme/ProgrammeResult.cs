namespace Facilities.Core.Programme;

/// <summary>A programme run: the base scenario first, then the others asked for.</summary>
/// <param name="Options">Options.</param>
/// <param name="Scenarios">Solved scenarios, "base" first.</param>
/// <param name="WardNames">Ward names by code.</param>
/// <param name="Solver">The exact solver's name, or "greedy".</param>
public sealed record ProgrammeResult(ProgrammeOptions Options, IReadOnlyList<ProgrammeScenario> Scenarios, IReadOnlyDictionary<string, string> WardNames, string Solver)
{
    /// <summary>The base scenario.</summary>
    public ProgrammeScenario Base => Scenarios[0];

    /// <summary>A ward's name, or its code.</summary>
    public string WardName(string code) => WardNames.TryGetValue(code, out var n) ? n : code;
}
