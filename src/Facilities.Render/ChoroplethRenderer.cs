using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Draws a choropleth sheet for a report as PNG: title and subtitle, the polygons filled by class with thin dark
/// outlines and labels where they fit, a legend with a swatch per class and for no data, a north arrow, a round
/// scale bar with the CRS, and footnotes. Features far from the main body (an offshore island district) go into
/// framed insets at their own scale in a free corner of the map (<see cref="InsetPlanner"/>, <see cref="InsetLayout"/>),
/// so the main map is fitted to the main body and its scale bar describes it alone. Text is drawn with a typeface that covers Vietnamese, and the title is
/// checked to have left ink on the sheet.
/// </summary>
public static class ChoroplethRenderer
{
    /// <summary>Free space around the fitted main map, as a fraction of the frame.</summary>
    internal const float FrameMargin = 0.04f;

    /// <summary>Renders the features as a PNG image of <see cref="ChoroplethOptions.WidthPx"/> × <see cref="ChoroplethOptions.HeightPx"/>.</summary>
    /// <param name="features">Polygons in one metric CRS (metres, x = easting).</param>
    /// <param name="options">Texts, size and classification.</param>
    /// <exception cref="ArgumentException">A geometry is neither a polygon nor a multipolygon.</exception>
    /// <exception cref="InvalidOperationException">No font can draw the text, or the title left no ink.</exception>
    public static byte[] RenderPng(IReadOnlyList<MapFeature> features, ChoroplethOptions options) => Render(features, options).Png;

    /// <summary>Renders and returns the sheet with its layout, transform and classes.</summary>
    internal static RenderedMap Render(IReadOnlyList<MapFeature> features, ChoroplethOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var f in features)
        {
            if (f?.Geometry is null || !(f.Geometry.IsEmpty || f.Geometry is IPolygonal))
            {
                throw new ArgumentException(
                    $"Feature '{f?.Label}' has a {f?.Geometry?.GeometryType ?? "null"} geometry; a choropleth needs polygons.", nameof(features));
            }
        }

        var classes = Classification.Create(features.Select(f => f.Value), options.Diverging);
        var layout = new MapLayout(options, (unit, width) => LegendPainter.Measure(classes, options, unit, width));
        var u = layout.Unit;

        using var bitmap = new SKBitmap(new SKImageInfo(options.WidthPx, options.HeightPx, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(MapColors.Paper);

        DrawTitle(canvas, layout);
        canvas.Flush();
        if (layout.TitleLines.Count > 0 && !HasInk(bitmap, layout.TitleBand))
        {
            throw new InvalidOperationException(
                $"The title left no ink on the sheet (typeface '{MapFonts.Regular.FamilyName}'); text rendering is broken.");
        }

        var drawn = features.Where(f => !f.Geometry.IsEmpty).ToList();
        MapTransform? transform = null;
        var labels = 0;
        IReadOnlyList<InsetMap> insets = [];
        canvas.Save();
        canvas.ClipRect(layout.MapFrame);
        if (drawn.Count > 0)
        {
            var plan = InsetPlanner.Plan(drawn, layout.MapFrame, FrameMargin);
            var placed = new InsetLayout(plan, layout.MapFrame, u, FrameMargin);
            transform = placed.MainTransform;
            insets = placed.Insets;
            PolygonPainter.Draw(canvas, plan.Main, classes, transform, u);
            labels = LabelPainter.Draw(canvas, plan.Main, transform, layout.MapFrame, u);
            foreach (var inset in insets)
            {
                InsetPainter.Draw(canvas, inset, classes, u);
            }
        }
        else
        {
            using var font = MapFonts.Create(MapLayout.SubtitleSize * u);
            TextPainter.DrawLine(canvas, MapText.NoFeatures(options.Language), layout.MapFrame.MidX, layout.MapFrame.MidY, SKTextAlign.Center, font, MapColors.MutedInk);
        }

        canvas.Restore();
        using (var frame = new SKPaint { Color = MapColors.Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f * u, IsAntialias = true })
        {
            canvas.DrawRect(layout.MapFrame, frame);
        }

        LegendPainter.Draw(canvas, layout.LegendBox, classes, options, u);
        NorthArrowPainter.Draw(canvas, layout.NorthArrowBox, u, MapText.North(options.Language));
        if (transform is not null)
        {
            ScaleBarPainter.Draw(canvas, layout.ScaleBarBox, transform.PixelsPerMetre, drawn[0].Geometry.SRID, u, MapText.Crs(options.Language));
        }

        DrawFootnotes(canvas, layout);
        canvas.Flush();
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return new RenderedMap(data.ToArray(), layout, transform, classes, labels, insets);
    }

    private static void DrawTitle(SKCanvas canvas, MapLayout layout)
    {
        using var title = MapFonts.Create(MapLayout.TitleSize * layout.Unit, bold: true);
        using var subtitle = MapFonts.Create(MapLayout.SubtitleSize * layout.Unit);
        var x = layout.Size.Width / 2f;
        var y = layout.Margin;
        layout.TitleLines.ForEach(line => y = TextPainter.DrawLine(canvas, line, x, y, SKTextAlign.Center, title, MapColors.Ink));
        layout.SubtitleLines.ForEach(line => y = TextPainter.DrawLine(canvas, line, x, y, SKTextAlign.Center, subtitle, MapColors.MutedInk));
    }

    private static void DrawFootnotes(SKCanvas canvas, MapLayout layout)
    {
        using var font = MapFonts.Create(MapLayout.FootnoteSize * layout.Unit);
        var y = layout.Size.Height - layout.Margin - (layout.FootnoteLines.Count * TextPainter.LineStep(font));
        layout.FootnoteLines.ForEach(line => y = TextPainter.DrawLine(canvas, line, layout.Margin, y, SKTextAlign.Left, font, MapColors.MutedInk));
    }

    private static bool HasInk(SKBitmap bitmap, SKRect area)
    {
        var rect = SKRectI.Intersect(SKRectI.Round(area), new SKRectI(0, 0, bitmap.Width, bitmap.Height));
        for (var y = rect.Top; y < rect.Bottom; y++)
        {
            for (var x = rect.Left; x < rect.Right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 128 && c.Green < 128 && c.Blue < 128)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
