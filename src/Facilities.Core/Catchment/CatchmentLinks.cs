using Facilities.Core.Model;

namespace Facilities.Core.Catchment;

/// <summary>
/// Every (demand point, school) pair within the point's service radius with its decay weight, in compressed rows:
/// the links of point i are <c>School[Start[i]..Start[i+1]]</c>. A point that reaches no school within its radius
/// names its nearest school instead (<see cref="Nearest"/>), so its pupils are still assigned (docs/deficit.md).
/// </summary>
public sealed class CatchmentLinks
{
    private CatchmentLinks(int[] start, int[] school, double[] weight, int[] nearest, double[] nearestDistance, int schools)
    {
        Start = start;
        School = school;
        Weight = weight;
        Nearest = nearest;
        NearestDistance = nearestDistance;
        SchoolCount = schools;
    }

    /// <summary>Row starts, one more than the number of points.</summary>
    public int[] Start { get; }

    /// <summary>School index of each link.</summary>
    public int[] School { get; }

    /// <summary>Gaussian decay weight of each link, in (0, 1].</summary>
    public double[] Weight { get; }

    /// <summary>
    /// For a point with no school within its radius: the nearest school (the lowest index among equally near ones);
    /// −1 for a point that reaches a school, or when the level has no school at all.
    /// </summary>
    public int[] Nearest { get; }

    /// <summary>Distance in metres to <see cref="Nearest"/>; 0 where Nearest is −1.</summary>
    public double[] NearestDistance { get; }

    /// <summary>Number of schools.</summary>
    public int SchoolCount { get; }

    /// <summary>Finds the links with a uniform grid of schools (cell = the largest radius), so each point looks at nine cells.</summary>
    /// <param name="points">Demand points.</param>
    /// <param name="schools">Schools of one level.</param>
    /// <param name="radiusMetres">Radius per <see cref="DemandPoints.RadiusClass"/>: [xã, phường, đặc khu] (a two-entry array is [rural, urban]).</param>
    public static CatchmentLinks Build(DemandPoints points, IReadOnlyList<SchoolSite> schools, double[] radiusMetres)
    {
        var cell = radiusMetres.Max();
        var sx = new double[schools.Count];
        var sy = new double[schools.Count];
        for (var j = 0; j < schools.Count; j++)
        {
            sx[j] = schools[j].Location.X;
            sy[j] = schools[j].Location.Y;
        }

        var grid = new SchoolCells(sx, sy, cell);
        var start = new int[points.Count + 1];
        var school = new List<int>(points.Count * 4);
        var weight = new List<double>(points.Count * 4);
        var nearest = new int[points.Count];
        var nearestDistance = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            start[i] = school.Count;
            nearest[i] = -1;
            var r = radiusMetres[Math.Min(points.RadiusClass[i], radiusMetres.Length - 1)];
            var cx = (long)Math.Floor(points.X[i] / cell);
            var cy = (long)Math.Floor(points.Y[i] / cell);
            for (var gx = cx - 1; gx <= cx + 1; gx++)
            {
                for (var gy = cy - 1; gy <= cy + 1; gy++)
                {
                    foreach (var j in grid.At(gx, gy))
                    {
                        var dx = sx[j] - points.X[i];
                        var dy = sy[j] - points.Y[i];
                        var d = Math.Sqrt((dx * dx) + (dy * dy));
                        var w = DistanceDecay.Gaussian(d, r);
                        if (w > 0)
                        {
                            school.Add(j);
                            weight.Add(w);
                        }
                    }
                }
            }

            if (school.Count == start[i] && schools.Count > 0)
            {
                (nearest[i], nearestDistance[i]) = NearestSchool(points.X[i], points.Y[i], cx, cy, grid, sx, sy);
            }
        }

        start[points.Count] = school.Count;
        return new CatchmentLinks(start, [.. school], [.. weight], nearest, nearestDistance, schools.Count);
    }

    // Rings of grid cells outwards: once a school is found at distance b, ring k can hold a nearer one only while
    // (k − 1) × cell < b, so the search stops there. Ties go to the lowest school index, as in the SQL (ORDER BY d,
    // school), so the order in which a ring's cells are visited does not matter: only its border cells are.
    private static (int School, double Distance) NearestSchool(double x, double y, long cx, long cy, SchoolCells grid, double[] sx, double[] sy)
    {
        var best = -1;
        var bestD = double.MaxValue;
        var seen = 0;
        void Visit(ReadOnlySpan<int> members)
        {
            seen += members.Length;
            foreach (var j in members)
            {
                var d = Math.Sqrt(((sx[j] - x) * (sx[j] - x)) + ((sy[j] - y) * (sy[j] - y)));
                if (d < bestD || (d == bestD && j < best))
                {
                    (best, bestD) = (j, d);
                }
            }
        }

        for (long k = 0; seen < sx.Length && (best < 0 || (k - 1) * grid.Size < bestD); k++)
        {
            if (k == 0)
            {
                Visit(grid.At(cx, cy));
                continue;
            }

            for (var gx = cx - k; gx <= cx + k; gx++)
            {
                Visit(grid.At(gx, cy - k));
                Visit(grid.At(gx, cy + k));
            }

            for (var gy = cy - k + 1; gy <= cy + k - 1; gy++)
            {
                Visit(grid.At(cx - k, gy));
                Visit(grid.At(cx + k, gy));
            }
        }

        return (best, best < 0 ? 0 : bestD);
    }
}
