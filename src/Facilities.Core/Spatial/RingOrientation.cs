using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Spatial;

/// <summary>
/// Ring orientation as RFC 7946 wants it: shells counter-clockwise, holes clockwise. Shapefiles use the opposite
/// convention, and NetTopologySuite's overlay output is clockwise, so data is normalised on the way in.
/// </summary>
public static class RingOrientation
{
    /// <summary>
    /// The geometry with every polygon shell counter-clockwise and every hole clockwise; other geometries unchanged.
    /// </summary>
    /// <param name="g">Any geometry.</param>
    /// <param name="changed">Set when some ring was reversed.</param>
    public static Geometry Counterclockwise(Geometry g, out bool changed)
    {
        var anyChange = false;
        Polygon OrientPolygon(Polygon p)
        {
            var shell = p.Shell;
            if (!Orientation.IsCCW(shell.CoordinateSequence))
            {
                shell = (LinearRing)shell.Reverse();
                anyChange = true;
            }

            var holes = new LinearRing[p.NumInteriorRings];
            for (var i = 0; i < holes.Length; i++)
            {
                var h = (LinearRing)p.GetInteriorRingN(i);
                if (Orientation.IsCCW(h.CoordinateSequence))
                {
                    h = (LinearRing)h.Reverse();
                    anyChange = true;
                }

                holes[i] = h;
            }

            return p.Factory.CreatePolygon(shell, holes);
        }

        Geometry result = g switch
        {
            Polygon p => OrientPolygon(p),
            MultiPolygon mp => mp.Factory.CreateMultiPolygon(
                Enumerable.Range(0, mp.NumGeometries).Select(i => OrientPolygon((Polygon)mp.GetGeometryN(i))).ToArray()),
            _ => g,
        };
        result.SRID = g.SRID;
        changed = anyChange;
        return result;
    }
}
