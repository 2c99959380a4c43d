using System.Globalization;
using Facilities.Core.Validation;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>The key of numbered features: a heading and "number name" lines in as many columns as the box needs.</summary>
internal static class KeyListPainter
{
    private const float TitleSize = 15;
    private const float EntrySize = 12.5f;

    /// <summary>Height the key needs in a box of <paramref name="width"/>; +∞ when a column is wider than the box.</summary>
    public static float Measure(IReadOnlyList<KeyEntry> entries, float width, float unit, Language language)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        using var title = MapFonts.Create(TitleSize * unit, bold: true);
        using var entry = MapFonts.Create(EntrySize * unit);
        var columns = Columns(entries, entry, width, unit);
        if (columns == 0)
        {
            return float.PositiveInfinity;
        }

        var rows = (entries.Count + columns - 1) / columns;
        var titleLines = TextPainter.Wrap(MapText.KeyTitle(language), title, width);
        return (titleLines.Count * TextPainter.LineStep(title)) + (6 * unit) + (rows * TextPainter.LineStep(entry));
    }

    /// <summary>Draws the key into <paramref name="box"/> (measured with <see cref="Measure"/>).</summary>
    public static void Draw(SKCanvas canvas, SKRect box, IReadOnlyList<KeyEntry> entries, float unit, Language language)
    {
        if (entries.Count == 0)
        {
            return;
        }

        using var title = MapFonts.Create(TitleSize * unit, bold: true);
        using var entry = MapFonts.Create(EntrySize * unit);
        using var number = MapFonts.Create(EntrySize * unit, bold: true);
        var y = box.Top;
        foreach (var line in TextPainter.Wrap(MapText.KeyTitle(language), title, box.Width))
        {
            y = TextPainter.DrawLine(canvas, line, box.Left, y, SKTextAlign.Left, title, MapColors.Ink);
        }

        y += 6 * unit;
        var columns = Math.Max(1, Columns(entries, entry, box.Width, unit));
        var rows = (entries.Count + columns - 1) / columns;
        var columnWidth = box.Width / columns;
        var numberWidth = number.MeasureText(entries.Count.ToString(CultureInfo.InvariantCulture)) + (6 * unit);
        for (var i = 0; i < entries.Count; i++)
        {
            var x = box.Left + (i / rows * columnWidth);
            var top = y + (i % rows * TextPainter.LineStep(entry));
            TextPainter.DrawLine(canvas, entries[i].Number.ToString(CultureInfo.InvariantCulture), x + numberWidth - (6 * unit), top, SKTextAlign.Right, number, MapColors.Ink);
            TextPainter.DrawLine(canvas, entries[i].Name, x + numberWidth, top, SKTextAlign.Left, entry, MapColors.Ink);
        }
    }

    private static int Columns(IReadOnlyList<KeyEntry> entries, SKFont font, float width, float unit)
    {
        var widest = entries.Max(e => font.MeasureText(e.Number.ToString(CultureInfo.InvariantCulture) + "  " + e.Name)) + (14 * unit);
        return (int)Math.Floor(width / widest);
    }
}
