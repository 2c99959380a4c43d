namespace Facilities.Formats.Readers.Tables;

/// <summary>What a pair of coordinate columns (first, second) holds.</summary>
public enum AxisOrder
{
    /// <summary>Longitude, latitude in degrees.</summary>
    LonLat,

    /// <summary>Latitude, longitude in degrees (columns named X/Y but written the other way round).</summary>
    LatLon,

    /// <summary>Easting, northing in metres (GIS order: X = east).</summary>
    EastingNorthing,

    /// <summary>Northing, easting in metres: the Vietnamese surveyors' X = north, Y = east.</summary>
    NorthingEasting,
}
