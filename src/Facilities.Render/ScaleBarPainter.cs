using System.Globalization;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>A scale bar of a round length (1, 2 or 5 × 10^k metres) in four alternating segments, with the CRS under it.</summary>
internal static class ScaleBarPainter
{
    private const int Segments = 4;

    /// <summary>The round bar length in metres that fits <paramref name="maxPixels"/> at the given scale.</summary>
    public static double LengthMetres(double pixelsPerMetre, float maxPixels) => NiceNumbers.Floor(maxPixels / pixelsPerMetre);

    /// <summary>Distance text in kilometres when <paramref name="barMetres"/> is 1 km or more, else in metres.</summary>
    public static string FormatDistance(double metres, double barMetres, bool withUnit)
    {
        var km = barMetres >= 1000;
        var value = km ? metres / 1000 : metres;
        var text = NiceNumbers.Format(value, value == Math.Round(value) ? 0 : value * 10 == Math.Round(value * 10) ? 1 : 2);
        return withUnit ? text + (km ? " km" : " m") : text;
    }

    /// <summary>Draws the bar centred in <paramref name="box"/>, and the CRS note (<paramref name="crsLabel"/>: EPSG:n) when the SRID is known.</summary>
    public static void Draw(SKCanvas canvas, SKRect box, double pixelsPerMetre, int srid, float unit, string crsLabel = "Hệ tọa độ / CRS")
    {
        using var font = MapFonts.Create(MapLayout.SmallSize * unit);
        var unitLabelWidth = font.MeasureText(" km") + (8 * unit);
        var metres = LengthMetres(pixelsPerMetre, box.Width - (2 * 16 * unit) - unitLabelWidth);
        var maxMetres = LengthMetres(pixelsPerMetre, box.Width * 0.8f);
        metres = Math.Min(metres, maxMetres);
        var width = (float)(metres * pixelsPerMetre);
        var left = box.MidX - (width / 2);
        var labelTop = box.Top + (4 * unit);
        var barTop = labelTop + TextPainter.TextHeight(font) + (6 * unit);
        var barHeight = 10 * unit;

        using var dark = new SKPaint { Color = MapColors.Ink, Style = SKPaintStyle.Fill };
        using var light = new SKPaint { Color = MapColors.Paper, Style = SKPaintStyle.Fill };
        using var outline = new SKPaint { Color = MapColors.Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f * unit, IsAntialias = true };
        var segment = width / Segments;
        for (var i = 0; i < Segments; i++)
        {
            var rect = SKRect.Create(left + (i * segment), barTop, segment, barHeight);
            canvas.DrawRect(rect, i % 2 == 0 ? dark : light);
        }

        canvas.DrawRect(SKRect.Create(left, barTop, width, barHeight), outline);

        TextPainter.DrawLine(canvas, "0", left, labelTop, SKTextAlign.Center, font, MapColors.Ink);
        TextPainter.DrawLine(canvas, FormatDistance(metres / 2, metres, false), left + (width / 2), labelTop, SKTextAlign.Center, font, MapColors.Ink);
        var end = FormatDistance(metres, metres, true);
        var number = end[..end.LastIndexOf(' ')];
        TextPainter.DrawLine(canvas, number, left + width, labelTop, SKTextAlign.Center, font, MapColors.Ink);
        TextPainter.DrawLine(canvas, end[number.Length..], left + width + (font.MeasureText(number) / 2), labelTop, SKTextAlign.Left, font, MapColors.Ink);

        if (srid > 0)
        {
            var note = crsLabel + ": EPSG:" + srid.ToString(CultureInfo.InvariantCulture);
            TextPainter.DrawLine(canvas, note, box.MidX, barTop + barHeight + (12 * unit), SKTextAlign.Center, font, MapColors.MutedInk);
        }
    }
}
