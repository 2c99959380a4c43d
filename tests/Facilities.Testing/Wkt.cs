using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Testing;

/// <summary>Small geometries for tests, written inline as WKT.</summary>
public static class Wkt
{
    /// <summary>Parses WKT; sets the SRID when given.</summary>
    public static Geometry Read(string wkt, int srid = 4326)
    {
        var g = new WKTReader().Read(wkt);
        g.SRID = srid;
        return g;
    }
}
