using SkiaSharp;

namespace Facilities.Render;

/// <summary>Colour ramps (colour-blind safe) and the fixed colours of the sheet.</summary>
internal static class MapColors
{
    /// <summary>ColorBrewer RdBu, 7 classes, from the most negative (surplus, blue) to the most positive (shortage, red).</summary>
    public static readonly SKColor[] RdBu7 =
    [
        new(0x21, 0x66, 0xAC), new(0x67, 0xA9, 0xCF), new(0xD1, 0xE5, 0xF0), new(0xF7, 0xF7, 0xF7),
        new(0xFD, 0xDB, 0xC7), new(0xEF, 0x8A, 0x62), new(0xB2, 0x18, 0x2B),
    ];

    /// <summary>Fill of features without a value.</summary>
    public static readonly SKColor NoData = new(0xBD, 0xBD, 0xBD);

    /// <summary>Sheet background.</summary>
    public static readonly SKColor Paper = SKColors.White;

    /// <summary>Text, outlines, the north arrow and the scale bar.</summary>
    public static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);

    /// <summary>Secondary text (footnotes, counts, captions).</summary>
    public static readonly SKColor MutedInk = new(0x4D, 0x4D, 0x4D);

    /// <summary>Polygon outlines.</summary>
    public static readonly SKColor Outline = new(0x33, 0x33, 0x33);

    // Matplotlib's viridis at t = 0, 1/8, ..., 1; linear between stops is within a few units of the full table.
    private static readonly SKColor[] ViridisStops =
    [
        new(0x44, 0x01, 0x54), new(0x48, 0x28, 0x78), new(0x3E, 0x4A, 0x89), new(0x31, 0x68, 0x8E), new(0x26, 0x82, 0x8E),
        new(0x1F, 0x9E, 0x89), new(0x35, 0xB7, 0x79), new(0x6D, 0xCD, 0x59), new(0xFD, 0xE7, 0x25),
    ];

    /// <summary>
    /// <paramref name="count"/> viridis colours, yellow (low) to dark violet (high): more need is the stronger colour,
    /// the same direction as the web map (ramp.js VIRIDIS_5, light = few rooms short) and the diverging map's red end.
    /// </summary>
    public static SKColor[] Viridis(int count)
    {
        var colors = new SKColor[count];
        for (var i = 0; i < count; i++)
        {
            colors[i] = ViridisAt(count == 1 ? 0.5 : 1 - ((double)i / (count - 1)));
        }

        return colors;
    }

    private static SKColor ViridisAt(double t)
    {
        var position = Math.Clamp(t, 0, 1) * (ViridisStops.Length - 1);
        var i = Math.Min((int)Math.Floor(position), ViridisStops.Length - 2);
        var f = position - i;
        var a = ViridisStops[i];
        var b = ViridisStops[i + 1];
        static byte Mix(byte x, byte y, double f) => (byte)Math.Round(x + ((y - x) * f));
        return new SKColor(Mix(a.Red, b.Red, f), Mix(a.Green, b.Green, f), Mix(a.Blue, b.Blue, f));
    }
}
