using System.Globalization;
using System.Text.RegularExpressions;
using ProjNet.CoordinateSystems;

namespace Facilities.Core.Spatial;

/// <summary>
/// Recognises the coordinate system of a .prj file or GeoPackage definition, as agencies deliver them.
/// </summary>
/// <remarks>
/// ASSUMPTION: an ESRI .prj written by GDAL or ArcGIS for VN-2000 names the datum "D_Vietnam_2000" and has no
/// TOWGS84. Parsed literally, such a file would be treated as WGS 84 and land a couple of hundred metres off, so a
/// VN-2000 datum is recognised by its name and mapped to the registry system with the 6960 shift.
/// </remarks>
public static partial class CrsRecognizer
{
    /// <summary>Identifies a WKT (OGC or ESRI flavour) as a known system, or explains why it cannot.</summary>
    /// <param name="wkt">The text of a .prj or a GeoPackage <c>definition</c>.</param>
    /// <param name="definition">The recognised system.</param>
    /// <param name="reason">Why the text was not recognised, when the method returns false.</param>
    public static bool TryRecognise(string wkt, out CrsDefinition definition, out string reason)
    {
        definition = null!;
        reason = "";
        var text = wkt.Trim().TrimStart('\uFEFF');
        if (text.Length == 0)
        {
            reason = "the CRS definition is empty";
            return false;
        }

        // A top-level EPSG authority we know is the most reliable signal.
        var top = TopAuthority().Match(text);
        if (top.Success && int.TryParse(top.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            && CrsRegistry.TryGet(code, out definition))
        {
            return true;
        }

        CoordinateSystem parsed;
        try
        {
            parsed = new CoordinateSystemFactory().CreateFromWkt(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            reason = "the CRS definition could not be parsed (" + e.Message + ")";
            return false;
        }

        switch (parsed)
        {
            case GeographicCoordinateSystem g:
                return Geographic(g.HorizontalDatum.Name, out definition, out reason);
            case ProjectedCoordinateSystem p:
                return Projected(p, out definition, out reason);
            default:
                reason = $"'{parsed.Name}' is neither geographic nor projected";
                return false;
        }
    }

    /// <summary>True when a datum name denotes VN-2000 ("Vietnam_2000", "D_Vietnam_2000", "VN-2000", "VN2000").</summary>
    public static bool IsVn2000Datum(string datumName)
    {
        var n = datumName.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal);
        return n.Contains("vietnam2000", StringComparison.OrdinalIgnoreCase) || n.Contains("vn2000", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsWgs84Datum(string datumName)
    {
        var n = datumName.Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return n.Contains("WGS1984", StringComparison.OrdinalIgnoreCase) || n.Contains("WGS84", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Geographic(string datum, out CrsDefinition definition, out string reason)
    {
        reason = "";
        if (IsVn2000Datum(datum))
        {
            definition = CrsRegistry.Get(CrsRegistry.Vn2000GeographicSrid);
            return true;
        }

        if (IsWgs84Datum(datum))
        {
            definition = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
            return true;
        }

        definition = null!;
        reason = $"geographic datum '{datum}' is neither WGS 84 nor VN-2000";
        return false;
    }

    private static bool Projected(ProjectedCoordinateSystem p, out CrsDefinition definition, out string reason)
    {
        definition = null!;
        reason = "";
        var datum = p.GeographicCoordinateSystem.HorizontalDatum.Name;
        var method = p.Projection.ClassName ?? p.Projection.Name ?? "";
        if (!method.Replace("_", " ", StringComparison.Ordinal).Contains("Transverse Mercator", StringComparison.OrdinalIgnoreCase))
        {
            reason = $"projection '{method}' is not Transverse Mercator (UTM or VN-2000 TM-3)";
            return false;
        }

        var cm = Parameter(p, "central_meridian") ?? 0;
        var k = Parameter(p, "scale_factor") ?? 1;
        var fe = Parameter(p, "false_easting") ?? 0;
        var fn = Parameter(p, "false_northing") ?? 0;
        var lat0 = Parameter(p, "latitude_of_origin") ?? 0;
        var unit = p.LinearUnit.MetersPerUnit;
        if (Math.Abs(fe - 500000) > 1e-6 || Math.Abs(fn) > 1e-6 || Math.Abs(lat0) > 1e-9 || Math.Abs(unit - 1) > 1e-12)
        {
            reason = $"Transverse Mercator with false easting {F(fe)}, false northing {F(fn)}, latitude of origin {F(lat0)} " +
                     $"and unit {F(unit)} m is not a standard UTM or VN-2000 zone";
            return false;
        }

        var isUtmScale = Math.Abs(k - 0.9996) < 1e-9;
        var isTm3Scale = Math.Abs(k - 0.9999) < 1e-9;
        if (IsVn2000Datum(datum))
        {
            if (isUtmScale && Math.Abs(cm - 105) < 1e-9)
            {
                definition = CrsRegistry.Get(3405);
                return true;
            }

            if (isUtmScale && Math.Abs(cm - 111) < 1e-9)
            {
                definition = CrsRegistry.Get(3406);
                return true;
            }

            if (isTm3Scale)
            {
                var srid = CrsRegistry.Tm3SridForCentralMeridian(cm);
                var name = $"VN-2000 / TM-3 central meridian {F(cm)}";
                definition = srid is int s
                    ? CrsRegistry.Get(s)
                    : new CrsDefinition(0, name, CrsRegistry.Vn2000TransverseMercatorWkt(name, cm, 0.9999, 0), false);
                return true;
            }

            reason = $"VN-2000 Transverse Mercator with scale factor {F(k)} is neither TM-3 (0.9999) nor UTM (0.9996)";
            return false;
        }

        if (IsWgs84Datum(datum) && isUtmScale && (Math.Abs(cm - 105) < 1e-9 || Math.Abs(cm - 111) < 1e-9))
        {
            definition = CrsRegistry.Get(Math.Abs(cm - 105) < 1e-9 ? 32648 : 32649);
            return true;
        }

        reason = $"projected system on datum '{datum}' (central meridian {F(cm)}, scale {F(k)}) is not one of {CrsRegistry.KnownCodes()}";
        return false;
    }

    private static double? Parameter(ProjectedCoordinateSystem p, string name)
    {
        for (var i = 0; i < p.Projection.NumParameters; i++)
        {
            var param = p.Projection.GetParameter(i);
            if (string.Equals(param.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return param.Value;
            }
        }

        return null;
    }

    private static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    // The last AUTHORITY of a WKT1 string belongs to the outermost object.
    [GeneratedRegex("AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*\\]\\s*\\]\\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TopAuthority();
}
