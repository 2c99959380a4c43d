using SkiaSharp;

namespace Facilities.Render;

/// <summary>Fills polygons by class (no data in hatched grey) and then draws all their thin dark outlines on top.</summary>
internal static class PolygonPainter
{
    /// <summary>Draws the features with the given transform; the caller clips.</summary>
    public static void Draw(SKCanvas canvas, IReadOnlyList<MapFeature> features, Classification classes, MapTransform transform, float unit)
    {
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var outline = new SKPaint
        {
            Color = MapColors.Outline,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = Math.Max(1f, 1.1f * unit),
            StrokeJoin = SKStrokeJoin.Round,
            IsAntialias = true,
        };
        var paths = features.Select(f => (Path: transform.ToPath(f.Geometry), Class: classes.ClassOf(f.Value))).ToList();
        foreach (var (path, c) in paths)
        {
            fill.Color = c?.Color ?? MapColors.NoData;
            canvas.DrawPath(path, fill);
            if (c is null)
            {
                NoDataHatch.Draw(canvas, path, unit);
            }
        }

        foreach (var (path, _) in paths)
        {
            canvas.DrawPath(path, outline);
            path.Dispose();
        }
    }
}
