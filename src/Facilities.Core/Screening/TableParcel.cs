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

    // PERF: each test reads the kept answer first; no delegate is made per row (a candidate runs all three per screening).
    public bool NearIndustry(SiteGeometry geometry, bool keep)
    {
        var kept = view.Cache.NearIndustry;
        return kept[row] == ParcelTableCache.Unknown ? Keep(kept, geometry.NearIndustry(Get(keep))) : kept[row] == ParcelTableCache.Yes;
    }

    public bool OverlapsSchool(SiteGeometry geometry, bool keep)
    {
        var kept = view.Cache.OverlapsSchool;
        return kept[row] == ParcelTableCache.Unknown ? Keep(kept, geometry.OverlapsSchool(Get(keep))) : kept[row] == ParcelTableCache.Yes;
    }

    public bool WideEnough(double minimum)
    {
        var kept = view.Cache.WideEnough;
        return kept[row] == ParcelTableCache.Unknown ? Keep(kept, SiteGeometry.IsWideEnough(Get(true), minimum)) : kept[row] == ParcelTableCache.Yes;
    }

    public Geometry Geometry() => Get(true);

    // The unit for the score, the merge pool or a rejection: with the geometry when it is held, else decoded on use.
    public ParcelUnit Unit() => view.Cache.Geometries[row] is { } g ? view.Table.Unit(row, g) : view.Table.Unit(row);

    private bool Keep(sbyte[] kept, bool answer)
    {
        kept[row] = answer ? ParcelTableCache.Yes : ParcelTableCache.No;
        return answer;
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
