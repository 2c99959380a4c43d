namespace Facilities.Core.Tracker.Procedures;

/// <summary>The events of one procedure of one site, as a store keeps them.</summary>
/// <param name="Site">The site (recorded with its first event of any procedure).</param>
/// <param name="Procedure">The procedure's code.</param>
/// <param name="Events">The history, oldest first.</param>
public sealed record StoredProcedureCase(CaseSite Site, string Procedure, IReadOnlyList<ProcedureEvent> Events);
