using Facilities.Testing;
using SkiaSharp;

namespace Facilities.Render.Tests;

public class ChoroplethRendererTests
{
    private static readonly RenderedMap Map = ChoroplethRenderer.Render(FourSquares.All, FourSquares.Options());
    private static readonly SKBitmap Image = Pixels.Decode(Map.Png);

    private static SKColor FillOf(MapFeature square)
    {
        var c = FourSquares.Inside(square);
        return Pixels.At(Image, Map.Transform!.ToPixel(c.X, c.Y));
    }

    [Fact]
    public void ThePngDecodesWithTheRequestedSize()
    {
        var png = ChoroplethRenderer.RenderPng(FourSquares.All, FourSquares.Options() with { WidthPx = 1200, HeightPx = 900 });

        using var bitmap = Pixels.Decode(png);
        Assert.Equal((1200, 900), (bitmap.Width, bitmap.Height));
        Assert.Equal((1600, 1200), (Image.Width, Image.Height));
        Pixels.SaveArtefact(Map.Png, "four-squares.png");
    }

    [Fact]
    public void SquaresOfDifferentClassesHaveDifferentFillsAndTheNullOneIsNoDataGrey()
    {
        SKColor surplus = FillOf(FourSquares.Surplus), balanced = FillOf(FourSquares.Balanced), shortage = FillOf(FourSquares.Shortage);

        Assert.Equal(3, new[] { surplus, balanced, shortage }.Distinct().Count());
        Assert.Equal(MapColors.NoData, FillOf(FourSquares.NoData));
        Assert.Equal(Map.Classes.ClassOf(-5)!.Color, surplus);
        Assert.Equal(Map.Classes.ClassOf(0)!.Color, balanced);
        Assert.Equal(Map.Classes.ClassOf(7)!.Color, shortage);
        Assert.True(surplus.Blue > surplus.Red, $"surplus should be blue, got {surplus}");
        Assert.True(shortage.Red > shortage.Blue, $"shortage should be red, got {shortage}");
        Assert.NotEqual(MapColors.NoData, balanced);
    }

    [Fact]
    public void TheLegendHoldsASwatchOfEveryClassColourUsedAndOfNoData()
    {
        var legend = Map.Layout.LegendBox;
        foreach (var value in new double?[] { -5, 0, 7 })
        {
            Assert.True(Pixels.Count(Image, legend, Map.Classes.ClassOf(value)!.Color) > 100, $"no swatch for {value}");
        }

        Assert.True(Pixels.Count(Image, legend, MapColors.NoData) > 100);
        var equal = ChoroplethRenderer.Render(FourSquares.All, FourSquares.Options() with { ClassMethod = ClassMethod.Equal });
        using var equalImage = Pixels.Decode(equal.Png);
        Assert.Equal(7, equal.Classes.Classes.Count);
        Assert.All(equal.Classes.Classes, c => Assert.True(Pixels.Count(equalImage, equal.Layout.LegendBox, c.Color) > 100, $"no swatch for {c.Label}"));
        Assert.All(Map.Classes.Classes, c => Assert.True(Pixels.Count(Image, legend, c.Color) > 100, $"no swatch for {c.Label}"));
    }

    [Fact]
    public void TheTitleIsDrawnAndChangesWithItsText()
    {
        var band = Map.Layout.TitleBand;
        var other = ChoroplethRenderer.Render(FourSquares.All, FourSquares.Options("Thừa phòng học mầm non, 2035"));
        using var otherImage = Pixels.Decode(other.Png);

        Assert.Equal(band, other.Layout.TitleBand);
        Assert.True(Pixels.Dark(Image, band) > 500, "no dark pixels in the title band");
        Assert.True(Pixels.Differing(Image, otherImage, band) > 500, "a different title drew the same pixels");
        Assert.Equal(0, Pixels.Differing(Image, otherImage, Map.Layout.MapFrame));
    }

    [Fact]
    public void AnEmptyTitleLeavesTheTopOfTheSheetBlank()
    {
        var untitled = ChoroplethRenderer.Render(FourSquares.All, FourSquares.Options("") with { Subtitle = null });
        using var image = Pixels.Decode(untitled.Png);

        Assert.Equal(0, Pixels.Dark(image, SKRect.Create(0, 0, image.Width, untitled.Layout.Margin)));
        Assert.True(untitled.Layout.MapFrame.Top < Map.Layout.MapFrame.Top);
    }

    [Fact]
    public void TheTypefaceCoversVietnameseLetters()
    {
        Assert.True(MapFonts.CoversVietnamese(MapFonts.Regular), MapFonts.Regular.FamilyName);
        Assert.True(MapFonts.CoversVietnamese(MapFonts.Bold), MapFonts.Bold.FamilyName);
    }

    [Fact]
    public void TheScaleBarAndTheNorthArrowAreDrawn()
    {
        Assert.True(Pixels.Dark(Image, Map.Layout.ScaleBarBox) > 300);
        Assert.True(Pixels.Dark(Image, Map.Layout.NorthArrowBox) > 300);
    }

    [Fact]
    public void NorthIsUpEastIsRightAndSquaresStaySquare()
    {
        var frame = Map.Layout.MapFrame;
        var sw = Pixels.BoundsOf(Image, frame, FillOf(FourSquares.Surplus));
        var se = Pixels.BoundsOf(Image, frame, FillOf(FourSquares.Balanced));
        var nw = Pixels.BoundsOf(Image, frame, FillOf(FourSquares.Shortage));

        Assert.True(se.MidX > sw.MidX + 100, "the eastern square should be to the right");
        Assert.True(nw.MidY < sw.MidY - 100, "the northern square should be higher");
        Assert.InRange(sw.Width - sw.Height, -3, 3);
        Assert.InRange(Map.Transform!.PixelsPerMetre * 2000, sw.Width - 4, sw.Width + 4);
    }

    [Fact]
    public void LabelsAreDrawnWhereTheyFit()
    {
        Assert.Equal(4, Map.LabelsDrawn);

        var small = new MapFeature(Wkt.Read("POLYGON((673800 2300100, 673900 2300100, 673900 2300200, 673800 2300200, 673800 2300100))", FourSquares.Srid), 1, "Tân Tiến");
        var map = ChoroplethRenderer.Render([.. FourSquares.All, small], FourSquares.Options());
        Assert.Equal(4, map.LabelsDrawn);
    }

    [Fact]
    public void AllNullValuesStillRender()
    {
        var features = FourSquares.All.Select(f => f with { Value = null }).ToList();

        var map = ChoroplethRenderer.Render(features, FourSquares.Options());
        using var image = Pixels.Decode(map.Png);

        Assert.Empty(map.Classes.Classes);
        var c = FourSquares.Inside(FourSquares.Shortage);
        Assert.Equal(MapColors.NoData, Pixels.At(image, map.Transform!.ToPixel(c.X, c.Y)));
        Assert.True(Pixels.Count(image, map.Layout.LegendBox, MapColors.NoData) > 100);
        Assert.True(Pixels.Dark(image, map.Layout.ScaleBarBox) > 300);
    }

    [Fact]
    public void NoFeaturesAtAllStillRender()
    {
        var map = ChoroplethRenderer.Render([], FourSquares.Options());

        using var image = Pixels.Decode(map.Png);
        Assert.Null(map.Transform);
        Assert.True(Pixels.Dark(image, map.Layout.TitleBand) > 500);
    }

    [Fact]
    public void SequentialMapsUseViridisClassesWithRoundBreaks()
    {
        var features = FourSquares.All.Zip(new double?[] { 3, 12, 27, null }, (f, v) => f with { Value = v }).ToList();

        var map = ChoroplethRenderer.Render(features, FourSquares.Options() with { Diverging = false, ClassMethod = ClassMethod.Equal });
        using var image = Pixels.Decode(map.Png);

        Assert.False(map.Classes.Diverging);
        Assert.Equal(5, map.Classes.Step);
        Assert.Equal(["0 … 5", "6 … 10", "11 … 15", "16 … 20", "21 … 25", "26 … 30"], map.Classes.Classes.Select(c => c.Label));
        var fills = features.Take(3).Select(f => FourSquares.Inside(f)).Select(c => Pixels.At(image, map.Transform!.ToPixel(c.X, c.Y))).ToList();
        Assert.Equal(3, fills.Distinct().Count());
        Assert.Equal(map.Classes.ClassOf(27)!.Color, fills[2]);
        Pixels.SaveArtefact(map.Png, "four-squares-sequential.png");
    }

    [Fact]
    public void PointsAreRefusedBecauseAChoroplethNeedsPolygons()
    {
        var point = new MapFeature(Wkt.Read("POINT (670000 2300000)", FourSquares.Srid), 1, "x");

        Assert.Throws<ArgumentException>(() => ChoroplethRenderer.RenderPng([point], FourSquares.Options()));
    }
}
