using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Draws an inset: a white box with a dark frame, the group's labels on top, its polygons filled by the same classes
/// as the main map, and under them a two-segment scale bar of the inset's own scale with the note that the scale
/// differs from the main map's.
/// </summary>
internal static class InsetPainter
{
    private const float BarHeight = 5;

    /// <summary>Draws <paramref name="inset"/>.</summary>
    public static void Draw(SKCanvas canvas, InsetMap inset, Classification classes, float unit)
    {
        using var paper = new SKPaint { Color = MapColors.Paper, Style = SKPaintStyle.Fill };
        using var frame = new SKPaint { Color = MapColors.Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f * unit, IsAntialias = true };
        canvas.DrawRect(inset.Box, paper);

        canvas.Save();
        canvas.ClipRect(inset.MapArea);
        PolygonPainter.Draw(canvas, inset.Features, classes, inset.Transform, unit);
        canvas.Restore();

        using var captionFont = MapFonts.Create(InsetLayout.CaptionSize * unit, bold: true);
        var y = inset.Box.Top + (InsetLayout.Padding * unit);
        foreach (var line in inset.Caption)
        {
            y = TextPainter.DrawLine(canvas, line, inset.Box.MidX, y, SKTextAlign.Center, captionFont, MapColors.Ink);
        }

        using var noteFont = MapFonts.Create(InsetLayout.NoteSize * unit);
        y = DrawScaleBar(canvas, inset, noteFont, unit);
        foreach (var line in InsetLayout.NoteLines(noteFont, inset.MapArea.Width))
        {
            y = TextPainter.DrawLine(canvas, line, inset.MapArea.Left, y, SKTextAlign.Left, noteFont, MapColors.MutedInk);
        }

        canvas.DrawRect(inset.Box, frame);
    }

    private static float DrawScaleBar(SKCanvas canvas, InsetMap inset, SKFont font, float unit)
    {
        var ppm = inset.Transform.PixelsPerMetre;
        var metres = ScaleBarPainter.LengthMetres(ppm, inset.MapArea.Width * 0.45f);
        var width = (float)(metres * ppm);
        var top = inset.MapArea.Bottom;
        var left = inset.MapArea.Left;
        var bar = SKRect.Create(left, top + ((TextPainter.TextHeight(font) - (BarHeight * unit)) / 2), width, BarHeight * unit);

        using var dark = new SKPaint { Color = MapColors.Ink, Style = SKPaintStyle.Fill };
        using var outline = new SKPaint { Color = MapColors.Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1 * unit, IsAntialias = true };
        canvas.DrawRect(bar with { Right = bar.MidX }, dark);
        canvas.DrawRect(bar, outline);
        var text = ScaleBarPainter.FormatDistance(metres, metres, withUnit: true);
        return TextPainter.DrawLine(canvas, text, bar.Right + (6 * unit), top, SKTextAlign.Left, font, MapColors.Ink);
    }
}
