using Facilities.Core.Model;

namespace Facilities.Core.Catchment;

/// <summary>
/// Every (demand point, school) pair within the point's service radius with its decay weight, in compressed rows:
/// the links of point i are <c>School[Start[i]..Start[i+1]]</c>.
/// </summary>
public sealed class CatchmentLinks
{
    private CatchmentLinks(int[] start, int[] school, double[] weight, int schools)
    {
        Start = start;
        School = school;
        Weight = weight;
        SchoolCount = schools;
    }

    /// <summary>Row starts, one more than the number of points.</summary>
    public int[] Start { get; }

    /// <summary>School index of each link.</summary>
    public int[] School { get; }

    /// <summary>Gaussian decay weight of each link, in (0, 1].</summary>
    public double[] Weight { get; }

    /// <summary>Number of schools.</summary>
    public int SchoolCount { get; }

    /// <summary>Finds the links with a uniform grid of schools (cell = the largest radius), so each point looks at nine cells.</summary>
    /// <param name="points">Demand points.</param>
    /// <param name="schools">Schools of one level.</param>
    /// <param name="radiusMetres">Radius for [rural, urban] points.</param>
    public static CatchmentLinks Build(DemandPoints points, IReadOnlyList<SchoolSite> schools, double[] radiusMetres)
    {
        var cell = Math.Max(radiusMetres[0], radiusMetres[1]);
        var grid = new Dictionary<(long, long), List<int>>();
        var sx = new double[schools.Count];
        var sy = new double[schools.Count];
        for (var j = 0; j < schools.Count; j++)
        {
            sx[j] = schools[j].Location.X;
            sy[j] = schools[j].Location.Y;
            var key = ((long)Math.Floor(sx[j] / cell), (long)Math.Floor(sy[j] / cell));
            if (!grid.TryGetValue(key, out var list))
            {
                grid[key] = list = [];
            }

            list.Add(j);
        }

        var start = new int[points.Count + 1];
        var school = new List<int>(points.Count * 4);
        var weight = new List<double>(points.Count * 4);
        for (var i = 0; i < points.Count; i++)
        {
            start[i] = school.Count;
            var r = radiusMetres[points.Urban[i] ? 1 : 0];
            var cx = (long)Math.Floor(points.X[i] / cell);
            var cy = (long)Math.Floor(points.Y[i] / cell);
            for (var gx = cx - 1; gx <= cx + 1; gx++)
            {
                for (var gy = cy - 1; gy <= cy + 1; gy++)
                {
                    if (!grid.TryGetValue((gx, gy), out var members))
                    {
                        continue;
                    }

                    foreach (var j in members)
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
        }

        start[points.Count] = school.Count;
        return new CatchmentLinks(start, [.. school], [.. weight], schools.Count);
    }
}
