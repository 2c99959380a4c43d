using Facilities.Core.Schema;

namespace Facilities.Formats.Readers.Tables;

/// <summary>
/// Recognises geometry columns by header: WKT, lon/lat and X/Y in their Vietnamese dress ("Tọa độ X",
/// "Toạ độ Y (VN-2000)", "X (m)", "Tọa độ VN-2000 X" from a two-row header, "Kinh độ"/"Vĩ độ").
/// </summary>
public static class GeometryColumnNames
{
    /// <summary>Every accepted form, for messages.</summary>
    public const string Forms = "WKT (wkt, geometry), lon/lat (lon, lat, longitude, latitude, Kinh độ, Vĩ độ), X/Y (X, Y, Tọa độ X, Tọa độ Y, X (m), Toạ độ Y (VN-2000))";

    private static readonly HashSet<string> Wkt = ["wkt", "geometry", "geom", "the_geom", "hinh_hoc"];
    private static readonly HashSet<string> Lon = ["lon", "lng", "long", "longitude", "kinh_do"];
    private static readonly HashSet<string> Lat = ["lat", "latitude", "vi_do"];

    // Decorations around the axis letter: "toạ độ", the datum, the unit.
    private static readonly HashSet<string> Noise = ["vn", "2000", "vn2000", "m", "met", "wgs", "84", "wgs84", "he"];

    /// <summary>The role of a column named <paramref name="header"/>.</summary>
    public static GeometryRole Classify(string header)
    {
        var key = NameNormalizer.Normalize(header);
        if (Wkt.Contains(key))
        {
            return GeometryRole.Wkt;
        }

        var tokens = key.Split('_', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i] == "toa" && tokens[i + 1] == "do")
            {
                tokens.RemoveRange(i, 2);
                break;
            }
        }

        tokens.RemoveAll(Noise.Contains);
        var core = string.Join('_', tokens);
        return core switch
        {
            "x" => GeometryRole.X,
            "y" => GeometryRole.Y,
            _ when Lon.Contains(core) => GeometryRole.Lon,
            _ when Lat.Contains(core) => GeometryRole.Lat,
            _ => GeometryRole.None,
        };
    }
}
