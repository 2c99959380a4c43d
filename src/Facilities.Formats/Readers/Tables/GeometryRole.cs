namespace Facilities.Formats.Readers.Tables;

/// <summary>What a column says about the geometry, from its header.</summary>
public enum GeometryRole
{
    /// <summary>An attribute column.</summary>
    None,

    /// <summary>Well-known text.</summary>
    Wkt,

    /// <summary>Longitude in degrees (lon, kinh_do).</summary>
    Lon,

    /// <summary>Latitude in degrees (lat, vi_do).</summary>
    Lat,

    /// <summary>A column named X: longitude, easting or (the Vietnamese surveyors' way) northing, told by its values.</summary>
    X,

    /// <summary>A column named Y: latitude, northing or (the Vietnamese surveyors' way) easting, told by its values.</summary>
    Y,
}
