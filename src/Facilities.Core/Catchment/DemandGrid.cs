using Facilities.Core.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries.Prepared;

namespace Facilities.Core.Catchment;

/// <summary>
/// Lays a regular grid over each ward and keeps the nodes inside it; a ward too small for a node gets its interior
/// point. Also finds, for each growth area and ward, the nodes inside both, where the area's pupils are placed.
/// </summary>
public static class DemandGrid
{
    /// <summary>Builds the points and, per ward, the index range of its points.</summary>
    /// <param name="city">The city, in a metric CRS.</param>
    /// <param name="spacingMetres">Grid spacing.</param>
    /// <param name="wardRanges">For each ward, (first point, point count).</param>
    public static DemandPoints Build(CityModel city, double spacingMetres, out (int First, int Count)[] wardRanges)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var wards = new List<int>();
        wardRanges = new (int, int)[city.Wards.Count];
        for (var w = 0; w < city.Wards.Count; w++)
        {
            var area = city.Wards[w].Area;
            // PERF: the prepared polygon's own point locator, asked directly: Contains of a point is "the point is in
            // the interior", and going through Contains made a Point object per node (1.3 million at national scale).
            var locator = new IndexedPointInAreaLocator(area);
            var env = area.EnvelopeInternal;
            var node = new Coordinate();
            var first = xs.Count;
            // Nodes on a city-wide lattice (multiples of the spacing), so neighbouring wards never share a node.
            for (var x = (Math.Floor(env.MinX / spacingMetres) + 0.5) * spacingMetres; x <= env.MaxX; x += spacingMetres)
            {
                for (var y = (Math.Floor(env.MinY / spacingMetres) + 0.5) * spacingMetres; y <= env.MaxY; y += spacingMetres)
                {
                    node.X = x;
                    node.Y = y;
                    if (locator.Locate(node) == Location.Interior)
                    {
                        xs.Add(x);
                        ys.Add(y);
                        wards.Add(w);
                    }
                }
            }

            if (xs.Count == first)
            {
                var p = area.InteriorPoint.Coordinate;
                xs.Add(p.X);
                ys.Add(p.Y);
                wards.Add(w);
            }

            wardRanges[w] = (first, xs.Count - first);
        }

        var points = new DemandPoints(xs.Count);
        xs.CopyTo(points.X);
        ys.CopyTo(points.Y);
        wards.CopyTo(points.Ward);
        for (var i = 0; i < points.Count; i++)
        {
            var type = city.Wards[points.Ward[i]].UnitType;
            points.Urban[i] = type == "phuong";
            points.RadiusClass[i] = RadiusClassOf(type);
        }

        return points;
    }

    /// <summary>
    /// The settlement weight at each node: each settlement point adds its weight to the node of its grid cell, or,
    /// when no ward has a node there (a coast or border cell), to the nearest node of the eight cells around it;
    /// a point with none is left out (it lies outside every ward). Null settlement: null.
    /// </summary>
    public static double[]? NodeWeights(DemandPoints points, double spacingMetres, SettlementPoints? settlement)
    {
        if (settlement is null)
        {
            return null;
        }

        var byCell = new Dictionary<(long, long), int>();
        for (var i = 0; i < points.Count; i++)
        {
            byCell.TryAdd(((long)Math.Floor(points.X[i] / spacingMetres), (long)Math.Floor(points.Y[i] / spacingMetres)), i);
        }

        var weights = new double[points.Count];
        for (var k = 0; k < settlement.Count; k++)
        {
            var cx = (long)Math.Floor(settlement.X[k] / spacingMetres);
            var cy = (long)Math.Floor(settlement.Y[k] / spacingMetres);
            if (!byCell.TryGetValue((cx, cy), out var node))
            {
                node = -1;
                var best = double.MaxValue;
                for (var gx = cx - 1; gx <= cx + 1; gx++)
                {
                    for (var gy = cy - 1; gy <= cy + 1; gy++)
                    {
                        if (byCell.TryGetValue((gx, gy), out var i))
                        {
                            var d = ((points.X[i] - settlement.X[k]) * (points.X[i] - settlement.X[k])) + ((points.Y[i] - settlement.Y[k]) * (points.Y[i] - settlement.Y[k]));
                            if (d < best)
                            {
                                (best, node) = (d, i);
                            }
                        }
                    }
                }
            }

            if (node >= 0)
            {
                weights[node] += Math.Max(0, settlement.Weight[k]);
            }
        }

        return weights;
    }

    /// <summary>The radius class of a ward type: phường 1, đặc khu 2, anything else (xã) 0.</summary>
    public static int RadiusClassOf(string unitType) => unitType switch { "phuong" => 1, "dac_khu" => 2, _ => 0 };

    /// <summary>Indices of a ward's points that lie inside <paramref name="growthArea"/>.</summary>
    public static List<int> PointsInside(DemandPoints points, (int First, int Count) range, Geometry growthArea)
    {
        var prepared = PreparedGeometryFactory.Prepare(growthArea);
        var env = growthArea.EnvelopeInternal;
        var result = new List<int>();
        for (var i = range.First; i < range.First + range.Count; i++)
        {
            if (env.Contains(points.X[i], points.Y[i]) && prepared.Contains(growthArea.Factory.CreatePoint(new Coordinate(points.X[i], points.Y[i]))))
            {
                result.Add(i);
            }
        }

        return result;
    }
}
