namespace Facilities.Core.Programme;

/// <summary>An action the programme takes, with its start year.</summary>
/// <param name="Action">The action.</param>
/// <param name="Start">First construction year (the handover year for a handover).</param>
public sealed record ProgrammeProject(ProgrammeAction Action, int Start)
{
    /// <summary>Last construction year (the start year for a handover).</summary>
    public int Finish => Start + Math.Max(1, Action.BuildYears) - 1;

    /// <summary>First school year the classrooms serve.</summary>
    public int Serves => Start + Action.BuildYears;

    /// <summary>VND spent in <paramref name="year"/>.</summary>
    public decimal CostIn(int year) => year >= Start && year < Start + Action.BuildYears ? Action.CostPerBuildYear : 0;
}
