using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Draws the proposal map as a PNG: a title, one panel per level (2 columns) at a common scale showing ward
/// outlines, the project boundary and its buffer, the candidate parcels, the demand points coloured by the site
/// they go to (hollow when not covered), the chosen sites numbered by rank with their service radius; below, a
/// legend, a scale bar with the CRS, a north arrow and the footnote.
/// </summary>
public static class ProposalMapRenderer
{
    private const float TitleBand = 96;
    private const float BottomBand = 170;
    private const float PanelHeader = 34;
    private const float Gutter = 16;

    /// <summary>Site colours (ColorBrewer Set1 without yellow), cycled by rank.</summary>
    internal static readonly SKColor[] SiteColors =
    [
        new(0xE4, 0x1A, 0x1C), new(0x37, 0x7E, 0xB8), new(0x4D, 0xAF, 0x4A), new(0x98, 0x4E, 0xA3),
        new(0xFF, 0x7F, 0x00), new(0xA6, 0x56, 0x28), new(0xF7, 0x81, 0xBF), new(0x99, 0x99, 0x99),
    ];

    /// <summary>Renders the map as PNG bytes.</summary>
    /// <exception cref="InvalidOperationException">No font draws Vietnamese, or the title left no ink.</exception>
    public static byte[] RenderPng(ProposalMap map, int widthPx = 1600, int heightPx = 1400)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var bitmap = new SKBitmap(new SKImageInfo(widthPx, heightPx, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(MapColors.Paper);
        using (var title = MapFonts.Create(34, bold: true))
        using (var subtitle = MapFonts.Create(20))
        {
            var next = TextPainter.DrawLine(canvas, map.Title, widthPx / 2f, 14, SKTextAlign.Center, title, MapColors.Ink);
            TextPainter.DrawLine(canvas, map.Subtitle, widthPx / 2f, next + 4, SKTextAlign.Center, subtitle, MapColors.MutedInk);
        }

        canvas.Flush();
        if (!HasInk(bitmap, new SKRectI(0, 0, widthPx, (int)TitleBand)))
        {
            throw new InvalidOperationException($"The title left no ink on the map (typeface '{MapFonts.Regular.FamilyName}'); text rendering is broken.");
        }

        var count = Math.Max(1, map.Panels.Count);
        var cols = count == 1 ? 1 : 2;
        var rows = (count + cols - 1) / cols;
        var panelWidth = (widthPx - ((cols + 1) * Gutter)) / cols;
        var panelHeight = (heightPx - TitleBand - BottomBand - ((rows + 1) * Gutter)) / rows;

        // One extent for every panel: the area with the widest buffer, and whatever is drawn in it.
        var world = map.Area.EnvelopeInternal.Copy();
        world.ExpandBy(map.Panels.Select(p => p.RadiusM).DefaultIfEmpty(500).Max() * 1.1);
        MapTransform? transform = null;
        for (var k = 0; k < map.Panels.Count; k++)
        {
            var left = Gutter + (k % cols * (panelWidth + Gutter));
            var top = TitleBand + Gutter + (k / cols * (panelHeight + Gutter));
            var frame = SKRect.Create(left, top + PanelHeader, panelWidth, panelHeight - PanelHeader);
            transform = MapTransform.Fit(world, frame, 0.02f);
            ProposalPanelPainter.Draw(canvas, map, map.Panels[k], transform, frame);
            using var font = MapFonts.Create(20, bold: true);
            TextPainter.DrawLine(canvas, map.Panels[k].Title, left + 4, top + 4, SKTextAlign.Left, font, MapColors.Ink);
        }

        var bottom = SKRect.Create(Gutter, heightPx - BottomBand, widthPx - (2 * Gutter), BottomBand - Gutter);
        ProposalLegendPainter.Draw(canvas, SKRect.Create(bottom.Left, bottom.Top, bottom.Width * 0.62f, bottom.Height - 26));
        if (transform is not null)
        {
            ScaleBarPainter.Draw(canvas, SKRect.Create(bottom.Left + (bottom.Width * 0.64f), bottom.Top + 10, bottom.Width * 0.26f, 80), transform.PixelsPerMetre, map.Srid, 1);
        }

        NorthArrowPainter.Draw(canvas, SKRect.Create(bottom.Right - 70, bottom.Top + 8, 60, 80), 1);
        using (var small = MapFonts.Create(MapLayout.FootnoteSize))
        {
            TextPainter.DrawLine(canvas, map.Footnote, bottom.Left, bottom.Bottom - 22, SKTextAlign.Left, small, MapColors.MutedInk);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static bool HasInk(SKBitmap bitmap, SKRectI rect)
    {
        for (var y = rect.Top; y < rect.Bottom; y++)
        {
            for (var x = rect.Left; x < rect.Right; x++)
            {
                if (bitmap.GetPixel(x, y) != MapColors.Paper)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
