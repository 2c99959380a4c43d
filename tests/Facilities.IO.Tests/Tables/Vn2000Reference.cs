using System.Globalization;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Tests.Tables;

/// <summary>PROJ (cs2cs) as the reference for VN-2000 ↔ WGS 84 in the table tests.</summary>
internal static class Vn2000Reference
{
    /// <summary>Easting/northing of lon/lat points, rounded to the centimetre as agency files are.</summary>
    public static List<(double Easting, double Northing)> Project(int srid, IReadOnlyList<(double Lon, double Lat)> points)
    {
        var input = string.Join("\n", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Lat:R} {p.Lon:R}")));
        return Lines(ReferenceTools.Run("cs2cs", $"-f %.6f EPSG:4326 EPSG:{srid}", input + "\n"))
            .Select(p => (Math.Round(p.A, 2), Math.Round(p.B, 2))).ToList();
    }

    /// <summary>Lon/lat of easting/northing points by PROJ.</summary>
    public static List<Coordinate> Unproject(int srid, IReadOnlyList<(double Easting, double Northing)> points)
    {
        var input = string.Join("\n", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Easting:R} {p.Northing:R}")));
        // cs2cs prints EPSG:4326 in its axis order: latitude, then longitude.
        return Lines(ReferenceTools.Run("cs2cs", $"-f %.10f EPSG:{srid} EPSG:4326", input + "\n")).Select(p => new Coordinate(p.B, p.A)).ToList();
    }

    /// <summary>Local equirectangular distance in metres; exact enough at the centimetre scale.</summary>
    public static double Metres(Coordinate a, Coordinate b)
    {
        var dy = (a.Y - b.Y) * 110_574;
        var dx = (a.X - b.X) * 111_320 * Math.Cos(a.Y * Math.PI / 180);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static IEnumerable<(double A, double B)> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)));
}
