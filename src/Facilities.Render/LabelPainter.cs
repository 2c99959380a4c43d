using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Feature labels at each polygon's interior point, on one line or split over two, drawn only when the text box
/// lies inside the polygon and clear of labels already placed.
/// </summary>
internal static class LabelPainter
{
    private const float LabelSize = 14;

    /// <summary>Draws the labels that fit; returns how many were drawn.</summary>
    public static int Draw(SKCanvas canvas, IReadOnlyList<MapFeature> features, MapTransform transform, SKRect frame, float unit)
    {
        using var font = MapFonts.Create(LabelSize * unit, bold: true);
        var placed = new List<SKRect>();
        foreach (var feature in features)
        {
            var label = TextPainter.Normalize(feature.Label).Trim();
            if (label.Length == 0 || feature.Geometry.IsEmpty || !TryAnchor(feature.Geometry, out var anchor))
            {
                continue;
            }

            var centre = transform.ToPixel(anchor.X, anchor.Y);
            foreach (var lines in Arrangements(label, font))
            {
                var box = Box(lines, font, centre, unit);
                if (frame.Contains(box) && !placed.Exists(box.IntersectsWith) && Inside(feature.Geometry, box, transform))
                {
                    var step = TextPainter.LineStep(font);
                    var firstCentre = centre.Y - ((lines.Count - 1) * step / 2);
                    for (var i = 0; i < lines.Count; i++)
                    {
                        TextPainter.DrawHaloed(canvas, lines[i], new SKPoint(centre.X, firstCentre + (i * step)), font, 3 * unit);
                    }

                    placed.Add(box);
                    break;
                }
            }
        }

        return placed.Count;
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
