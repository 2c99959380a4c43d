namespace Facilities.Core.Screening;

/// <summary>
/// The best candidates seen so far, at most N of them (0: all): score descending, then id, then arrival order, so
/// the ranking is total and deterministic.
/// </summary>
/// <remarks>
/// PERF (issue 15): each entry carries its score, summed once (a <see cref="ScoreBreakdown.Total"/> is five decimal
/// additions, and a ranking of 23,000 candidates compares about 350,000 times); with no limit every candidate is kept,
/// so they are sorted once at the end instead of kept in order.
/// </remarks>
internal sealed class TopCandidates
{
    private readonly int _limit;
    private readonly SortedSet<Entry> _best = new(Comparer<Entry>.Create(Compare));
    private readonly List<Entry> _all = [];
    private long _seq;

    public TopCandidates(int limit) => _limit = limit;

    public void Add(CandidateSite site)
    {
        var entry = new Entry(site.Score, site, _seq++);
        if (_limit == 0)
        {
            _all.Add(entry);
            return;
        }

        _best.Add(entry);
        if (_best.Count > _limit)
        {
            _best.Remove(_best.Max);
        }
    }

    /// <summary>The candidates in ranking order (the caller sets each one's rank, its index + 1, with its other late values).</summary>
    public CandidateSite[] InOrder()
    {
        _all.Sort(Compare);
        return [.. (_limit == 0 ? _all : (IEnumerable<Entry>)_best).Select(c => c.Site)];
    }

    // Ranking order: higher score first, then id, then arrival.
    private static int Compare(Entry a, Entry b)
    {
        var c = b.Score.CompareTo(a.Score);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Site.Id, b.Site.Id);
        }

        return c != 0 ? c : a.Seq.CompareTo(b.Seq);
    }

    private readonly record struct Entry(decimal Score, CandidateSite Site, long Seq);
}
