using Facilities.Core.Model;
using NetTopologySuite.Geometries;
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
        // PERF: candidate pairs (envelopes that meet) by a sweep along x instead of an STRtree query per parcel: the
        // pool holds every small state parcel (177,000 of the benchmark's million), and the queries cost about a second
        // on one thread. The groups do not depend on the order in which pairs are found.
        var parent = Enumerable.Range(0, pool.Count).ToArray();
        var linked = new List<int>();
        var order = Enumerable.Range(0, pool.Count).ToArray();
        Array.Sort(pool.Select(p => p.Envelope.MinX).ToArray(), order);
        var active = new List<int>();
        foreach (var k in order)
        {
            var env = pool[k].Envelope;
            active.RemoveAll(a => pool[a].Envelope.MaxX < env.MinX);
            foreach (var a in active)
            {
                var other = pool[a].Envelope;
                if (other.MinY > env.MaxY || other.MaxY < env.MinY)
                {
                    continue;
                }

                var (i, j) = a < k ? (a, k) : (k, a);
                if (Find(parent, i) != Find(parent, j) && Adjacent(pool[i].Parcel.Geometry, pool[j].Parcel.Geometry))
                {
                    parent[Find(parent, j)] = Find(parent, i);
                    linked.Add(i);
                    linked.Add(j);
                }
            }

            active.Add(k);
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
