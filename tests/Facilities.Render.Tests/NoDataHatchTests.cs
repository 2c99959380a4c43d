using SkiaSharp;

namespace Facilities.Render.Tests;

/// <summary>A ward without data is hatched grey on the map and in the legend, with its count, never a class colour.</summary>
public class NoDataHatchTests
{
    private static readonly RenderedMap Map = ChoroplethRenderer.Render(FourSquares.All, FourSquares.Options());
    private static readonly SKBitmap Image = Pixels.Decode(Map.Png);

    private static SKRect Around(MapFeature square, float half)
    {
        var c = FourSquares.Inside(square);
        var p = Map.Transform!.ToPixel(c.X, c.Y);
        return new SKRect(p.X - half, p.Y - half, p.X + half, p.Y + half);
    }

    // Hatch pixels: grey (R = G = B, antialiased lines blend with the fill) and darker than the fill, lighter than text.
    private static int Hatch(SKRect area) => Pixels.In(Image, area).Count(p =>
        p.Color.Red == p.Color.Green && p.Color.Green == p.Color.Blue && p.Color.Red < MapColors.NoData.Red - 20 && p.Color.Red >= NoDataHatch.Line.Red - 10);

    [Fact]
    public void TheNoDataSquareIsGreyCrossedByHatchLinesAndHasNoClassColour()
    {
        var area = Around(FourSquares.NoData, 40);
        var total = Pixels.In(Image, area).Count();
        var grey = Pixels.Count(Image, area, MapColors.NoData);
        var hatch = Hatch(area);

        Assert.True(grey > total / 2, $"{grey} of {total} pixels are the no-data grey");
        Assert.True(hatch > total / 50, $"only {hatch} of {total} pixels are hatch lines");
        Assert.All(Map.Classes.Classes, c => Assert.Equal(0, Pixels.Count(Image, area, c.Color)));
    }

    [Fact]
    public void ClassedSquaresCarryNoHatchLines()
    {
        foreach (var square in new[] { FourSquares.Surplus, FourSquares.Balanced, FourSquares.Shortage })
        {
            Assert.Equal(0, Hatch(Around(square, 40)));
        }
    }

    [Fact]
    public void TheLegendSwatchIsHatchedAndTheClassesCountOneFeatureWithoutData()
    {
        Assert.True(Hatch(Map.Layout.LegendBox) > 20);
        Assert.Equal(1, Map.Classes.NoDataCount);
        Assert.Equal(3, Map.Classes.Classes.Sum(c => c.Count));
    }
}
