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

        var classes = Classification.Create(
            features.Select(f => f.Value), options.Diverging, options.ClassMethod, (x, d) => MapText.Number(x, d, options.Language));
        float LegendHeight(float unit, float width) => LegendPainter.Measure(classes, options, unit, width);
        var drawn = features.Where(f => !f.Geometry.IsEmpty).ToList();

        // Names that do not fit get numbers and a key: in the panel when it is short, else in a band under the map
        // (which shortens the map, so the names are placed again and the band sized again, until it holds the key).
        var layout = new MapLayout(options, LegendHeight);
        var sheet = Plan(drawn, layout);
        var keyBox = layout.PanelGap;
        if (sheet.Key.Count > 0 && KeyListPainter.Measure(sheet.Key, keyBox.Width, layout.Unit, options.Language) > keyBox.Height)
        {
            var band = 0f;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var width = layout.MapFrame.Width;
                var need = KeyListPainter.Measure(sheet.Key, width, layout.Unit, options.Language) + (4 * layout.Unit);
                if (band > 0 && need <= layout.KeyBand.Height)
                {
                    break;
                }

                band = Math.Max(band, need);
                layout = new MapLayout(options, LegendHeight, band);
                sheet = Plan(drawn, layout);
                keyBox = layout.KeyBand;
            }
        }

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

        var transform = sheet.Transform;
        canvas.Save();
        canvas.ClipRect(layout.MapFrame);
        if (transform is not null)
        {
            PolygonPainter.Draw(canvas, sheet.Main, classes, transform, u);
            LabelPainter.Draw(canvas, sheet.Labels.Placed, u);
            KeyNumberPainter.Draw(canvas, sheet.Key, u);
            foreach (var inset in sheet.Insets)
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
        KeyListPainter.Draw(canvas, keyBox, sheet.Key, u, options.Language);
        NorthArrowPainter.Draw(canvas, layout.NorthArrowBox, u, MapText.North(options.Language));
        if (transform is not null)
        {
            ScaleBarPainter.Draw(canvas, layout.ScaleBarBox, transform.PixelsPerMetre, drawn[0].Geometry.SRID, u, MapText.Crs(options.Language));
        }

        DrawFootnotes(canvas, layout);
        canvas.Flush();
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return new RenderedMap(data.ToArray(), layout, transform, classes, sheet.Labels.Placed.Count, sheet.Insets)
        {
            Labels = sheet.Labels.Placed,
            Key = sheet.Key,
            KeyBox = keyBox,
        };
    }

    private static SheetPlan Plan(List<MapFeature> drawn, MapLayout layout)
    {
        if (drawn.Count == 0)
        {
            return new SheetPlan([], null, [], new LabelPlan([], []), []);
        }

        var plan = InsetPlanner.Plan(drawn, layout.MapFrame, FrameMargin);
        var placed = new InsetLayout(plan, layout.MapFrame, layout.Unit, FrameMargin);
        var labels = LabelPainter.Plan(plan.Main, placed.MainTransform, layout.MapFrame, layout.Unit);
        var key = KeyNumberPainter.Place(labels, layout.MapFrame, layout.Unit);
        return new SheetPlan(plan.Main, placed.MainTransform, placed.Insets, labels, key);
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
