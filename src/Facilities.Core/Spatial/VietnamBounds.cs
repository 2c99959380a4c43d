namespace Facilities.Core.Spatial;

/// <summary>
/// A generous lon/lat box around Vietnam, its islands included, used to catch coordinates that cannot be real:
/// lon/lat swapped, projected metres read as degrees, a wrong CRS.
/// </summary>
/// <remarks>Mainland 102.14–109.47 E, 8.4–23.4 N; Trường Sa reaches about 117.8 E and 6.2 N.</remarks>
public static class VietnamBounds
{
    /// <summary>Westmost plausible longitude, degrees.</summary>
    public const double MinLon = 102.0;

    /// <summary>Eastmost plausible longitude, degrees.</summary>
    public const double MaxLon = 118.0;

    /// <summary>Southmost plausible latitude, degrees.</summary>
    public const double MinLat = 6.0;

    /// <summary>Northmost plausible latitude, degrees.</summary>
    public const double MaxLat = 23.6;

    /// <summary>True when (lon, lat) lies in the box.</summary>
    public static bool Contains(double lon, double lat) => lon is >= MinLon and <= MaxLon && lat is >= MinLat and <= MaxLat;
}
