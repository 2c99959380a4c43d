using System.Globalization;
using Facilities.Core.Spatial;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Ogc;

/// <summary>
/// A coordinate system the OGC API answers in or takes a bbox in (OGC API – Features Part 2, CRS by reference).
/// Layers are stored in CRS84 (lon, lat); any other CRS is reached with <see cref="Reprojector"/>.
/// </summary>
/// <remarks>
/// Axis order follows the CRS definition, as Part 2 requires (/req/crs/crs-action): EPSG:4326 is latitude, longitude;
/// CRS84 is longitude, latitude; the VN-2000 and UTM systems here are easting, northing (EPSG axis order, checked with
/// <c>projinfo EPSG:9210</c>). GDAL (3.7+) and QGIS (3.28+) swap EPSG:4326 themselves when they ask for it.
/// </remarks>
internal sealed record OgcCrs(string Uri, CrsDefinition Definition, bool LatitudeFirst)
{
    public const string Crs84Uri = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private const string EpsgPrefix = "http://www.opengis.net/def/crs/EPSG/0/";

    /// <summary>CRS84 first (the storage CRS and the default), then the EPSG systems Hải Phòng's data comes in.</summary>
    public static readonly IReadOnlyList<OgcCrs> Supported =
    [
        new(Crs84Uri, CrsRegistry.Get(CrsRegistry.Wgs84Srid), false),
        Epsg(4326, latitudeFirst: true),
        Epsg(9210),
        Epsg(9209),
        Epsg(3405),
        Epsg(3406),
    ];

    public static OgcCrs Crs84 => Supported[0];

    public bool IsCrs84 => Uri == Crs84Uri;

    /// <summary>The URIs, one per line of a message.</summary>
    public static string SupportedList => string.Join(", ", Supported.Select(c => c.Uri));

    /// <summary>
    /// Finds a supported CRS by its OGC URI (http or https), its safe CURIE ("[EPSG:9210]"), "EPSG:9210",
    /// "OGC:CRS84" or "CRS84"; null when unknown.
    /// </summary>
    public static OgcCrs? Parse(string text)
    {
        var t = text.Trim();
        if (t.StartsWith('[') && t.EndsWith(']'))
        {
            t = t[1..^1];
        }

        if (t.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            t = "http://" + t[8..];
        }

        if (t.Equals(Crs84Uri, StringComparison.OrdinalIgnoreCase) || t.Equals("OGC:CRS84", StringComparison.OrdinalIgnoreCase) || t.Equals("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return Crs84;
        }

        string? code = t.StartsWith(EpsgPrefix, StringComparison.OrdinalIgnoreCase) ? t[EpsgPrefix.Length..]
            : t.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) ? t[5..]
            : null;
        return code is not null && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var srid)
            ? Supported.Skip(1).FirstOrDefault(c => c.Definition.Srid == srid)
            : null;
    }

    /// <summary><paramref name="crs84"/> (lon, lat) in this CRS and its axis order: a copy, or itself for CRS84.</summary>
    public Geometry FromCrs84(Geometry crs84)
    {
        if (IsCrs84)
        {
            return crs84;
        }

        var g = Reprojector.Transform(crs84, Crs84.Definition, Definition);
        if (LatitudeFirst)
        {
            g.Apply(SwapAxes.Instance);
            g.GeometryChanged();
        }

        return g;
    }

    /// <summary>A point given in this CRS's axis order, as CRS84 (lon, lat).</summary>
    public (double Lon, double Lat) ToCrs84(double first, double second)
    {
        var (x, y) = LatitudeFirst ? (second, first) : (first, second);
        return Reprojector.Transform(x, y, Definition, Crs84.Definition);
    }

    /// <summary>The Content-Crs header value: the URI in angle brackets.</summary>
    public string Header => "<" + Uri + ">";

    private static OgcCrs Epsg(int srid, bool latitudeFirst = false) =>
        new(EpsgPrefix + srid.ToString(CultureInfo.InvariantCulture), CrsRegistry.Get(srid), latitudeFirst);
}
