using Facilities.Testing;
using SkiaSharp;

namespace Facilities.Cli.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // The map frame is the left ~72 % of the page below the title; the legend is the panel to its right.
    private static HashSet<SKColor> Colours(SKBitmap image, SKRectI area)
    {
        var colours = new HashSet<SKColor>();
        for (var x = area.Left; x < area.Right; x += 3)
        {
            for (var y = area.Top; y < area.Bottom; y += 3)
            {
                colours.Add(image.GetPixel(x, y));
            }
        }

        return colours;
    }

    [Fact]
    public void RealHaiPhongWardsWithoutSchoolsAreDrawnAsNoDataNotAsTheDeepestShortage()
    {
        var dataset = _dir.File("hp.gpkg");
        Assert.Equal(0, CliRunner.Run("import", SharedData.HaiPhong("communes_2025.geojson"), "--layer", "wards", "--into", dataset).Code);
        var png = _dir.File("hp.png");

        var (code, _, err) = CliRunner.Run("render", dataset, "--map", "deficit", "--level", "tieu_hoc", "--year", "2030", "--out", png, "--lang", "en");

        Assert.True(code == 0, err);
        using var image = SKBitmap.Decode(png);
        Assert.Equal((1600, 1200), (image.Width, image.Height));
        // The wards layer alone has no school: every ward is "no data" (hatched grey), none is painted as a shortage.
        var map = Colours(image, new SKRectI(40, 140, 1140, 1080));
        var reds = map.Count(c => c.Red > 200 && c.Green < 200 && c.Blue < 200);
        Assert.Equal(0, reds);
        Assert.Contains(new SKColor(0xBD, 0xBD, 0xBD), map);
        var legend = Colours(image, new SKRectI(1180, 130, 1570, 490));
        Assert.True(legend.Count > 8, "legend panel looks empty");
        var stamp = File.ReadAllText(png + ".stamp.json");
        Assert.Contains("wards have no primary school in the data: their shortage may be missing data", stamp, StringComparison.Ordinal);
        Assert.Contains("wards have no primary school in the data", err, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleCityCatchmentMapRenders()
    {
        var png = _dir.File("c.png");

        var (code, _, err) = CliRunner.Run("render", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--method", "catchment", "--out", png);

        Assert.True(code == 0, err);
        using var image = SKBitmap.Decode(png);
        Assert.NotNull(image);
        Assert.True(Colours(image, new SKRectI(40, 140, 1140, 1080)).Count > 5);
    }

    [Fact]
    public void RealHaiPhongDeficitMapCarriesTheDatasetTitleAndSpreadsTheWardsOverTheClasses()
    {
        var dataset = RealWardSchools.Create(_dir, "Hải Phòng – 114 xã, phường, đặc khu (2025)");
        var png = _dir.File("hp.png");

        var (code, _, err) = CliRunner.Run("render", dataset, "--level", "tieu_hoc", "--year", "2030", "--out", png);

        Assert.True(code == 0, err);
        File.Copy(png, Path.Combine(Path.GetTempPath(), "facilities-render-hp-tieu-hoc.png"), overwrite: true);
        using var image = SKBitmap.Decode(png);
        Assert.Equal((1600, 1200), (image.Width, image.Height));
    }
}
