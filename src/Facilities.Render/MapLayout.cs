using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Where each part of the sheet goes: title band on top, footnotes at the bottom, the map frame on the left and a
/// panel on the right holding the legend (top), the north arrow and the scale bar (bottom). Sizes scale with the image.
/// </summary>
internal sealed class MapLayout
{
    /// <summary>Title font size at unit 1 (a 1600 × 1200 sheet).</summary>
    public const float TitleSize = 40;

    /// <summary>Subtitle font size at unit 1.</summary>
    public const float SubtitleSize = 24;

    /// <summary>Footnote font size at unit 1.</summary>
    public const float FootnoteSize = 16;

    /// <summary>Scale-bar and small panel text size at unit 1.</summary>
    public const float SmallSize = 16;

    /// <summary>Computes the layout of a sheet.</summary>
    /// <param name="options">Sheet size and texts.</param>
    /// <param name="legendHeight">Height the legend needs for a unit and a width (<see cref="LegendPainter.Measure"/>).</param>
    /// <param name="keyBand">Height in pixels of a band under the map for a long numbered key; 0 for none.</param>
    public MapLayout(ChoroplethOptions options, Func<float, float, float> legendHeight, float keyBand = 0)
    {
        if (options.WidthPx < 200 || options.HeightPx < 150)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The sheet must be at least 200 × 150 pixels.");
        }

        Size = new SKSizeI(options.WidthPx, options.HeightPx);
        Unit = Math.Min(options.WidthPx / 1600f, options.HeightPx / 1200f);
        var margin = 28 * Unit;
        Margin = margin;
        var gap = 16 * Unit;
        var textWidth = options.WidthPx - (2 * margin);

        using (var title = MapFonts.Create(TitleSize * Unit, bold: true))
        using (var subtitle = MapFonts.Create(SubtitleSize * Unit))
        {
            TitleLines = TextPainter.Wrap(options.Title, title, textWidth);
            SubtitleLines = TextPainter.Wrap(options.Subtitle, subtitle, textWidth);
            var bottom = margin + (TitleLines.Count * TextPainter.LineStep(title)) + (SubtitleLines.Count * TextPainter.LineStep(subtitle));
            TitleBand = new SKRect(0, 0, options.WidthPx, bottom + gap);
        }

        using (var footnote = MapFonts.Create(FootnoteSize * Unit))
        {
            FootnoteLines = [.. options.Footnotes.SelectMany(f => TextPainter.Wrap(f, footnote, textWidth))];
            // At least three lines are kept for footnotes, so a longer wrap in one language (Vietnamese words are longer)
            // does not move the map between the Vietnamese and the English sheet.
            var reserved = FootnoteLines.Count == 0 ? 0 : Math.Max(FootnoteLines.Count, 3);
            var top = options.HeightPx - margin - (reserved * TextPainter.LineStep(footnote));
            FootnoteBand = new SKRect(0, top - (FootnoteLines.Count > 0 ? gap : 0), options.WidthPx, options.HeightPx);
        }

        var panelWidth = Math.Clamp(0.25f * options.WidthPx, 180 * Unit, 440 * Unit);
        var body = new SKRect(margin, TitleBand.Bottom, options.WidthPx - margin, FootnoteBand.Top);
        // A long key goes under the map, across its width: a wide city keeps a wide map, and at most half the height goes to the key.
        var key = Math.Min(keyBand, body.Height / 2);
        MapFrame = new SKRect(body.Left, body.Top, body.Right - panelWidth - gap, body.Bottom - (key > 0 ? key + gap : 0));
        Panel = new SKRect(MapFrame.Right + gap, body.Top, body.Right, body.Bottom);
        KeyBand = key > 0 ? new SKRect(MapFrame.Left, MapFrame.Bottom + gap, MapFrame.Right, body.Bottom) : SKRect.Empty;

        LegendBox = new SKRect(Panel.Left, Panel.Top, Panel.Right, Panel.Top + legendHeight(Unit, Panel.Width));
        ScaleBarBox = new SKRect(Panel.Left, Panel.Bottom - (84 * Unit), Panel.Right, Panel.Bottom);
        NorthArrowBox = new SKRect(Panel.Left, ScaleBarBox.Top - (130 * Unit), Panel.Right, ScaleBarBox.Top - (10 * Unit));
        PanelGap = new SKRect(Panel.Left, LegendBox.Bottom + gap, Panel.Right, NorthArrowBox.Top - gap);
    }

    /// <summary>Band under the map for a long numbered key; empty when there is none.</summary>
    public SKRect KeyBand { get; }

    /// <summary>Free space in the panel between the legend and the north arrow (a short numbered key goes here).</summary>
    public SKRect PanelGap { get; }

    /// <summary>Image size.</summary>
    public SKSizeI Size { get; }

    /// <summary>Scale of every size relative to a 1600 × 1200 sheet.</summary>
    public float Unit { get; }

    /// <summary>Free space along the edges of the sheet.</summary>
    public float Margin { get; }

    /// <summary>Title, wrapped.</summary>
    public List<string> TitleLines { get; }

    /// <summary>Subtitle, wrapped (empty when none).</summary>
    public List<string> SubtitleLines { get; }

    /// <summary>Footnotes, wrapped.</summary>
    public List<string> FootnoteLines { get; }

    /// <summary>Band across the top with the title and subtitle.</summary>
    public SKRect TitleBand { get; }

    /// <summary>Band across the bottom with the footnotes.</summary>
    public SKRect FootnoteBand { get; }

    /// <summary>The framed map.</summary>
    public SKRect MapFrame { get; }

    /// <summary>Right-hand panel.</summary>
    public SKRect Panel { get; }

    /// <summary>Legend box, at the top of the panel.</summary>
    public SKRect LegendBox { get; }

    /// <summary>North arrow, above the scale bar.</summary>
    public SKRect NorthArrowBox { get; }

    /// <summary>Scale bar and CRS note, at the bottom of the panel.</summary>
    public SKRect ScaleBarBox { get; }
}
