using Facilities.Core.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Union;

namespace Facilities.Core.Screening;

/// <summary>
/// Merged sites: groups of touching small state parcels with an allowed land use that together reach the minimum
/// area and, as one site, are wide enough.
/// </summary>
/// <remarks>
/// Parcels are adjacent when they share a stretch of boundary (a corner is not enough) or, in imperfect data,
/// overlap. A group is a connected set of adjacent parcels; POLICY: a group of more than
/// <see cref="ScreeningOptions.MaxMergeParcels"/> parcels is not proposed (assembling it is impractical), and a group
/// is proposed whole or not at all (no search for the best subset). Members already passed the industrial-zone and
/// school-site tests, so the union does too.
/// </remarks>
internal static class MergedSites
{
    /// <summary>Scored merged sites from the pool, in the order of their first parcel id.</summary>
    /// <param name="pool">Small state parcels that pass every test but area, with their envelopes.</param>
    /// <param name="maxParcels">Largest group proposed.</param>
    /// <param name="scorer">Scorer (ward, minimum area, score).</param>
    /// <param name="minWidth">Minimum width, metres.</param>
    public static List<CandidateSite> Propose(List<(ParcelUnit Parcel, Envelope Envelope)> pool, int maxParcels, SiteScorer scorer, double minWidth)
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < pool.Count; i++)
        {
            tree.Insert(pool[i].Envelope, i);
        }

        tree.Build();
        var parent = Enumerable.Range(0, pool.Count).ToArray();
        var linked = new List<int>();
        for (var i = 0; i < pool.Count; i++)
        {
            foreach (var j in tree.Query(pool[i].Envelope))
            {
                if (j > i && Find(parent, i) != Find(parent, j) && Adjacent(pool[i].Parcel.Geometry, pool[j].Parcel.Geometry))
                {
                    parent[Find(parent, j)] = Find(parent, i);
                    linked.Add(i);
                    linked.Add(j);
                }
            }
        }

        // PERF: only parcels that touch another can form a group; most of the pool stands alone.
        var groups = linked.Distinct().GroupBy(i => Find(parent, i))
            .Select(g => g.Select(i => pool[i].Parcel).OrderBy(p => p.Id, StringComparer.Ordinal).ToList())
            .Where(g => g.Count >= 2 && g.Count <= maxParcels)
            .OrderBy(g => g[0].Id, StringComparer.Ordinal)
            .ToList();
        var sites = new CandidateSite?[groups.Count];
        Parallel.For(0, groups.Count, k =>
        {
            var members = groups[k];
            var union = UnaryUnionOp.Union(members.Select(p => p.Geometry).ToList());
            var ward = scorer.Locate(union.Centroid.Coordinate);
            if (members.Sum(p => p.AreaM2) < scorer.MinArea(ward))
            {
                return;
            }

            sites[k] = SiteGeometry.IsWideEnough(union, minWidth) ? scorer.Score(members, union, ward) : null;
        });
        return [.. sites.OfType<CandidateSite>()];
    }

    private static bool Adjacent(Geometry a, Geometry b)
    {
        var m = a.Relate(b);
        return m.Get(Location.Boundary, Location.Boundary) == Dimension.Curve || m.Get(Location.Interior, Location.Interior) == Dimension.Surface;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
