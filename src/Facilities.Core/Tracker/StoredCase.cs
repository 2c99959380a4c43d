namespace Facilities.Core.Tracker;

/// <summary>A case as a store keeps it: the site it belongs to and its events, oldest first.</summary>
/// <param name="Site">The site (id, commune, unit type) recorded with the case's first event.</param>
/// <param name="Events">The history.</param>
public sealed record StoredCase(CaseSite Site, IReadOnlyList<CaseEvent> Events)
{
    /// <summary>
    /// Groups (site, event) rows ordered by case then sequence, as both stores read them, into cases.
    /// </summary>
    public static List<StoredCase> Group(IEnumerable<(CaseSite Site, CaseEvent Event)> rows)
    {
        var result = new List<StoredCase>();
        CaseSite? site = null;
        var events = new List<CaseEvent>();
        foreach (var (rowSite, e) in rows)
        {
            if (site is null || site.SiteId != rowSite.SiteId)
            {
                if (site is not null)
                {
                    result.Add(new StoredCase(site, events));
                }

                site = rowSite;
                events = [];
            }

            events.Add(e);
        }

        if (site is not null)
        {
            result.Add(new StoredCase(site, events));
        }

        return result;
    }
}
