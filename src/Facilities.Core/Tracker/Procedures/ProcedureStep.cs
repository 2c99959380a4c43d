using Facilities.Core.Validation;

namespace Facilities.Core.Tracker.Procedures;

/// <summary>One step of a procedure as the procedures file defines it.</summary>
/// <param name="Code">snake_case code, unique within the procedure.</param>
/// <param name="Name">Name in Vietnamese and English.</param>
/// <param name="Clock">Whether the limit runs, is paused or has stopped while a case is at this step.</param>
/// <param name="Kind">Start, normal, interruption or one of the terminal kinds.</param>
/// <param name="Office">The office responsible while a case is at this step (null for the start and the ends).</param>
/// <param name="Status">confirmed, secondary or unconfirmed.</param>
/// <param name="Source">Where the step and its office come from.</param>
public sealed record ProcedureStep(string Code, LocalizedText Name, StepClock Clock, StepKind Kind, LocalizedText? Office, string Status, string Source)
{
    /// <summary>Whether a case at this step has ended.</summary>
    public bool IsTerminal => Kind is StepKind.Finish or StepKind.Skip or StepKind.End;
}
