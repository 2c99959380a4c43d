namespace Facilities.Core.Tracker;

/// <summary>A case as a store keeps it: the site it belongs to and its events, oldest first.</summary>
/// <param name="Site">The site (id, commune, unit type) recorded with the case's first event.</param>
/// <param name="Events">The history.</param>
public sealed record StoredCase(CaseSite Site, IReadOnlyList<CaseEvent> Events);
