namespace Facilities.Core.Tracker.Procedures;

/// <summary>
/// A site's whole path: every procedure of the catalog in chain order, when each started or can start (after the
/// procedures it requires), when each is due or expected to end, the critical path and the expected day the site is
/// ready to build (every procedure of <see cref="ProcedureCatalog.ReadyToBuild"/> and what they require done).
/// </summary>
public sealed class SiteChain
{
    private SiteChain(CaseSite site, IReadOnlyList<ChainLink> links, DateOnly? readyToBuild, IReadOnlyList<string> criticalPath, string stage, DateOnly asOf)
    {
        Site = site;
        Links = links;
        ReadyToBuild = readyToBuild;
        CriticalPath = criticalPath;
        Stage = stage;
        AsOf = asOf;
    }

    /// <summary>The site.</summary>
    public CaseSite Site { get; }

    /// <summary>The procedures in chain order.</summary>
    public IReadOnlyList<ChainLink> Links { get; }

    /// <summary>Expected (or actual) ready-to-build day; null when a needed procedure was rejected or withdrawn.</summary>
    public DateOnly? ReadyToBuild { get; }

    /// <summary>Procedure codes on the critical path, first to last.</summary>
    public IReadOnlyList<string> CriticalPath { get; }

    /// <summary>
    /// Where the site stands: the code of the first procedure (chain order) not done yet, "ready" when every procedure
    /// is done, "blocked" when the first one not done was rejected or withdrawn.
    /// </summary>
    public string Stage { get; }

    /// <summary>The day the plan was made for.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The link of one procedure.</summary>
    public ChainLink Link(string procedure) => Links.First(l => l.Procedure == procedure);

    /// <summary>Plans the chain of <paramref name="site"/> from its procedures' states on <paramref name="asOf"/>.</summary>
    public static SiteChain Plan(ProcedureCatalog catalog, CaseSite site, IReadOnlyDictionary<string, ProcedureState> states, DateOnly asOf)
    {
        var finish = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        var start = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        DateOnly? Finish(string code)
        {
            if (finish.TryGetValue(code, out var known))
            {
                return known;
            }

            var s = states[code];
            var requirements = s.Definition.Requires.Select(Finish).ToList();
            DateOnly? begin;
            DateOnly? end;
            if (s.IsDone)
            {
                begin = s.ReceivedOn ?? s.ClosedOn;
                end = s.ClosedOn;
            }
            else if (s.IsClosed)
            {
                begin = s.ReceivedOn;
                end = null;
            }
            else if (s.ReceivedOn is DateOnly received)
            {
                begin = received;
                end = s.DueDate is DateOnly due && due >= asOf ? due : AddDays(s, asOf, Math.Max(0, s.Remaining(asOf)));
            }
            else
            {
                begin = requirements.Any(r => r is null) ? null : requirements.Append(asOf).Max();
                end = begin is DateOnly b ? AddDays(s, b, s.Limit.Days) : null;
            }

            start[code] = begin;
            finish[code] = end;
            return end;
        }

        foreach (var p in catalog.Procedures)
        {
            Finish(p.Code);
        }

        var needed = catalog.NeededToBuild;
        DateOnly? ready = needed.Any(n => finish[n] is null) ? null : needed.Max(n => finish[n]);
        var path = new List<string>();
        if (ready is not null)
        {
            var current = catalog.ReadyToBuild.OrderByDescending(r => finish[r]).ThenBy(r => states[r].Definition.Order).First();
            while (true)
            {
                path.Insert(0, current);
                var requires = states[current].Definition.Requires;
                if (requires.Count == 0)
                {
                    break;
                }

                current = requires.OrderByDescending(r => finish[r]).ThenBy(r => states[r].Definition.Order).First();
            }
        }

        var firstOpen = catalog.Procedures.FirstOrDefault(p => !states[p.Code].IsDone);
        var stage = firstOpen is null ? "ready" : states[firstOpen.Code].IsClosed ? "blocked" : firstOpen.Code;
        var links = catalog.Procedures.Select(p => new ChainLink(states[p.Code], start[p.Code], finish[p.Code],
            [.. p.Requires.Where(r => !states[r].IsDone)], path.Contains(p.Code))).ToList();
        return new SiteChain(site, links, ready, path, stage, asOf);
    }

    /// <summary>The day <paramref name="days"/> of the procedure's unit after <paramref name="from"/>, on a working day.</summary>
    private static DateOnly AddDays(ProcedureState s, DateOnly from, int days)
    {
        if (s.Limit.Unit == LimitUnit.WorkingDays)
        {
            return s.Calendar.AddWorkingDays(from, days);
        }

        var day = from.AddDays(days);
        while (!s.Calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
