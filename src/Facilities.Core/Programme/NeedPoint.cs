namespace Facilities.Core.Programme;

/// <summary>One demand point of the catchment method after the allocation to today's schools.</summary>
/// <param name="WardCode">Ward the pupils live in.</param>
/// <param name="X">Easting, metres (metric CRS).</param>
/// <param name="Y">Northing, metres.</param>
/// <param name="RadiusMetres">Service radius of the point's ward type (how far a school may be to serve it).</param>
/// <param name="Unserved">Pupils no school within reach seats (out of reach, or turned away by full schools).</param>
public sealed record NeedPoint(string WardCode, double X, double Y, double RadiusMetres, double Unserved);
