using Facilities.Core.Features;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Facilities.Core.Import;

/// <summary>Finds the ward a point lies in, with an STR-tree over ward envelopes and indexed point-in-polygon tests.</summary>
public sealed class WardLocator
{
    private readonly STRtree<(string Code, IPointOnGeometryLocator Locator)> _index = new();

    /// <summary>Indexes the wards of a layer (any CRS; points passed in must be in the same CRS).</summary>
    public WardLocator(FeatureLayer wards)
    {
        foreach (var w in wards.Features)
        {
            if (w.Geometry is { IsEmpty: false } g && w["code"] is string code)
            {
                _index.Insert(g.EnvelopeInternal, (code, new IndexedPointInAreaLocator(g)));
            }
        }

        _index.Build();
    }

    /// <summary>Code of the ward containing (or bounding) the point, or null when it is outside every ward.</summary>
    public string? Locate(Coordinate point)
    {
        string? found = null;
        foreach (var (code, locator) in _index.Query(new Envelope(point)))
        {
            if (locator.Locate(point) != Location.Exterior)
            {
                // POLICY: a point on a shared boundary goes to the lowest code, so the answer is deterministic.
                if (found is null || string.CompareOrdinal(code, found) < 0)
                {
                    found = code;
                }
            }
        }

        return found;
    }

    /// <summary>The point used to place a geometry in a ward: the point itself, or a polygon's interior point.</summary>
    public static Coordinate Anchor(Geometry g) => g is Point p ? p.Coordinate : g.InteriorPoint.Coordinate;
}
