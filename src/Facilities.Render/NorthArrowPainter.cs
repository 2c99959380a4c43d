using SkiaSharp;

namespace Facilities.Render;

/// <summary>A north arrow (a letter, "B" for Bắc or "N", over a half-filled arrow); grid north is up because y is northing.</summary>
internal static class NorthArrowPainter
{
    /// <summary>Draws the arrow centred in <paramref name="box"/> under <paramref name="letter"/>.</summary>
    public static void Draw(SKCanvas canvas, SKRect box, float unit, string letter = "B")
    {
        using var font = MapFonts.Create(26 * unit, bold: true);
        var letterTop = box.Top;
        TextPainter.DrawLine(canvas, letter, box.MidX, letterTop, SKTextAlign.Center, font, MapColors.Ink);

        var tipY = letterTop + TextPainter.TextHeight(font) + (4 * unit);
        var baseY = Math.Max(tipY + (20 * unit), box.Bottom);
        var halfWidth = 20 * unit;
        var notchY = baseY - ((baseY - tipY) * 0.25f);
        var tip = new SKPoint(box.MidX, tipY);
        var notch = new SKPoint(box.MidX, notchY);

        using var left = new SKPath();
        left.MoveTo(tip);
        left.LineTo(box.MidX - halfWidth, baseY);
        left.LineTo(notch);
        left.Close();
        using var right = new SKPath();
        right.MoveTo(tip);
        right.LineTo(box.MidX + halfWidth, baseY);
        right.LineTo(notch);
        right.Close();

        using var ink = new SKPaint { Color = MapColors.Ink, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var paper = new SKPaint { Color = MapColors.Paper, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var outline = new SKPaint
        {
            Color = MapColors.Ink,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 1.5f * unit,
            IsAntialias = true,
            StrokeJoin = SKStrokeJoin.Miter,
        };
        canvas.DrawPath(left, ink);
        canvas.DrawPath(right, paper);
        canvas.DrawPath(left, outline);
        canvas.DrawPath(right, outline);
    }
}
