using Facilities.Core.Model;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Screening;

/// <summary>
/// A row of a held <see cref="ParcelTable"/> under the screening's rules: attributes from its arrays, the
/// option-independent answers from the values earlier screenings kept (<see cref="ParcelTableCache"/>), computed
/// and kept on first need; the geometry decoded by row only when a test needs it.
/// </summary>
internal readonly struct TableParcel(TableScreening view, int row) : IScreenedParcel
{
    public double AreaM2 => view.Table.Area[row];

    public bool IsStateOwned => view.StateOwned[view.Table.Attributes[row]];

    public Envelope? Bounds => null;

    // The screening's land-use rule, evaluated once per attribute class (TableScreening).
    public bool AllowedBy(LandUseRule rule) => view.Allowed[view.Table.Attributes[row]];

    public Envelope Envelope(bool keep) => view.Table.Envelope(row);

    public WardUnit? Ward(SiteScorer scorer)
    {
        var cache = view.Cache;
        var w = cache.Ward[row];
        if (w == 0)
        {
            w = scorer.LocateIndex(Get(false).Centroid.Coordinate) + 2;
            cache.Ward[row] = w;
        }

        return w == 1 ? null : view.City.Wards[w - 2];
    }

    public bool NearIndustry(SiteGeometry geometry, bool keep) => Test(view.Cache.NearIndustry, keep, geometry.NearIndustry);

    public bool OverlapsSchool(SiteGeometry geometry, bool keep) => Test(view.Cache.OverlapsSchool, keep, geometry.OverlapsSchool);

    public bool WideEnough(double minimum) => Test(view.Cache.WideEnough, true, g => SiteGeometry.IsWideEnough(g, minimum));

    public Geometry Geometry() => Get(true);

    public ParcelUnit Unit() => view.Table.Unit(row);

    private bool Test(sbyte[] kept, bool keep, Func<Geometry, bool> test)
    {
        var k = kept[row];
        if (k == ParcelTableCache.Unknown)
        {
            k = test(Get(keep)) ? ParcelTableCache.Yes : ParcelTableCache.No;
            kept[row] = k;
        }

        return k == ParcelTableCache.Yes;
    }

    private Geometry Get(bool keep)
    {
        var held = view.Cache.Geometries;
        if (held[row] is { } g)
        {
            return g;
        }

        g = view.Table.Geometry(row);
        if (keep)
        {
            held[row] = g;
        }

        return g;
    }
}
