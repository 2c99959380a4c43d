using System.Globalization;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Numbers for the features whose names do not fit: numbered in the alphabetical order of the names (so the key beside
/// the map reads like an index), each drawn at its feature's interior point or, when that spot is taken, moved a little
/// way off with a thin leader line back to it, never over another name or number.
/// </summary>
internal static class KeyNumberPainter
{
    /// <summary>Number size at a 1600 × 1200 sheet.</summary>
    public const float NumberSize = 12;

    // How far (in number boxes) a number may move off its anchor, nearest first.
    private static readonly float[] Distances = [1.2f, 2f, 3f, 4.5f];

    private static readonly CompareInfo Collation = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>Places the numbers; returns the key entries in number order (numbers are 1-based).</summary>
    public static List<KeyEntry> Place(LabelPlan plan, SKRect frame, float unit)
    {
        using var font = MapFonts.Create(NumberSize * unit, bold: true);
        var taken = plan.Placed.Select(p => p.Box).ToList();
        var ordered = plan.Unplaced
            .OrderBy(u => TextPainter.Normalize(u.Feature.Label).Trim(), Comparer<string>.Create((a, b) => Collation.Compare(a, b, CompareOptions.IgnoreCase)))
            .ToList();
        var entries = new List<KeyEntry>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (feature, anchor) = ordered[i];
            var text = (i + 1).ToString(CultureInfo.InvariantCulture);
            var width = font.MeasureText(text) + (4 * unit);
            var height = TextPainter.TextHeight(font) + (2 * unit);
            SKRect BoxAt(SKPoint c) => SKRect.Create(c.X - (width / 2), c.Y - (height / 2), width, height);
            var chosen = Candidates(anchor, width, height, unit)
                .Select(c => (Centre: c, Box: BoxAt(c)))
                .FirstOrDefault(c => frame.Contains(c.Box) && !taken.Exists(t => t.IntersectsWith(c.Box)));
            var placedOnMap = chosen.Box != SKRect.Empty;
            if (placedOnMap)
            {
                taken.Add(chosen.Box);
            }

            entries.Add(new KeyEntry(i + 1, TextPainter.Normalize(feature.Label).Trim(), anchor, placedOnMap ? chosen.Centre : anchor, placedOnMap));
        }

        return entries;
    }

    /// <summary>Draws the numbers placed on the map, with a leader line for each one moved off its anchor.</summary>
    public static void Draw(SKCanvas canvas, IReadOnlyList<KeyEntry> entries, float unit)
    {
        using var font = MapFonts.Create(NumberSize * unit, bold: true);
        using var leader = new SKPaint { Color = MapColors.Ink, StrokeWidth = 1 * unit, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var dot = new SKPaint { Color = MapColors.Ink, IsAntialias = true, Style = SKPaintStyle.Fill };
        foreach (var e in entries.Where(e => e.OnMap))
        {
            if (SKPoint.Distance(e.Anchor, e.Position) > 1)
            {
                canvas.DrawLine(e.Anchor, e.Position, leader);
                canvas.DrawCircle(e.Anchor, 1.8f * unit, dot);
            }
        }

        foreach (var e in entries.Where(e => e.OnMap))
        {
            TextPainter.DrawHaloed(canvas, e.Number.ToString(CultureInfo.InvariantCulture), e.Position, font, 3 * unit);
        }
    }

    private static IEnumerable<SKPoint> Candidates(SKPoint anchor, float width, float height, float unit)
    {
        yield return anchor;
        foreach (var distance in Distances)
        {
            for (var k = 0; k < 8; k++)
            {
                var angle = k * Math.PI / 4;
                yield return new SKPoint(
                    anchor.X + (float)(Math.Cos(angle) * distance * (width + (6 * unit))),
                    anchor.Y - (float)(Math.Sin(angle) * distance * (height + (4 * unit))));
            }
        }
    }
}
