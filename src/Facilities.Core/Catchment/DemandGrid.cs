using Facilities.Core.Model;
using NetTopologySuite.Geometries;
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
            var prepared = PreparedGeometryFactory.Prepare(area);
            var env = area.EnvelopeInternal;
            var first = xs.Count;
            // Nodes on a city-wide lattice (multiples of the spacing), so neighbouring wards never share a node.
            for (var x = (Math.Floor(env.MinX / spacingMetres) + 0.5) * spacingMetres; x <= env.MaxX; x += spacingMetres)
            {
                for (var y = (Math.Floor(env.MinY / spacingMetres) + 0.5) * spacingMetres; y <= env.MaxY; y += spacingMetres)
                {
                    if (prepared.Contains(area.Factory.CreatePoint(new Coordinate(x, y))))
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
            points.Urban[i] = city.Wards[points.Ward[i]].UnitType == "phuong";
        }

        return points;
    }

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
