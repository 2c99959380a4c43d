using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Facilities.Render.Tests;

public class InsetTests
{
    private static readonly IReadOnlyList<MapFeature> WithFar = [.. SquareCluster.Block(), SquareCluster.FarSouthEast];
    private static readonly RenderedMap Map = ChoroplethRenderer.Render(WithFar, FourSquares.Options());
    private static readonly SKBitmap Image = Pixels.Decode(Map.Png);

    private static double SideOnPage(MapTransform transform) => transform.PixelsPerMetre * SquareCluster.Side;

    private static Envelope Extent(IEnumerable<MapFeature> features)
    {
        var extent = new Envelope();
        foreach (var f in features)
        {
            extent.ExpandToInclude(f.Geometry.EnvelopeInternal);
        }

        return extent;
    }

    [Fact]
    public void AFarSquareIsDrawnInAFramedInsetWithItsClassColourItsLabelAndItsOwnScale()
    {
        Pixels.SaveArtefact(Map.Png, "square-cluster-inset.png");
        var inset = Assert.Single(Map.Insets);
        var frame = Map.Layout.MapFrame;
        var surplus = Map.Classes.ClassOf(-8)!.Color;
        var centre = FourSquares.Inside(SquareCluster.FarSouthEast);

        Assert.Equal([SquareCluster.FarSouthEast], inset.Features);
        Assert.Equal(["Đảo Xa"], inset.Caption);
        Assert.True(frame.Contains(inset.Box), $"inset {inset.Box} is outside the map frame {frame}");
        Assert.True(inset.Box.Contains(inset.MapArea));
        Assert.Equal(surplus, Pixels.At(Image, inset.Transform.ToPixel(centre.X, centre.Y)));
        Assert.True(Pixels.Count(Image, inset.MapArea, surplus) > 1000, "the far square hardly shows in its inset");
        Assert.Equal(Pixels.Count(Image, frame, surplus), Pixels.Count(Image, inset.Box, surplus));
        Assert.True(Pixels.Dark(Image, inset.Box) > 300, "no frame, caption or scale bar in the inset");
        Assert.NotEqual(Map.Transform!.PixelsPerMetre, inset.Transform.PixelsPerMetre);
    }

    [Fact]
    public void TheMainSquaresAreFarLargerThanWhenTheFarSquareSharesTheirExtentAndTheInsetCoversNoneOfThem()
    {
        var frame = Map.Layout.MapFrame;
        var inset = Map.Insets.Single();
        var sharedExtent = MapTransform.Fit(Extent(WithFar), frame, ChoroplethRenderer.FrameMargin);

        var marked = Pixels.BoundsOf(Image, frame, Map.Classes.ClassOf(4)!.Color);

        Assert.InRange(marked.Width, SideOnPage(Map.Transform!) - 4, SideOnPage(Map.Transform!) + 4);
        Assert.InRange(marked.Height, SideOnPage(Map.Transform!) - 4, SideOnPage(Map.Transform!) + 4);
        Assert.True(marked.Width > 8 * SideOnPage(sharedExtent), $"{marked.Width} px against {SideOnPage(sharedExtent):0.0} px without an inset");
        Assert.True(3 * marked.Width > 0.75 * Math.Min(frame.Width, frame.Height), "the block does not fill the frame");
        foreach (var colour in new[] { Map.Classes.ClassOf(2)!.Color, Map.Classes.ClassOf(4)!.Color, Map.Classes.ClassOf(8)!.Color })
        {
            Assert.Equal(0, Pixels.Count(Image, inset.Box, colour));
        }
    }

    [Fact]
    public void TheMainScaleBarIsAtTheMainMapsScale()
    {
        var box = Map.Layout.ScaleBarBox;
        var rows = Pixels.In(Image, box).Where(p => p.Color == MapColors.Ink).GroupBy(p => p.Y).ToList();
        var bar = rows.MaxBy(r => r.Count())!;
        var threeSegments = bar.Max(p => p.X) - bar.Min(p => p.X) + 1;

        var metres = threeSegments * 4 / 3.0 / Map.Transform!.PixelsPerMetre;

        var round = NiceNumbers.Ceil(metres * 0.97);
        Assert.InRange(metres, round * 0.97, round * 1.03);
    }

    [Fact]
    public void LabelsOfTinyPolygonsAreStillSkipped()
    {
        Assert.Equal(9, Map.LabelsDrawn);
    }

    [Fact]
    public void CompactSetsOfSquaresGetNoInset()
    {
        var four = ChoroplethRenderer.Render(FourSquares.All, FourSquares.Options());
        var block = ChoroplethRenderer.Render(SquareCluster.Block(), FourSquares.Options());

        Assert.Empty(four.Insets);
        Assert.Empty(block.Insets);
        var plain = MapTransform.Fit(Extent(SquareCluster.Block()), block.Layout.MapFrame, ChoroplethRenderer.FrameMargin);
        Assert.Equal(plain.PixelsPerMetre, block.Transform!.PixelsPerMetre);
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(3000, true)]
    public void ASquareGetsAnInsetOnlyWhenItsGapExceedsAQuarterOfTheMainExtent(double gapMetres, bool inset)
    {
        var east = SquareCluster.Square(676_000 + gapMetres, 2_302_000, SquareCluster.Side, -8, "Đảo");

        var plan = InsetPlanner.Plan([.. SquareCluster.Block(), east], SKRect.Create(0, 0, 1000, 1000), ChoroplethRenderer.FrameMargin);

        Assert.Equal(inset ? 1 : 0, plan.Groups.Count);
        Assert.Equal(inset ? 10 : 11, plan.Main.Count);
    }

    [Fact]
    public void TwoFarSquaresGetTwoInsetsThatDoNotOverlap()
    {
        var map = ChoroplethRenderer.Render([SquareCluster.FarNorthWest, .. SquareCluster.Block(), SquareCluster.FarSouthEast], FourSquares.Options());
        using var image = Pixels.Decode(map.Png);
        Pixels.SaveArtefact(map.Png, "square-cluster-two-insets.png");

        Assert.Equal(2, map.Insets.Count);
        Assert.Equal(["Đảo Bắc"], map.Insets[0].Caption);
        Assert.Equal(["Đảo Xa"], map.Insets[1].Caption);
        Assert.False(map.Insets[0].Box.IntersectsWith(map.Insets[1].Box));
        foreach (var inset in map.Insets)
        {
            var c = FourSquares.Inside(inset.Features[0]);
            Assert.True(map.Layout.MapFrame.Contains(inset.Box));
            Assert.Equal(map.Classes.ClassOf(-8)!.Color, Pixels.At(image, inset.Transform.ToPixel(c.X, c.Y)));
        }
    }

    [Fact]
    public void TwoEqualBlocksFarApartStayOnOneMap()
    {
        var west = SquareCluster.Block();
        var east = west.Select(f => f with { Geometry = Shifted(f.Geometry, 80_000) }).ToList();

        var map = ChoroplethRenderer.Render([.. west, .. east], FourSquares.Options());

        Assert.Empty(map.Insets);
    }

    [Fact]
    public void TheSameFeaturesDrawTheSamePng()
    {
        var again = ChoroplethRenderer.RenderPng([.. SquareCluster.Block(), SquareCluster.FarSouthEast], FourSquares.Options());

        Assert.Equal(Map.Png, again);
    }

    private static Geometry Shifted(Geometry geometry, double dx)
    {
        var copy = geometry.Copy();
        copy.Apply(new NetTopologySuite.Geometries.Utilities.AffineTransformation().Translate(dx, 0));
        copy.GeometryChanged();
        return copy;
    }
}
