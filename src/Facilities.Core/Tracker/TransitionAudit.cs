namespace Facilities.Core.Tracker;

/// <summary>The audit line of an acknowledged case move: one wording for every store and host.</summary>
public static class TransitionAudit
{
    /// <summary>
    /// The line for <paramref name="e"/> of <paramref name="site"/>'s case, made by <paramref name="user"/> from
    /// <paramref name="address"/>: dated as the event itself (UTC), and naming the case, the event's sequence number
    /// (the case's version after the move) and the two steps.
    /// </summary>
    public static AuditEntry Of(TrackerUser user, CaseSite site, CaseEvent e, string address)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(e);
        return new AuditEntry(e.At.ToUniversalTime(), user.Name, address, AuditActions.Transition,
            $"{site.SiteId} #{e.Sequence}: {CaseSteps.Code(e.From)} -> {CaseSteps.Code(e.To)}");
    }

    /// <summary>
    /// The line for <paramref name="e"/> of <paramref name="site"/>'s <paramref name="procedure"/> (land allocation,
    /// building permit…): as <see cref="Of(TrackerUser, CaseSite, CaseEvent, string)"/>, with the procedure's code
    /// between the case and the sequence number, since each procedure counts its own versions.
    /// </summary>
    public static AuditEntry Of(TrackerUser user, CaseSite site, string procedure, Procedures.ProcedureEvent e, string address)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(e);
        return new AuditEntry(e.At.ToUniversalTime(), user.Name, address, AuditActions.Transition,
            $"{site.SiteId} {procedure} #{e.Sequence}: {e.From} -> {e.To}");
    }
}
