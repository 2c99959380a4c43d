using System.Text;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>Wrapping, measuring and drawing of NFC-normalised text.</summary>
internal static class TextPainter
{
    /// <summary>NFC form, so Vietnamese letters typed with combining marks map to single precomposed glyphs.</summary>
    public static string Normalize(string? text) => (text ?? "").Normalize(NormalizationForm.FormC);

    /// <summary>Splits text into lines no wider than <paramref name="maxWidth"/>, breaking at spaces (a single long word stays whole).</summary>
    public static List<string> Wrap(string? text, SKFont font, float maxWidth)
    {
        var lines = new List<string>();
        foreach (var paragraph in Normalize(text).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && font.MeasureText(candidate) > maxWidth)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(word);
                }
                else
                {
                    line.Clear().Append(candidate);
                }
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
            }
        }

        return lines;
    }

    /// <summary>Height of one line: ascent plus descent.</summary>
    public static float TextHeight(SKFont font) => font.Metrics.Descent - font.Metrics.Ascent;

    /// <summary>Baseline-to-baseline distance, a little looser than the font's own.</summary>
    public static float LineStep(SKFont font) => font.Spacing * 1.1f;

    /// <summary>Draws one line with its top at <paramref name="top"/>; returns the top of the next line.</summary>
    public static float DrawLine(SKCanvas canvas, string text, float x, float top, SKTextAlign align, SKFont font, SKColor color)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color, Style = SKPaintStyle.Fill };
        canvas.DrawText(Normalize(text), x, top - font.Metrics.Ascent, align, font, paint);
        return top + LineStep(font);
    }

    /// <summary>Draws text centred on a point with a white halo, so it reads over any fill.</summary>
    public static void DrawHaloed(SKCanvas canvas, string text, SKPoint centre, SKFont font, float haloWidth)
    {
        var baseline = centre.Y - ((font.Metrics.Ascent + font.Metrics.Descent) / 2);
        using var halo = new SKPaint
        {
            IsAntialias = true,
            Color = MapColors.Paper.WithAlpha(230),
            Style = SKPaintStyle.Stroke,
            StrokeWidth = haloWidth,
            StrokeJoin = SKStrokeJoin.Round,
        };
        using var ink = new SKPaint { IsAntialias = true, Color = MapColors.Ink, Style = SKPaintStyle.Fill };
        var normalized = Normalize(text);
        canvas.DrawText(normalized, centre.X, baseline, SKTextAlign.Center, font, halo);
        canvas.DrawText(normalized, centre.X, baseline, SKTextAlign.Center, font, ink);
    }
}
