using SkiaSharp;

namespace Facilities.Render.Tests;

/// <summary>Reads a rendered PNG back and looks at its pixels.</summary>
internal static class Pixels
{
    public static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG did not decode");

    public static SKColor At(SKBitmap bitmap, SKPoint point) => bitmap.GetPixel((int)Math.Floor(point.X), (int)Math.Floor(point.Y));

    public static IEnumerable<(int X, int Y, SKColor Color)> In(SKBitmap bitmap, SKRect area)
    {
        var r = SKRectI.Intersect(SKRectI.Round(area), new SKRectI(0, 0, bitmap.Width, bitmap.Height));
        for (var y = r.Top; y < r.Bottom; y++)
        {
            for (var x = r.Left; x < r.Right; x++)
            {
                yield return (x, y, bitmap.GetPixel(x, y));
            }
        }
    }

    public static int Count(SKBitmap bitmap, SKRect area, SKColor color) => In(bitmap, area).Count(p => p.Color == color);

    public static int Dark(SKBitmap bitmap, SKRect area) => In(bitmap, area).Count(p => p.Color.Red < 100 && p.Color.Green < 100 && p.Color.Blue < 100);

    public static int Differing(SKBitmap a, SKBitmap b, SKRect area) => In(a, area).Count(p => b.GetPixel(p.X, p.Y) != p.Color);

    /// <summary>Bounding box of the pixels of exactly this colour.</summary>
    public static SKRectI BoundsOf(SKBitmap bitmap, SKRect area, SKColor color)
    {
        var hits = In(bitmap, area).Where(p => p.Color == color).ToList();
        Assert.NotEmpty(hits);
        return new SKRectI(hits.Min(p => p.X), hits.Min(p => p.Y), hits.Max(p => p.X) + 1, hits.Max(p => p.Y) + 1);
    }

    /// <summary>Writes the PNG under the temp folder for a person to look at; returns the path.</summary>
    public static string SaveArtefact(byte[] png, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "facilities-render");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, png);
        TestContext.Current.TestOutputHelper?.WriteLine("map written to " + path);
        return path;
    }
}
