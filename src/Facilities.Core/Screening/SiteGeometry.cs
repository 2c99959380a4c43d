using Facilities.Core.Model;
using NetTopologySuite.Algorithm.Construct;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace Facilities.Core.Screening;

/// <summary>
/// The geometric hard constraints: distance from industrial zones, overlap with existing school sites, width.
/// Indexes are built once and then only read, so one instance serves parallel workers.
/// </summary>
/// <remarks>
/// Width is the diameter of the largest inscribed circle (NTS MaximumInscribedCircle), the widest round footprint
/// that fits: a 5 m strip is 5 m wide whatever its length, a rectangle as wide as its shorter side. For a convex
/// polygon of area A and perimeter P the inradius r satisfies A/P ≤ r ≤ 2A/P (the area is the integral of the
/// inner parallel bodies' perimeters, none longer than P; and at least r × P ÷ 2 by triangles from the centre),
/// so bounds decide most parcels without the circle.
/// </remarks>
public sealed class SiteGeometry
{
    private const double CircleTolerance = 0.1;
    private readonly List<Zone> _zones = [];
    private readonly STRtree<Geometry> _schools = new();
    private readonly double _minDistance;

    /// <summary>Indexes the city's industrial zones (growth areas of kind industrial_zone) and school sites.</summary>
    /// <param name="city">The city.</param>
    /// <param name="minIndustrialDistance">Distance a site keeps from every industrial zone, metres.</param>
    public SiteGeometry(CityModel city, double minIndustrialDistance)
    {
        _minDistance = minIndustrialDistance;
        foreach (var z in city.Growth.Where(g => g.Kind == "industrial_zone" && !g.Area.IsEmpty))
        {
            var reach = z.Area.EnvelopeInternal.Copy();
            reach.ExpandBy(minIndustrialDistance);
            var zone = new Zone(z.Area, reach, new IndexedPointInAreaLocator(z.Area), new IndexedFacetDistance(z.Area));
            // Warm the lazily built indexes here, so parallel workers only read them.
            zone.Inside.Locate(z.Area.Coordinate);
            zone.Facets.Distance(z.Area.Factory.CreatePoint(z.Area.Coordinate));
            _zones.Add(zone);
        }

        foreach (var s in city.Schools)
        {
            Geometry site = s.Site is { IsEmpty: false } polygon ? polygon : s.Location;
            _schools.Insert(site.EnvelopeInternal, site);
        }

        _schools.Build();
    }

    /// <summary>Whether the geometry comes closer than the minimum distance to an industrial zone (or lies in one).</summary>
    public bool NearIndustry(Geometry site)
    {
        var env = site.EnvelopeInternal;
        foreach (var z in _zones)
        {
            if (!z.Reach.Intersects(env))
            {
                continue;
            }

            // Inside (a site vertex in the zone, or a zone vertex in the site), else the distance between boundaries.
            if (z.Inside.Locate(site.Coordinate) != Location.Exterior || (env.Intersects(z.Area.EnvelopeInternal) && site.Intersects(z.Area.Factory.CreatePoint(z.Area.Coordinate))))
            {
                return true;
            }

            if (z.Facets.Distance(site) < _minDistance)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the geometry overlaps an existing school: its interior meets a site polygon's interior, or a point
    /// school lies in or on it.
    /// </summary>
    public bool OverlapsSchool(Geometry site)
    {
        foreach (var s in _schools.Query(site.EnvelopeInternal))
        {
            if (s is Point p ? site.Intersects(p) : site.Relate(s, "T********"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="site"/> is at least <paramref name="minimum"/> wide, deciding with the cheapest test
    /// that can: the envelope, the exact width of a rectangle, the convex hull's upper bound, a lower bound for convex
    /// polygons, and only then the inscribed circle, first coarse and refined when the answer is close.
    /// </summary>
    public static bool IsWideEnough(Geometry site, double minimum)
    {
        if (site.IsEmpty || site is not IPolygonal)
        {
            return false;
        }

        var env = site.EnvelopeInternal;
        if (Math.Min(env.Width, env.Height) < minimum)
        {
            return false;
        }

        // PERF (issue 15): the exact width of a rectangle first, because most cadastral parcels are rectangles and
        // NTS's convex hull (its duplicate-point pass above all) cost more than the rest of a parcel's screening.
        if (RectangleWidth(site) is double exact)
        {
            return exact >= minimum;
        }

        var hull = site.ConvexHull();
        if (4 * hull.Area / hull.Length < minimum)
        {
            return false; // a convex polygon's area is at least inradius × perimeter ÷ 2
        }

        if (hull.Area - site.Area <= 1e-7 * hull.Area && 2 * site.Area / site.Length >= minimum)
        {
            return true; // a convex polygon's area is at most inradius × perimeter
        }

        var coarse = 2 * new MaximumInscribedCircle(site, 0.5).GetRadiusLine().Length;
        if (coarse >= minimum || coarse + 1 < minimum)
        {
            return coarse >= minimum; // the true diameter is within 1 m above the coarse one
        }

        return Width(site) >= minimum;
    }

    /// <summary>The diameter of the largest circle inside <paramref name="site"/>, metres (to within 0.2 m).</summary>
    public static double Width(Geometry site) =>
        site.IsEmpty || site is not IPolygonal ? 0 : RectangleWidth(site) ?? 2 * new MaximumInscribedCircle(site, CircleTolerance).GetRadiusLine().Length;

    // The shorter side when the site is one rectangle (four corners, right angles, no holes), else null.
    private static double? RectangleWidth(Geometry site)
    {
        var polygon = site as Polygon ?? (site is MultiPolygon { NumGeometries: 1 } m ? (Polygon)m.GetGeometryN(0) : null);
        if (polygon is null || polygon.NumInteriorRings > 0 || polygon.ExteriorRing.NumPoints != 5)
        {
            return null;
        }

        var c = polygon.ExteriorRing.Coordinates;
        var sides = new double[4];
        for (var i = 0; i < 4; i++)
        {
            var (a, b, d) = (c[i], c[i + 1], c[(i + 2) % 4]);
            var (ux, uy, vx, vy) = (b.X - a.X, b.Y - a.Y, d.X - b.X, d.Y - b.Y);
            sides[i] = Math.Sqrt((ux * ux) + (uy * uy));
            var cosine = ((ux * vx) + (uy * vy)) / (sides[i] * Math.Sqrt((vx * vx) + (vy * vy)));
            if (!(Math.Abs(cosine) < 1e-6))
            {
                return null;
            }
        }

        return Math.Min(sides[0], sides[1]);
    }

    private sealed record Zone(Geometry Area, Envelope Reach, IndexedPointInAreaLocator Inside, IndexedFacetDistance Facets);
}
