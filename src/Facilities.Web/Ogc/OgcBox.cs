using System.Globalization;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Ogc;

/// <summary>
/// A <c>bbox</c> in its <c>bbox-crs</c>: <see cref="Crs84"/> finds candidates in the stored CRS84 geometries,
/// <see cref="Meets"/> decides in the bbox's own CRS, so a box drawn in VN-2000 metres selects exactly what it covers there.
/// </summary>
internal sealed class OgcBox
{
    // Points per edge when a projected box is carried to CRS84: its edges curve slightly in lon/lat.
    private const int EdgePoints = 16;

    private readonly OgcCrs _crs;
    private readonly Envelope _own;

    private OgcBox(OgcCrs crs, Envelope own, Envelope crs84)
    {
        _crs = crs;
        _own = own;
        Crs84 = crs84;
    }

    /// <summary>The box in CRS84 (lon, lat), covering the whole box.</summary>
    public Envelope Crs84 { get; }

    /// <summary>Parses "a1,b1,a2,b2" (lower corner, upper corner, in the axis order of <paramref name="crs"/>); null when malformed.</summary>
    public static OgcBox? Parse(string text, OgcCrs crs)
    {
        var parts = text.Split(',');
        var v = new double[parts.Length];
        if (parts.Length != 4
            || parts.Select((s, i) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v[i])).Any(ok => !ok)
            || v.Any(x => !double.IsFinite(x)) || v[0] > v[2] || v[1] > v[3])
        {
            return null;
        }

        // Own envelope in x = east, y = north, whatever the axis order of the text.
        var own = crs.LatitudeFirst ? new Envelope(v[1], v[3], v[0], v[2]) : new Envelope(v[0], v[2], v[1], v[3]);
        if (crs.IsCrs84 || crs.LatitudeFirst)
        {
            return new OgcBox(crs, own, own);
        }

        var crs84 = new Envelope();
        for (var i = 0; i <= EdgePoints; i++)
        {
            var t = (double)i / EdgePoints;
            var x = own.MinX + (t * own.Width);
            var y = own.MinY + (t * own.Height);
            foreach (var (e, n) in new[] { (x, own.MinY), (x, own.MaxY), (own.MinX, y), (own.MaxX, y) })
            {
                var (lon, lat) = crs.ToCrs84(e, n);
                crs84.ExpandToInclude(lon, lat);
            }
        }

        return new OgcBox(crs, own, crs84);
    }

    /// <summary>Whether a stored (CRS84) geometry's envelope meets the box, judged in the box's CRS.</summary>
    public bool Meets(Geometry crs84)
    {
        if (!crs84.EnvelopeInternal.Intersects(Crs84))
        {
            return false;
        }

        if (_crs.IsCrs84 || _crs.LatitudeFirst)
        {
            return true;
        }

        var projected = Core.Spatial.Reprojector.Transform(crs84, OgcCrs.Crs84.Definition, _crs.Definition);
        return projected.EnvelopeInternal.Intersects(_own);
    }
}
