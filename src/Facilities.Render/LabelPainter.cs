using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Feature names at each polygon's interior point, on one line or split over two, at the normal size or, failing
/// that, a smaller one (never below <see cref="MinLabelSize"/>, so every name stays readable in print), drawn only when
/// the text box lies inside the polygon and clear of the names already placed. A feature whose name fits at neither
/// size gets a number instead (<see cref="KeyNumberPainter"/>), listed with its name in a key beside the map.
/// </summary>
internal static class LabelPainter
{
    /// <summary>Normal label size at a 1600 × 1200 sheet.</summary>
    public const float LabelSize = 14;

    /// <summary>Smallest label size: 11 px at 1600 px wide is about 2 mm on A4 landscape.</summary>
    public const float MinLabelSize = 11;

    /// <summary>
    /// Decides the names that fit and returns them, with the features that need a number instead; nothing is drawn.
    /// </summary>
    public static LabelPlan Plan(IReadOnlyList<MapFeature> features, MapTransform transform, SKRect frame, float unit)
    {
        using var normal = MapFonts.Create(LabelSize * unit, bold: true);
        using var small = MapFonts.Create(MinLabelSize * unit, bold: true);
        var placed = new List<PlacedLabel>();
        var unplaced = new List<(MapFeature Feature, SKPoint Anchor)>();
        foreach (var feature in features)
        {
            var label = TextPainter.Normalize(feature.Label).Trim();
            if (label.Length == 0 || feature.Geometry.IsEmpty || !TryAnchor(feature.Geometry, out var anchor))
            {
                continue;
            }

            var anchors = Anchors(feature.Geometry, anchor, transform).ToList();
            var choice = (from font in new[] { (Font: normal, Size: LabelSize), (Font: small, Size: MinLabelSize) }
                          from centre in anchors
                          from lines in Arrangements(label, font.Font)
                          let box = Box(lines, font.Font, centre, unit)
                          where frame.Contains(box) && !placed.Exists(p => p.Box.IntersectsWith(box)) && Inside(feature.Geometry, box, transform)
                          select new PlacedLabel(lines, centre, box, font.Size)).FirstOrDefault();
            if (choice is not null)
            {
                placed.Add(choice);
            }
            else
            {
                unplaced.Add((feature, anchors[0]));
            }
        }

        return new LabelPlan(placed, unplaced);
    }

    /// <summary>Draws the names of a plan.</summary>
    public static void Draw(SKCanvas canvas, IReadOnlyList<PlacedLabel> labels, float unit)
    {
        foreach (var group in labels.GroupBy(l => l.Size))
        {
            using var font = MapFonts.Create(group.Key * unit, bold: true);
            var step = TextPainter.LineStep(font);
            foreach (var l in group)
            {
                var firstCentre = l.Centre.Y - ((l.Lines.Count - 1) * step / 2);
                for (var i = 0; i < l.Lines.Count; i++)
                {
                    TextPainter.DrawHaloed(canvas, l.Lines[i], new SKPoint(l.Centre.X, firstCentre + (i * step)), font, 3 * unit);
                }
            }
        }
    }

    // Where a name may be centred: the centre of the polygon's widest part (the pole of inaccessibility, so a name in
    // a long or bent ward sits in its body, not near an edge), then its interior point.
    private static IEnumerable<SKPoint> Anchors(Geometry geometry, Coordinate interior, MapTransform transform)
    {
        var widest = geometry is MultiPolygon multi ? multi.Geometries.MaxBy(g => g.Area)! : geometry;
        Coordinate? pole = null;
        try
        {
            pole = new NetTopologySuite.Algorithm.Construct.MaximumInscribedCircle(widest, 1 / transform.PixelsPerMetre).GetCenter().Coordinate;
        }
        catch (Exception)
        {
            // An invalid ring: the interior point alone.
        }

        if (pole is not null)
        {
            yield return transform.ToPixel(pole.X, pole.Y);
        }

        yield return transform.ToPixel(interior.X, interior.Y);
    }

    private static bool TryAnchor(Geometry geometry, out Coordinate anchor)
    {
        try
        {
            anchor = geometry.InteriorPoint.Coordinate;
            return anchor is not null;
        }
        catch (Exception)
        {
            anchor = new Coordinate();
            return false;
        }
    }

    private static IEnumerable<List<string>> Arrangements(string label, SKFont font)
    {
        yield return [label];
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            yield break;
        }

        var best = Enumerable.Range(1, words.Length - 1)
            .Select(i => new List<string> { string.Join(' ', words[..i]), string.Join(' ', words[i..]) })
            .MinBy(l => l.Max(s => font.MeasureText(s)));
        yield return best!;
    }

    private static SKRect Box(List<string> lines, SKFont font, SKPoint centre, float unit)
    {
        var width = lines.Max(s => font.MeasureText(s)) + (4 * unit);
        var height = ((lines.Count - 1) * TextPainter.LineStep(font)) + TextPainter.TextHeight(font) + (2 * unit);
        return SKRect.Create(centre.X - (width / 2), centre.Y - (height / 2), width, height);
    }

    private static bool Inside(Geometry geometry, SKRect box, MapTransform transform)
    {
        var a = transform.ToWorld(box.Left, box.Bottom);
        var b = transform.ToWorld(box.Right, box.Top);
        try
        {
            return geometry.Covers(geometry.Factory.ToGeometry(new Envelope(a.X, b.X, a.Y, b.Y)));
        }
        catch (Exception)
        {
            return false;
        }
    }
}
