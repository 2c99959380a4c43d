namespace Facilities.Core.Tracker.Procedures;

/// <summary>
/// One change of one procedure of a site, appended and never altered: the same fields as <see cref="CaseEvent"/> with
/// the steps as codes of the procedure's definition. The certificate's events are read from the GCN history as they
/// are (<see cref="FromCase"/>), so its ids and sequence numbers stay what they were.
/// </summary>
public sealed record ProcedureEvent(
    int Sequence, DateTimeOffset At, string Actor, TrackerRole Role, string From, string To, string Note, IReadOnlyList<string> Attachments)
{
    /// <summary>A GCN event as a procedure event (step codes as in the store).</summary>
    public static ProcedureEvent FromCase(CaseEvent e) =>
        new(e.Sequence, e.At, e.Actor, e.Role, CaseSteps.Code(e.From), CaseSteps.Code(e.To), e.Note, e.Attachments);

    /// <summary>Value equality including the attachment list's contents and the UTC offset.</summary>
    public bool Equals(ProcedureEvent? other) =>
        other is not null && Sequence == other.Sequence && At == other.At && At.Offset == other.At.Offset && Actor == other.Actor
        && Role == other.Role && From == other.From && To == other.To && Note == other.Note && Attachments.SequenceEqual(other.Attachments);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sequence, At, Actor, From, To, Note);
}
