namespace Facilities.Core.Tracker.Procedures;

/// <summary>
/// Where the events of the procedures other than the certificate are kept, beside the GCN history of
/// <see cref="ICaseStore"/> (which stays where and as it was: the certificate's events keep their ids and sequence
/// numbers). Same guarantees: append-only, optimistic concurrency per site and procedure, durable on return.
/// </summary>
public interface IProcedureStore
{
    /// <summary>The events of one procedure of a site, oldest first.</summary>
    Task<IReadOnlyList<ProcedureEvent>> LoadProcedureEventsAsync(string caseId, string procedure, CancellationToken cancel = default);

    /// <summary>Every (site, procedure) with at least one event; only one commune's when set.</summary>
    Task<IReadOnlyList<StoredProcedureCase>> ListProcedureCasesAsync(string? communeCode = null, CancellationToken cancel = default);

    /// <summary>
    /// Appends <paramref name="e"/> if the procedure of the site has exactly <paramref name="expectedVersion"/> events;
    /// otherwise writes nothing and answers <see cref="AppendResult.Conflict"/>. With <paramref name="audit"/>, its line
    /// is written in the event's own transaction: a refused line (<see cref="AuditNotWrittenException"/>) keeps neither.
    /// </summary>
    Task<AppendResult> AppendProcedureEventAsync(CaseSite site, string procedure, int expectedVersion, ProcedureEvent e, AuditEntry? audit = null);
}
