using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Metres to pixels: the features' envelope (plus a margin) fitted into the map frame with one scale for x and y
/// (metres are square), centred; x = easting grows right, y = northing grows up.
/// </summary>
internal sealed class MapTransform
{
    private readonly double _originX;
    private readonly double _originY;
    private readonly float _left;
    private readonly float _bottom;

    private MapTransform(double originX, double originY, double scale, float left, float bottom)
    {
        _originX = originX;
        _originY = originY;
        PixelsPerMetre = scale;
        _left = left;
        _bottom = bottom;
    }

    /// <summary>Pixels per metre, the same on both axes.</summary>
    public double PixelsPerMetre { get; }

    /// <summary>Fits <paramref name="world"/> into <paramref name="frame"/>, leaving <paramref name="marginFraction"/> of the frame free on each side.</summary>
    public static MapTransform Fit(Envelope world, SKRect frame, float marginFraction)
    {
        var inner = SKRect.Inflate(frame, -frame.Width * marginFraction, -frame.Height * marginFraction);
        var span = Math.Max(world.Width, world.Height);
        var width = world.Width > 0 ? world.Width : Math.Max(span, 1);
        var height = world.Height > 0 ? world.Height : Math.Max(span, 1);
        var scale = Math.Min(inner.Width / width, inner.Height / height);
        var originX = world.Centre.X - (inner.Width / 2 / scale);
        var originY = world.Centre.Y - (inner.Height / 2 / scale);
        return new MapTransform(originX, originY, scale, inner.Left, inner.Bottom);
    }

    /// <summary>The pixel of a map coordinate.</summary>
    public SKPoint ToPixel(double x, double y) =>
        new((float)(_left + ((x - _originX) * PixelsPerMetre)), (float)(_bottom - ((y - _originY) * PixelsPerMetre)));

    /// <summary>The map coordinate of a pixel.</summary>
    public Coordinate ToWorld(float px, float py) =>
        new(_originX + ((px - _left) / PixelsPerMetre), _originY + ((_bottom - py) / PixelsPerMetre));

    /// <summary>A path of the polygons of a geometry (even-odd, so holes stay empty); other parts are ignored.</summary>
    public SKPath ToPath(Geometry geometry)
    {
        var path = new SKPath { FillType = SKPathFillType.EvenOdd };
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon polygon:
                    AddRing(path, polygon.ExteriorRing);
                    foreach (var hole in polygon.InteriorRings)
                    {
                        AddRing(path, hole);
                    }

                    break;
                case GeometryCollection nested when !ReferenceEquals(nested, geometry):
                    path.AddPath(ToPath(nested));
                    break;
            }
        }

        return path;
    }

    private void AddRing(SKPath path, LineString ring)
    {
        var sequence = ring.CoordinateSequence;
        if (sequence.Count < 3)
        {
            return;
        }

        path.MoveTo(ToPixel(sequence.GetX(0), sequence.GetY(0)));
        for (var i = 1; i < sequence.Count; i++)
        {
            path.LineTo(ToPixel(sequence.GetX(i), sequence.GetY(i)));
        }

        path.Close();
    }
}
