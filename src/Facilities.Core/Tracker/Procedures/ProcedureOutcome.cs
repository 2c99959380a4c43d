using Facilities.Core.Validation;

namespace Facilities.Core.Tracker.Procedures;

/// <summary>The answer to a requested move of one procedure: the event written, or a refusal.</summary>
/// <param name="Event">The event appended, when accepted.</param>
/// <param name="Refusal">Why not, when refused.</param>
/// <param name="Message">What happened, in Vietnamese and English.</param>
/// <param name="AllowedMoves">The moves allowed from the step the procedure is at afterwards.</param>
public sealed record ProcedureOutcome(ProcedureEvent? Event, RefusalKind? Refusal, LocalizedText Message, IReadOnlyList<string> AllowedMoves)
{
    /// <summary>Whether the move was made.</summary>
    public bool Accepted => Refusal is null;
}
