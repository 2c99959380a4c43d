namespace Facilities.Core.Schema;

/// <summary>Geometry a layer accepts.</summary>
public enum GeometryKind
{
    /// <summary>Points (a MultiPoint of one point is accepted and unwrapped).</summary>
    Point,

    /// <summary>Polygons or MultiPolygons; stored as MultiPolygon.</summary>
    Polygon,

    /// <summary>A point, or a polygon site (schools).</summary>
    PointOrPolygon,
}
