namespace Facilities.Core.Tracker;

/// <summary>
/// One change of a case, appended to its history and never altered or deleted. The case's state, deadline and
/// version are derived from the events (<see cref="CaseState.Replay"/>).
/// </summary>
/// <param name="Sequence">1 for the first event of the case, then 2, 3, … without gaps.</param>
/// <param name="At">When the change was recorded.</param>
/// <param name="Actor">Login name of the user who made it.</param>
/// <param name="Role">The user's role at the time.</param>
/// <param name="From">The step before.</param>
/// <param name="To">The step after.</param>
/// <param name="Note">Free text, kept verbatim (may be empty).</param>
/// <param name="Attachments">References to attached documents (file names, ids or URLs), kept verbatim.</param>
public sealed record CaseEvent(
    int Sequence, DateTimeOffset At, string Actor, TrackerRole Role, CaseStep From, CaseStep To, string Note, IReadOnlyList<string> Attachments)
{
    /// <summary>Value equality including the attachment list's contents.</summary>
    public bool Equals(CaseEvent? other) =>
        other is not null && Sequence == other.Sequence && At == other.At && At.Offset == other.At.Offset && Actor == other.Actor
        && Role == other.Role && From == other.From && To == other.To && Note == other.Note
        && Attachments.SequenceEqual(other.Attachments);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sequence, At, Actor, From, To, Note);
}
