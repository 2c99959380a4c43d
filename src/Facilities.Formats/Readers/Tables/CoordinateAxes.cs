namespace Facilities.Formats.Readers.Tables;

/// <summary>
/// Tells from the values what two columns named X and Y hold. In Vietnam the ranges do not overlap: longitude
/// 100–115°, latitude 5–25°, a VN-2000 TM-3 easting 300–700 km (false easting 500 km), a northing 900–2,600 km.
/// </summary>
public static class CoordinateAxes
{
    /// <summary>The order most rows agree on, or null when no row has a recognisable pair.</summary>
    public static AxisOrder? Detect(IEnumerable<(double First, double Second)> pairs)
    {
        var votes = new int[4];
        foreach (var (a, b) in pairs)
        {
            if (IsLon(a) && IsLat(b))
            {
                votes[(int)AxisOrder.LonLat]++;
            }
            else if (IsLat(a) && IsLon(b))
            {
                votes[(int)AxisOrder.LatLon]++;
            }
            else if (IsEasting(a) && IsNorthing(b))
            {
                votes[(int)AxisOrder.EastingNorthing]++;
            }
            else if (IsNorthing(a) && IsEasting(b))
            {
                votes[(int)AxisOrder.NorthingEasting]++;
            }
        }

        var max = votes.Max();
        return max == 0 ? null : (AxisOrder)Array.IndexOf(votes, max);
    }

    /// <summary>Whether the order is in metres (needs a projected CRS).</summary>
    public static bool IsProjected(AxisOrder order) => order is AxisOrder.EastingNorthing or AxisOrder.NorthingEasting;

    /// <summary>(x, y) in the CRS's own axis order (lon/lat or easting/northing) from a (first, second) pair.</summary>
    public static (double X, double Y) Reorder(AxisOrder order, double first, double second) =>
        order is AxisOrder.LatLon or AxisOrder.NorthingEasting ? (second, first) : (first, second);

    private static bool IsLon(double v) => v is >= 100 and <= 115;

    private static bool IsLat(double v) => v is >= 5 and <= 25;

    private static bool IsEasting(double v) => v is >= 300_000 and <= 700_000;

    private static bool IsNorthing(double v) => v is >= 900_000 and <= 2_600_000;
}
