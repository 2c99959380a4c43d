using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Where the insets go and how the main map is fitted around them. Each inset box is about a quarter of the frame's
/// shorter side wide and holds the group's labels, its features at their own scale, a small scale bar and the note
/// <see cref="Note"/>. The boxes are stacked in a row or a column in one corner of the frame. Arrangements are tried
/// in a fixed order (bottom-right, bottom-left, top-right, top-left; a row before a column): one that covers no main
/// feature keeps the main map at full size; when one covers some, the main map is refitted above or below, or beside,
/// the insets. The arrangement with the largest main scale wins, the first on a tie.
/// </summary>
internal sealed class InsetLayout
{
    /// <summary>Font size of the inset caption at unit 1.</summary>
    public const float CaptionSize = 14;

    /// <summary>Font size of the inset scale and note at unit 1.</summary>
    public const float NoteSize = 12;

    /// <summary>Space inside the inset box at unit 1.</summary>
    public const float Padding = 8;

    /// <summary>Says that the inset is not at the main map's scale.</summary>
    public const string Note = "Tỉ lệ khác / different scale";

    private const float SideFraction = 0.24f;
    private const float Offset = 12;
    private const float Gap = 10;
    private const float InsetMargin = 0.06f;
    private static readonly (bool Right, bool Bottom)[] Corners = [(true, true), (false, true), (true, false), (false, false)];

    /// <summary>Places the insets of <paramref name="plan"/> in <paramref name="frame"/> and fits the main map.</summary>
    public InsetLayout(InsetPlan plan, SKRect frame, float unit, float marginFraction)
    {
        var mainExtent = InsetPlanner.Extent([.. plan.Main.Select(f => f.Geometry.EnvelopeInternal)], Enumerable.Range(0, plan.Main.Count));
        var full = MapTransform.Fit(mainExtent, frame, marginFraction);
        MainTransform = full;
        if (plan.Groups.Count == 0)
        {
            return;
        }

        var shapes = plan.Groups.Select(g => Shape(g, frame, unit)).ToList();
        List<SKRect>? chosen = null;
        foreach (var corner in Corners)
        {
            foreach (var column in (ReadOnlySpan<bool>)[false, true])
            {
                if (column && shapes.Count == 1)
                {
                    continue;
                }

                var boxes = Arrange([.. shapes.Select(s => s.Size)], frame, corner, column, unit);
                var covered = boxes.Aggregate(SKRect.Union);
                covered.Inflate(Gap * unit, Gap * unit);
                var transform = Covers(plan.Main, covered, full) ? Refit(mainExtent, frame, covered, corner, marginFraction) : full;
                if (chosen is null || transform.PixelsPerMetre > MainTransform.PixelsPerMetre * (1 + 1e-9))
                {
                    (chosen, MainTransform) = (boxes, transform);
                }
            }
        }

        Insets = [.. shapes.Zip(chosen!, (s, box) =>
        {
            var area = SKRect.Create(box.Left + s.MapOffset.X, box.Top + s.MapOffset.Y, s.MapSize.Width, s.MapSize.Height);
            var extent = InsetPlanner.Extent([.. s.Features.Select(f => f.Geometry.EnvelopeInternal)], Enumerable.Range(0, s.Features.Count));
            return new InsetMap(s.Features, box, area, MapTransform.Fit(extent, area, InsetMargin), s.Caption);
        })];
    }

    /// <summary>Metres to pixels of the main map.</summary>
    public MapTransform MainTransform { get; }

    /// <summary>The insets, in the order of the plan's groups.</summary>
    public IReadOnlyList<InsetMap> Insets { get; } = [];

    /// <summary>The note under an inset's scale bar, wrapped to the inset's map width.</summary>
    public static List<string> NoteLines(SKFont font, float width) => TextPainter.Wrap(Note, font, width);

    private static (IReadOnlyList<MapFeature> Features, SKSize Size, SKPoint MapOffset, SKSize MapSize, List<string> Caption) Shape(
        IReadOnlyList<MapFeature> group, SKRect frame, float unit)
    {
        var side = SideFraction * Math.Min(frame.Width, frame.Height);
        var pad = Padding * unit;
        var inner = side - (2 * pad);
        var extent = InsetPlanner.Extent([.. group.Select(f => f.Geometry.EnvelopeInternal)], Enumerable.Range(0, group.Count));
        var aspect = extent.Width > 0 && extent.Height > 0 ? (float)Math.Clamp(extent.Height / extent.Width, 0.6, 1.4) : 1f;
        using var captionFont = MapFonts.Create(CaptionSize * unit, bold: true);
        using var noteFont = MapFonts.Create(NoteSize * unit);
        var caption = Caption(group, captionFont, inner);
        var captionHeight = caption.Count * TextPainter.LineStep(captionFont);
        var footerHeight = (1 + NoteLines(noteFont, inner).Count) * TextPainter.LineStep(noteFont);
        var mapHeight = inner * aspect;
        var size = new SKSize(side, pad + captionHeight + mapHeight + footerHeight + pad);
        return (group, size, new SKPoint(pad, pad + captionHeight), new SKSize(inner, mapHeight), caption);
    }

    private static List<string> Caption(IReadOnlyList<MapFeature> group, SKFont font, float width)
    {
        var labels = group.Select(f => TextPainter.Normalize(f.Label).Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal);
        var lines = TextPainter.Wrap(string.Join(", ", labels), font, width);
        if (lines.Count <= 2)
        {
            return lines;
        }

        var last = lines[1];
        while (font.MeasureText(last + " …") > width && last.Contains(' ', StringComparison.Ordinal))
        {
            last = last[..last.LastIndexOf(' ')];
        }

        return [lines[0], last + " …"];
    }

    private static List<SKRect> Arrange(List<SKSize> sizes, SKRect frame, (bool Right, bool Bottom) corner, bool column, float unit)
    {
        var boxes = new List<SKRect>();
        var x = corner.Right ? frame.Right - (Offset * unit) : frame.Left + (Offset * unit);
        var y = corner.Bottom ? frame.Bottom - (Offset * unit) : frame.Top + (Offset * unit);
        foreach (var size in sizes)
        {
            var box = SKRect.Create(corner.Right ? x - size.Width : x, corner.Bottom ? y - size.Height : y, size.Width, size.Height);
            boxes.Add(box);
            if (column)
            {
                y = corner.Bottom ? box.Top - (Gap * unit) : box.Bottom + (Gap * unit);
            }
            else
            {
                x = corner.Right ? box.Left - (Gap * unit) : box.Right + (Gap * unit);
            }
        }

        return boxes;
    }

    private static bool Covers(IReadOnlyList<MapFeature> features, SKRect area, MapTransform transform)
    {
        var a = transform.ToWorld(area.Left, area.Bottom);
        var b = transform.ToWorld(area.Right, area.Top);
        var world = new Envelope(a.X, b.X, a.Y, b.Y);
        foreach (var feature in features.Where(f => f.Geometry.EnvelopeInternal.Intersects(world)))
        {
            try
            {
                if (feature.Geometry.Intersects(feature.Geometry.Factory.ToGeometry(world)))
                {
                    return true;
                }
            }
            catch (Exception)
            {
                return true;
            }
        }

        return false;
    }

    private static MapTransform Refit(Envelope extent, SKRect frame, SKRect covered, (bool Right, bool Bottom) corner, float marginFraction)
    {
        var beside = corner.Right ? frame with { Right = covered.Left } : frame with { Left = covered.Right };
        var above = corner.Bottom ? frame with { Bottom = covered.Top } : frame with { Top = covered.Bottom };
        return new[] { above, beside }
            .Where(r => r.Width > 0 && r.Height > 0)
            .Select(r => MapTransform.Fit(extent, r, marginFraction))
            .Aggregate((MapTransform?)null, (best, t) => best is null || t.PixelsPerMetre > best.PixelsPerMetre * (1 + 1e-9) ? t : best)
            ?? MapTransform.Fit(extent, frame, marginFraction);
    }
}
