using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>The result of <see cref="CaseTransitions.Decide"/>: a new event to append, or a refusal.</summary>
/// <param name="Event">The event to append when accepted; null when refused.</param>
/// <param name="Refusal">Why it was refused; null when accepted.</param>
/// <param name="Message">What happened, in Vietnamese and English (a refusal lists the allowed moves).</param>
/// <param name="AllowedMoves">The moves allowed from the case's current step.</param>
public sealed record TransitionOutcome(CaseEvent? Event, RefusalKind? Refusal, LocalizedText Message, IReadOnlyList<CaseStep> AllowedMoves)
{
    /// <summary>Whether the transition was accepted.</summary>
    public bool Accepted => Event is not null;

    /// <summary>
    /// The case after the move, once <see cref="CaseService.AdvanceAsync"/> appended it: a host answers with it without
    /// reading the store again, so a committed move is acknowledged even if the database fails right after.
    /// </summary>
    public CaseState? State { get; init; }
}
