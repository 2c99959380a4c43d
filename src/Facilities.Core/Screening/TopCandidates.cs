namespace Facilities.Core.Screening;

/// <summary>
/// The best candidates seen so far, at most N of them (0: all): score descending, then id, then arrival order, so
/// the ranking is total and deterministic.
/// </summary>
internal sealed class TopCandidates
{
    private readonly int _limit;
    private readonly SortedSet<(CandidateSite Site, long Seq)> _best = new(Comparer<(CandidateSite Site, long Seq)>.Create(Compare));
    private readonly List<(CandidateSite Site, long Seq)> _all = [];
    private long _seq;

    public TopCandidates(int limit) => _limit = limit;

    /// <summary>Ranking order: higher score first, then id, then arrival.</summary>
    public static int Compare((CandidateSite Site, long Seq) a, (CandidateSite Site, long Seq) b)
    {
        var c = b.Site.Score.CompareTo(a.Site.Score);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Site.Id, b.Site.Id);
        }

        return c != 0 ? c : a.Seq.CompareTo(b.Seq);
    }

    public void Add(CandidateSite site)
    {
        if (_limit == 0)
        {
            // PERF: every candidate is kept, so they are sorted once at the end (the order is total: the same ranking).
            _all.Add((site, _seq++));
            return;
        }

        _best.Add((site, _seq++));
        if (_limit > 0 && _best.Count > _limit)
        {
            _best.Remove(_best.Max);
        }
    }

    /// <summary>The candidates in ranking order with their rank set (1 = best).</summary>
    public IReadOnlyList<CandidateSite> Ranked()
    {
        _all.Sort(Compare);
        return [.. (_limit == 0 ? _all : (IEnumerable<(CandidateSite Site, long Seq)>)_best).Select((c, i) => c.Site with { Rank = i + 1 })];
    }
}
