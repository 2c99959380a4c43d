namespace Facilities.Web.Tracker;

/// <summary>What the map shows of a tracker site: the school's name and position (EPSG:4326), when known.</summary>
public sealed record SiteInfo(string Name, double? Lon, double? Lat);
