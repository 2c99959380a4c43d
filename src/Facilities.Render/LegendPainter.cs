using System.Globalization;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// The legend box: its title, one swatch per class from the highest values down with its value range and feature
/// count, the shortage/surplus captions of a diverging map, and the no-data swatch.
/// </summary>
internal static class LegendPainter
{
    private const float Padding = 16;
    private const float TitleSize = 20;
    private const float LabelSize = 18;
    private const float CaptionSize = 15;
    private const float RowHeight = 32;
    private const float SwatchWidth = 44;
    private const float SwatchHeight = 22;

    /// <summary>Height the legend needs at the given unit and width.</summary>
    public static float Measure(Classification classes, ChoroplethOptions options, float unit, float width)
    {
        using var title = MapFonts.Create(TitleSize * unit, bold: true);
        using var caption = MapFonts.Create(CaptionSize * unit);
        var lines = TextPainter.Wrap(options.LegendTitle, title, width - (2 * Padding * unit));
        var method = TextPainter.Wrap(MapText.Classes(classes.Method, options.Language), caption, width - (2 * Padding * unit));
        var height = (2 * Padding * unit) + (lines.Count * TextPainter.LineStep(title)) + (method.Count * TextPainter.LineStep(caption)) + (8 * unit);
        height += ((classes.HasPositiveClasses ? 1 : 0) + (classes.HasNegativeClasses ? 1 : 0)) * TextPainter.LineStep(caption);

        return height + ((classes.Classes.Count + 1) * RowHeight * unit) + (classes.Classes.Count > 0 ? 10 * unit : 0);
    }

    /// <summary>Draws the legend into <paramref name="box"/>.</summary>
    public static void Draw(SKCanvas canvas, SKRect box, Classification classes, ChoroplethOptions options, float unit)
    {
        using var fill = new SKPaint { Color = MapColors.Paper, Style = SKPaintStyle.Fill };
        using var border = new SKPaint { Color = MapColors.Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f * unit, IsAntialias = true };
        canvas.DrawRect(box, fill);
        canvas.DrawRect(box, border);

        using var title = MapFonts.Create(TitleSize * unit, bold: true);
        using var label = MapFonts.Create(LabelSize * unit);
        using var caption = MapFonts.Create(CaptionSize * unit);
        var left = box.Left + (Padding * unit);
        var right = box.Right - (Padding * unit);
        var y = box.Top + (Padding * unit);
        foreach (var line in TextPainter.Wrap(options.LegendTitle, title, right - left))
        {
            y = TextPainter.DrawLine(canvas, line, left, y, SKTextAlign.Left, title, MapColors.Ink);
        }

        // The classing method is named, so a reader knows the colours split the wards by their spread, not at fixed steps.
        foreach (var line in TextPainter.Wrap(MapText.Classes(classes.Method, options.Language), caption, right - left))
        {
            y = TextPainter.DrawLine(canvas, line, left, y, SKTextAlign.Left, caption, MapColors.MutedInk);
        }

        y += 8 * unit;
        if (classes.HasPositiveClasses)
        {
            y = TextPainter.DrawLine(canvas, MapText.ShortageCaption(options.Language), left, y, SKTextAlign.Left, caption, MapColors.MutedInk);
        }

        for (var i = classes.Classes.Count - 1; i >= 0; i--)
        {
            var c = classes.Classes[i];
            var count = "(" + c.Count.ToString(CultureInfo.InvariantCulture) + ")";
            y = Row(canvas, c.Color, c.Label, count, left, right, y, unit, label, caption);
        }

        if (classes.HasNegativeClasses)
        {
            y = TextPainter.DrawLine(canvas, MapText.SurplusCaption(options.Language), left, y, SKTextAlign.Left, caption, MapColors.MutedInk);
        }

        y += classes.Classes.Count > 0 ? 10 * unit : 0;
        var noData = "(" + classes.NoDataCount.ToString(CultureInfo.InvariantCulture) + ")";
        Row(canvas, MapColors.NoData, options.NoDataLabel, noData, left, right, y, unit, label, caption, hatched: true);
    }

    private static float Row(
        SKCanvas canvas, SKColor color, string text, string count, float left, float right, float top, float unit, SKFont label, SKFont small,
        bool hatched = false)
    {
        var swatch = SKRect.Create(left, top + (((RowHeight - SwatchHeight) / 2) * unit), SwatchWidth * unit, SwatchHeight * unit);
        using var fill = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        using var outline = new SKPaint { Color = MapColors.Outline, Style = SKPaintStyle.Stroke, StrokeWidth = 1 * unit, IsAntialias = true };
        canvas.DrawRect(swatch, fill);
        if (hatched)
        {
            NoDataHatch.Draw(canvas, swatch, unit);
        }

        canvas.DrawRect(swatch, outline);

        var middle = top + (RowHeight * unit / 2);
        var textLeft = swatch.Right + (12 * unit);
        TextPainter.DrawLine(canvas, text, textLeft, middle - (TextPainter.TextHeight(label) / 2), SKTextAlign.Left, label, MapColors.Ink);
        if (count.Length > 0)
        {
            TextPainter.DrawLine(canvas, count, right, middle - (TextPainter.TextHeight(small) / 2), SKTextAlign.Right, small, MapColors.MutedInk);
        }

        return top + (RowHeight * unit);
    }
}
