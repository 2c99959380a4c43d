using Facilities.Core.Proposals;
using Facilities.Testing;
using SkiaSharp;

namespace Facilities.Render.Tests;

public class ProposalMapRendererTests
{
    // A 1 km × 1 km project, one chosen 60 m site in its middle, one candidate, two demand points (one covered).
    private static ProposalMap Map() => new()
    {
        Title = "Khu đô thị Thử nghiệm",
        Subtitle = "Địa điểm trường học đề xuất / Proposed school sites",
        Area = Wkt.Read("POLYGON((600000 2300000, 601000 2300000, 601000 2301000, 600000 2301000, 600000 2300000))", 32648),
        Srid = 32648,
        Footnote = "Dấu kiểm / stamp 0123456789abcdef",
        Panels =
        [
            new ProposalMapPanel("Tiểu học: 1/1 trường, bán kính 500 m", 500,
                [Wkt.Read("POLYGON((600100 2300100, 600160 2300100, 600160 2300160, 600100 2300160, 600100 2300100))", 32648)],
                [Wkt.Read("POLYGON((600470 2300470, 600530 2300470, 600530 2300530, 600470 2300530, 600470 2300470))", 32648)],
                [new ProposalPoint(600500, 2300700, 100, 1, 200, true, true), new ProposalPoint(601400, 2300500, 50, 0, double.NaN, false, false)]),
        ],
    };

    [Fact]
    public void MapDrawsItsTitleLegendAndTheChosenSiteInItsColour()
    {
        // Act
        var png = ProposalMapRenderer.RenderPng(Map(), 1200, 1000);
        Pixels.SaveArtefact(png, "proposal-map.png");
        using var bitmap = Pixels.Decode(png);

        // Assert: text in the title band and in the legend band; the first site's red in the panel.
        Assert.Equal(1200, bitmap.Width);
        Assert.True(Pixels.Dark(bitmap, new SKRect(0, 0, 1200, 60)) > 300, "title not drawn");
        Assert.True(Pixels.Dark(bitmap, new SKRect(0, 840, 800, 1000)) > 300, "legend not drawn");
        Assert.True(Pixels.Count(bitmap, new SKRect(0, 100, 1200, 830), ProposalMapRenderer.SiteColors[0]) > 200, "chosen site not drawn");
    }

    [Fact]
    public void FourLevelsGetFourPanels()
    {
        var one = Map();
        var map = one with { Panels = [.. Enumerable.Repeat(one.Panels[0], 4)] };

        using var bitmap = Pixels.Decode(ProposalMapRenderer.RenderPng(map, 1200, 1000));

        // The site's red appears in each quarter of the panel area.
        foreach (var quarter in new[] { new SKRect(0, 100, 600, 460), new SKRect(600, 100, 1200, 460), new SKRect(0, 460, 600, 830), new SKRect(600, 460, 1200, 830) })
        {
            Assert.True(Pixels.Count(bitmap, quarter, ProposalMapRenderer.SiteColors[0]) > 50, quarter.ToString());
        }
    }
}
