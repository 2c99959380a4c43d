namespace Facilities.Core.Optimisation;

/// <summary>
/// For each demand point, the candidates within the service radius, and for each candidate, the points it covers
/// (compressed sparse rows). Built with a grid of cell size = radius, so each point looks at 9 cells only.
/// </summary>
public sealed class CoverageSets
{
    private CoverageSets(int[] pointStart, int[] pointSites, int[] siteStart, int[] sitePoints)
    {
        PointStart = pointStart;
        PointSites = pointSites;
        SiteStart = siteStart;
        SitePoints = sitePoints;
    }

    /// <summary>Point i's candidates are <c>PointSites[PointStart[i] .. PointStart[i + 1] − 1]</c>, ascending.</summary>
    public int[] PointStart { get; }

    /// <summary>Candidate indices, by point.</summary>
    public int[] PointSites { get; }

    /// <summary>Candidate j's points are <c>SitePoints[SiteStart[j] .. SiteStart[j + 1] − 1]</c>, ascending.</summary>
    public int[] SiteStart { get; }

    /// <summary>Demand point indices, by candidate.</summary>
    public int[] SitePoints { get; }

    /// <summary>Number of (point, candidate) pairs within the radius.</summary>
    public int PairCount => PointSites.Length;

    /// <summary>The candidates covering point <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> SitesOf(int i) => PointSites.AsSpan(PointStart[i], PointStart[i + 1] - PointStart[i]);

    /// <summary>The points candidate <paramref name="j"/> covers.</summary>
    public ReadOnlySpan<int> PointsOf(int j) => SitePoints.AsSpan(SiteStart[j], SiteStart[j + 1] - SiteStart[j]);

    /// <summary>Computes the sets; a point exactly at the radius is covered.</summary>
    public static CoverageSets Build(SitingInstance instance)
    {
        var r = instance.RadiusMetres;
        var r2 = r * r;
        var cells = new Dictionary<(long, long), List<int>>();
        for (var j = 0; j < instance.CandidateCount; j++)
        {
            var key = ((long)Math.Floor(instance.CandidateX[j] / r), (long)Math.Floor(instance.CandidateY[j] / r));
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }

            list.Add(j);
        }

        var pointStart = new int[instance.DemandCount + 1];
        var pairs = new List<int>();
        var found = new List<int>();
        for (var i = 0; i < instance.DemandCount; i++)
        {
            var cx = (long)Math.Floor(instance.DemandX[i] / r);
            var cy = (long)Math.Floor(instance.DemandY[i] / r);
            found.Clear();
            for (var gx = cx - 1; gx <= cx + 1; gx++)
            {
                for (var gy = cy - 1; gy <= cy + 1; gy++)
                {
                    if (cells.TryGetValue((gx, gy), out var list))
                    {
                        foreach (var j in list)
                        {
                            var dx = instance.DemandX[i] - instance.CandidateX[j];
                            var dy = instance.DemandY[i] - instance.CandidateY[j];
                            if ((dx * dx) + (dy * dy) <= r2)
                            {
                                found.Add(j);
                            }
                        }
                    }
                }
            }

            found.Sort();
            pairs.AddRange(found);
            pointStart[i + 1] = pairs.Count;
        }

        var pointSites = pairs.ToArray();
        var siteStart = new int[instance.CandidateCount + 1];
        foreach (var j in pointSites)
        {
            siteStart[j + 1]++;
        }

        for (var j = 0; j < instance.CandidateCount; j++)
        {
            siteStart[j + 1] += siteStart[j];
        }

        var fill = siteStart[..^1].ToArray();
        var sitePoints = new int[pointSites.Length];
        for (var i = 0; i < instance.DemandCount; i++)
        {
            for (var k = pointStart[i]; k < pointStart[i + 1]; k++)
            {
                sitePoints[fill[pointSites[k]]++] = i;
            }
        }

        return new CoverageSets(pointStart, pointSites, siteStart, sitePoints);
    }

    /// <summary>
    /// Points with the same set of covering candidates merged into one group with their pupils summed; points no
    /// candidate covers and points without pupils are left out. The covering model over the groups has the same
    /// optimum as over the points, with fewer rows.
    /// </summary>
    public IReadOnlyList<CoverageGroup> Groups(double[] weight)
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<CoverageGroup>();
        for (var i = 0; i < weight.Length; i++)
        {
            var sites = SitesOf(i);
            if (sites.Length == 0 || weight[i] <= 0)
            {
                continue;
            }

            var key = string.Join(',', sites.ToArray());
            if (groups.TryGetValue(key, out var g))
            {
                result[g] = result[g] with { Weight = result[g].Weight + weight[i] };
            }
            else
            {
                groups[key] = result.Count;
                result.Add(new CoverageGroup(weight[i], sites.ToArray()));
            }
        }

        return result;
    }
}
