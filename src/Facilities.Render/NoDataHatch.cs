using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Diagonal hatching over the grey no-data fill, so a ward without data cannot be read as a pale class on screen, in
/// print or in greyscale (docs/deficit.md: missing data is "no data", never zero).
/// </summary>
internal static class NoDataHatch
{
    /// <summary>Hatch line colour: darker than the grey fill, lighter than the outlines.</summary>
    public static readonly SKColor Line = new(0x73, 0x73, 0x73);

    /// <summary>Spacing between hatch lines, in layout units.</summary>
    private const float Spacing = 9;

    /// <summary>Draws the hatching inside <paramref name="path"/> (already filled with <see cref="MapColors.NoData"/>).</summary>
    public static void Draw(SKCanvas canvas, SKPath path, float unit)
    {
        canvas.Save();
        canvas.ClipPath(path, antialias: true);
        Lines(canvas, path.Bounds, unit);
        canvas.Restore();
    }

    /// <summary>Draws the hatching inside a rectangle (the legend swatch).</summary>
    public static void Draw(SKCanvas canvas, SKRect rect, float unit)
    {
        canvas.Save();
        canvas.ClipRect(rect);
        Lines(canvas, rect, unit);
        canvas.Restore();
    }

    private static void Lines(SKCanvas canvas, SKRect box, float unit)
    {
        using var pen = new SKPaint { Color = Line, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1f, 1.2f * unit), IsAntialias = true };
        var step = Math.Max(4f, Spacing * unit);
        // Lines x − y = c at 45°, from the box's lower-left corner to its upper-right one.
        for (var c = box.Left - box.Height; c < box.Right; c += step)
        {
            canvas.DrawLine(c, box.Bottom, c + box.Height, box.Top, pen);
        }
    }
}
