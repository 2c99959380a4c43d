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
/// Width is the diameter of the largest inscribed circle (NTS MaximumInscribedCircle, to within 0.1 m of the
/// radius), the widest round footprint that fits: a 5 m strip is 5 m wide whatever its length. Before computing
/// it, two upper bounds that cost almost nothing reject most strips: the smaller side of the envelope, and
/// 4 × area ÷ perimeter of the convex hull (a convex polygon's area is at least inradius × perimeter ÷ 2).
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
    /// The width of <paramref name="site"/>, or an upper bound of it when that bound is already below
    /// <paramref name="minimum"/> (the exact figure is then not needed).
    /// </summary>
    public static double Width(Geometry site, double minimum)
    {
        var env = site.EnvelopeInternal;
        var bound = Math.Min(env.Width, env.Height);
        if (bound >= minimum)
        {
            var hull = site.ConvexHull();
            bound = hull.Length > 0 ? Math.Min(bound, 4 * hull.Area / hull.Length) : 0;
        }

        return bound < minimum ? bound : Width(site);
    }

    /// <summary>The diameter of the largest circle inside <paramref name="site"/>, metres.</summary>
    public static double Width(Geometry site) =>
        site.IsEmpty || site is not IPolygonal ? 0 : 2 * new MaximumInscribedCircle(site, CircleTolerance).GetRadiusLine().Length;

    private sealed record Zone(Geometry Area, Envelope Reach, IndexedPointInAreaLocator Inside, IndexedFacetDistance Facets);
}
