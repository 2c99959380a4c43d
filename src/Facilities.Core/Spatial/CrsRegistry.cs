using System.Globalization;

namespace Facilities.Core.Spatial;

/// <summary>
/// The coordinate systems Vietnamese planning data arrives in: WGS 84, WGS 84 / UTM 48N and 49N, and
/// VN-2000 (geographic, UTM and the provincial TM-3 zones EPSG:9205–9218).
/// </summary>
/// <remarks>
/// VN-2000 parameters: EPSG dataset v10 (Debian proj-data), transformation 6960 "VN-2000 to WGS 84 (2)".
/// EPSG publishes its rotations in the coordinate-frame convention; WKT1's TOWGS84 is position-vector, so the
/// rotation signs here are the negated EPSG values, exactly what <c>projinfo EPSG:9210 -o PROJ</c> prints.
/// Copying the EPSG signs verbatim (a common mistake) moves central Hải Phòng by about 0.75 m.
/// The local central meridian per province comes from Circular 973/2001/TT-TCĐC, appendix; Hải Phòng
/// uses 105°45′ (EPSG:9210) and the former Hải Dương 105°30′ (EPSG:9209).
/// </remarks>
public static class CrsRegistry
{
    /// <summary>WGS 84 geographic, the CRS every dataset layer is stored in.</summary>
    public const int Wgs84Srid = 4326;

    /// <summary>VN-2000 geographic.</summary>
    public const int Vn2000GeographicSrid = 4756;

    /// <summary>TOWGS84 (position-vector) parameters of EPSG transformation 6960.</summary>
    public const string Vn2000ToWgs84 =
        "-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278";

    private const string Wgs84Spheroid = "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]]";

    // EPSG code → central meridian of the VN-2000 TM-3 zones (k = 0.9999), from the EPSG dataset.
    private static readonly (int Srid, double CentralMeridian)[] Tm3Zones =
    [
        (9205, 103.0), (9206, 104.0), (9207, 104.5), (9208, 104.75), (9209, 105.5), (9210, 105.75),
        (9211, 106.0), (9212, 106.25), (9213, 106.5), (9214, 107.0), (9215, 107.25), (9216, 107.5),
        (9217, 108.25), (9218, 108.5),
    ];

    private static readonly Dictionary<int, CrsDefinition> Known = Build();

    /// <summary>All systems known by EPSG code, in code order.</summary>
    public static IReadOnlyList<CrsDefinition> All => [.. Known.Values.OrderBy(d => d.Srid)];

    /// <summary>Finds a known system by EPSG code.</summary>
    public static bool TryGet(int srid, out CrsDefinition definition) => Known.TryGetValue(srid, out definition!);

    /// <summary>Finds a known system by EPSG code, or throws <see cref="ArgumentException"/> naming the known ones.</summary>
    public static CrsDefinition Get(int srid) => TryGet(srid, out var d)
        ? d
        : throw new ArgumentException($"EPSG:{srid} is not a coordinate system this tool knows; known: {KnownCodes()}.");

    /// <summary>Parses "EPSG:9210", "epsg:9210" or "9210".</summary>
    public static CrsDefinition Parse(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase))
        {
            t = t[5..];
        }

        return int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var srid)
            ? Get(srid)
            : throw new ArgumentException($"'{text}' is not a CRS code; write it as EPSG:<number>, e.g. EPSG:9210.");
    }

    /// <summary>The VN-2000 TM-3 zone with this central meridian, if EPSG defines one.</summary>
    public static int? Tm3SridForCentralMeridian(double centralMeridianDegrees)
    {
        foreach (var (srid, cm) in Tm3Zones)
        {
            if (Math.Abs(cm - centralMeridianDegrees) < 1e-9)
            {
                return srid;
            }
        }

        return null;
    }

    /// <summary>Comma-separated list of the known EPSG codes, for messages.</summary>
    public static string KnownCodes() => string.Join(", ", Known.Keys.Order().Select(k => k.ToString(CultureInfo.InvariantCulture)));

    /// <summary>WKT1 of a VN-2000 Transverse Mercator system with the 6960 shift.</summary>
    public static string Vn2000TransverseMercatorWkt(string name, double centralMeridian, double scaleFactor, int srid) =>
        "PROJCS[\"" + name + "\"," + Vn2000GeogCs() +
        ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0]," +
        "PARAMETER[\"central_meridian\"," + F(centralMeridian) + "],PARAMETER[\"scale_factor\"," + F(scaleFactor) + "]," +
        "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]]," +
        "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]" + Authority(srid) + "]";

    private static Dictionary<int, CrsDefinition> Build()
    {
        var d = new Dictionary<int, CrsDefinition>
        {
            [Wgs84Srid] = new(Wgs84Srid, "WGS 84", Wgs84GeogCs(), true),
            [Vn2000GeographicSrid] = new(Vn2000GeographicSrid, "VN-2000", Vn2000GeogCs(), true),
            [32648] = new(32648, "WGS 84 / UTM zone 48N", Wgs84UtmWkt(48), false),
            [32649] = new(32649, "WGS 84 / UTM zone 49N", Wgs84UtmWkt(49), false),
            [3405] = new(3405, "VN-2000 / UTM zone 48N", Vn2000TransverseMercatorWkt("VN-2000 / UTM zone 48N", 105, 0.9996, 3405), false),
            [3406] = new(3406, "VN-2000 / UTM zone 49N", Vn2000TransverseMercatorWkt("VN-2000 / UTM zone 49N", 111, 0.9996, 3406), false),
        };
        foreach (var (srid, cm) in Tm3Zones)
        {
            var name = $"VN-2000 / TM-3 {DegreesMinutes(cm)}";
            d[srid] = new(srid, name, Vn2000TransverseMercatorWkt(name, cm, 0.9999, srid), false);
        }

        return d;
    }

    private static string Wgs84GeogCs() =>
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\"," + Wgs84Spheroid + ",AUTHORITY[\"EPSG\",\"6326\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," +
        "AXIS[\"Longitude\",EAST],AXIS[\"Latitude\",NORTH],AUTHORITY[\"EPSG\",\"4326\"]]";

    private static string Vn2000GeogCs() =>
        "GEOGCS[\"VN-2000\",DATUM[\"Vietnam_2000\"," + Wgs84Spheroid + ",TOWGS84[" + Vn2000ToWgs84 + "],AUTHORITY[\"EPSG\",\"6756\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," +
        "AXIS[\"Longitude\",EAST],AXIS[\"Latitude\",NORTH],AUTHORITY[\"EPSG\",\"4756\"]]";

    private static string Wgs84UtmWkt(int zone) =>
        "PROJCS[\"WGS 84 / UTM zone " + zone.ToString(CultureInfo.InvariantCulture) + "N\"," + Wgs84GeogCs() +
        ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0]," +
        "PARAMETER[\"central_meridian\"," + F((zone * 6) - 183) + "],PARAMETER[\"scale_factor\",0.9996]," +
        "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]]," +
        "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]" + Authority(32600 + zone) + "]";

    private static string Authority(int srid) => srid > 0 ? ",AUTHORITY[\"EPSG\",\"" + srid.ToString(CultureInfo.InvariantCulture) + "\"]" : "";

    private static string DegreesMinutes(double degrees)
    {
        var whole = (int)Math.Floor(degrees);
        var minutes = (int)Math.Round((degrees - whole) * 60);
        return string.Create(CultureInfo.InvariantCulture, $"{whole}-{minutes:00}");
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
