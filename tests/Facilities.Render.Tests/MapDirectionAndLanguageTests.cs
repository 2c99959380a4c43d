using Facilities.Core.Validation;
using SkiaSharp;

namespace Facilities.Render.Tests;

/// <summary>
/// Issue 13: every map reads the same way (more need = stronger colour, as the web map's ramp.js: light = few rooms
/// short, dark = many) for both the admin (diverging) and the catchment (sequential) sheet, and the sheet's own words
/// follow the language it is asked for.
/// </summary>
public class MapDirectionAndLanguageTests
{
    // Relative luminance (ITU-R BT.709): the stronger colour of a choropleth is the darker one.
    private static double Luminance(SKColor c) => (0.2126 * c.Red) + (0.7152 * c.Green) + (0.0722 * c.Blue);

    private static SKColor FillOf(RenderedMap map, SKBitmap image, MapFeature square)
    {
        var c = FourSquares.Inside(square);
        return Pixels.At(image, map.Transform!.ToPixel(c.X, c.Y));
    }

    private static List<MapFeature> WithValues(params double?[] values) => [.. FourSquares.All.Zip(values, (f, v) => f with { Value = v })];

    [Fact]
    public void OnTheCatchmentMapTheWardWithTheLargerNeedIsDrawnInTheStrongerColour()
    {
        // South-west needs 2 rooms, south-east 9, north-west 27: three sequential classes.
        var features = WithValues(2, 9, 27, null);

        var map = ChoroplethRenderer.Render(features, FourSquares.Options() with { Diverging = false });
        using var image = Pixels.Decode(map.Png);

        var fills = features.Take(3).Select(f => FillOf(map, image, f)).ToList();
        Assert.Equal(3, fills.Distinct().Count());
        Assert.True(Luminance(fills[0]) > Luminance(fills[1]), $"2 rooms {fills[0]} should be lighter than 9 rooms {fills[1]}");
        Assert.True(Luminance(fills[1]) > Luminance(fills[2]), $"9 rooms {fills[1]} should be lighter than 27 rooms {fills[2]}");
        // The ends of the ramp are the web map's: yellow for the least need, violet for the most.
        Assert.True(fills[0].Red > 200 && fills[0].Green > 200 && fills[0].Blue < 100, $"least need should be yellow, got {fills[0]}");
        Assert.True(fills[2].Blue > fills[2].Green && fills[2].Red > fills[2].Green, $"most need should be violet, got {fills[2]}");
        Pixels.SaveArtefact(map.Png, "direction-catchment.png");
    }

    [Fact]
    public void OnTheAdminMapTheWardWithTheLargerShortageIsDrawnInTheStrongerColour()
    {
        // South-west is 1 room short, south-east balanced, north-west 7 short.
        var features = WithValues(1, 0, 7, null);

        var map = ChoroplethRenderer.Render(features, FourSquares.Options());
        using var image = Pixels.Decode(map.Png);

        SKColor small = FillOf(map, image, features[0]), balanced = FillOf(map, image, features[1]), large = FillOf(map, image, features[2]);
        Assert.True(map.Classes.Diverging);
        Assert.True(Luminance(balanced) > Luminance(small), $"balanced {balanced} should be lighter than 1 short {small}");
        Assert.True(Luminance(small) > Luminance(large), $"1 short {small} should be lighter than 7 short {large}");
        Assert.True(large.Red > large.Blue && small.Red > small.Blue, $"shortages should be red, got {small} and {large}");
    }

    [Fact]
    public void BothMethodsDrawTheLegendFromTheStrongestColourAtTheTopToTheLightestBelow()
    {
        foreach (var diverging in new[] { true, false })
        {
            var features = WithValues(1, 4, 9, null);
            var map = ChoroplethRenderer.Render(features, FourSquares.Options() with { Diverging = diverging });
            using var image = Pixels.Decode(map.Png);

            // The legend lists classes from the highest values down: the most need is the top swatch and the strongest.
            SKColor most = map.Classes.ClassOf(9)!.Color, least = map.Classes.ClassOf(1)!.Color;
            var top = Pixels.BoundsOf(image, map.Layout.LegendBox, most).Top;
            var below = Pixels.BoundsOf(image, map.Layout.LegendBox, least).Top;
            Assert.True(top < below, $"diverging={diverging}: the most-need swatch ({top}) should be above the least ({below})");
            Assert.True(Luminance(most) < Luminance(least), $"diverging={diverging}: {most} should be stronger than {least}");
        }
    }

    [Fact]
    public void AnEnglishSheetDrawsDifferentLegendWordsFromAVietnameseOneAndTheSameMap()
    {
        var vi = ChoroplethRenderer.Render(FourSquares.All, FourSquares.Options());
        var en = ChoroplethRenderer.Render(FourSquares.All, FourSquares.Options() with { Language = Language.En });
        using var viImage = Pixels.Decode(vi.Png);
        using var enImage = Pixels.Decode(en.Png);

        Assert.Equal("Không có dữ liệu", FourSquares.Options().NoDataLabel);
        Assert.Equal("No data", (FourSquares.Options() with { Language = Language.En }).NoDataLabel);
        Assert.Equal(vi.Layout.LegendBox, en.Layout.LegendBox);
        Assert.True(Pixels.Differing(viImage, enImage, vi.Layout.LegendBox) > 200, "the legend's captions and no-data label did not change");
        Assert.True(Pixels.Differing(viImage, enImage, vi.Layout.NorthArrowBox) > 20, "the north letter did not change from B to N");
        Assert.Equal(0, Pixels.Differing(viImage, enImage, vi.Layout.MapFrame));
        Pixels.SaveArtefact(en.Png, "four-squares-en.png");
    }

    [Fact]
    public void AGivenNoDataLabelWinsOverTheLanguageDefault()
    {
        var options = FourSquares.Options() with { Language = Language.En, NoDataLabel = "No school of the level" };

        Assert.Equal("No school of the level", options.NoDataLabel);
    }
}
