using System.Text.Json;
using SkiaSharp;

namespace Facilities.Web.E2E;

/// <summary>
/// Issue 13: the web map's PNG export is a sheet for a report: the dataset's title on top, the map as on screen, and
/// beside it (never over it) the legend, a north arrow and a scale bar. Checked by reading the exported PNG's pixels.
/// </summary>
public sealed class ExportPngTests(BrowserFixture browser)
{
    private const string Title = "Thành phố mẫu – báo cáo 2030";

    private static SKRectI Box(JsonElement parts, string name, double ratio)
    {
        var p = parts.GetProperty(name);
        double x = p.GetProperty("x").GetDouble(), y = p.GetProperty("y").GetDouble(), w = p.GetProperty("w").GetDouble(), h = p.GetProperty("h").GetDouble();
        return new SKRectI((int)(x * ratio), (int)(y * ratio), (int)Math.Ceiling((x + w) * ratio), (int)Math.Ceiling((y + h) * ratio));
    }

    private static int Count(SKBitmap image, SKRectI area, Func<SKColor, bool> test)
    {
        var n = 0;
        for (var y = Math.Max(0, area.Top); y < Math.Min(image.Height, area.Bottom); y++)
        {
            for (var x = Math.Max(0, area.Left); x < Math.Min(image.Width, area.Right); x++)
            {
                n += test(image.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return n;
    }

    private static bool Dark(SKColor c) => c.Red < 80 && c.Green < 80 && c.Blue < 80;

    [Fact]
    public async Task The_exported_png_has_the_dataset_title_and_a_legend_north_arrow_and_scale_bar_beside_the_map()
    {
        await using var app = await TestApp.StartAsync(title: Title);
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "export");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.ClickAsync("#export-png"));
        var file = Path.Combine(AppPage.ScreenshotFolder, "exported-view.png");
        Directory.CreateDirectory(AppPage.ScreenshotFolder);
        await download.SaveAsAsync(file);
        var parts = await page.HookAsync<JsonElement>("lastExport");
        var classColours = await page.Page.EvaluateAsync<string[]>("() => window.__facilities.state.classes.map((c) => c.colour)");

        Assert.EndsWith(".png", download.SuggestedFilename, StringComparison.Ordinal);
        using var image = SKBitmap.Decode(file);
        var ratio = parts.GetProperty("ratio").GetDouble();
        Assert.Equal((int)Math.Round(parts.GetProperty("width").GetDouble() * ratio), image.Width);
        Assert.Equal((int)Math.Round(parts.GetProperty("height").GetDouble() * ratio), image.Height);

        // The map keeps its on-screen size, and the legend, the north arrow and the scale bar lie outside it.
        var mapBox = await page.Page.Locator("#map").BoundingBoxAsync();
        var map = Box(parts, "map", ratio);
        Assert.Equal((int)Math.Round(mapBox!.Width * ratio), map.Width);
        Assert.Equal((int)Math.Round(mapBox.Height * ratio), map.Height);
        foreach (var part in new[] { "legend", "north", "scale", "title" })
        {
            Assert.False(Box(parts, part, ratio).IntersectsWith(map), $"the {part} covers the map");
        }

        // The title is the dataset's, the subtitle what is shown; both left ink in the title band.
        Assert.Equal(Title, parts.GetProperty("title").GetProperty("main").GetString());
        Assert.NotEmpty(parts.GetProperty("title").GetProperty("sub").GetString()!);
        Assert.True(Count(image, Box(parts, "title", ratio), Dark) > 200, "no title drawn");

        // Every class colour of the choropleth has a swatch in the legend and is drawn on the map.
        var legend = Box(parts, "legend", ratio);
        foreach (var hex in classColours)
        {
            var colour = SKColor.Parse(hex);
            Assert.True(Count(image, legend, c => c == colour) > 50, $"no legend swatch of {hex}");
        }

        // The map is the view as on screen: nearly every pixel matches the screenshot (the zoom buttons, the on-screen
        // scale line and the status line are page elements, not in the export).
        var onScreen = await page.Page.Locator("#map").ScreenshotAsync(new() { Path = Path.Combine(AppPage.ScreenshotFolder, "export-screen.png") });
        using var screen = SKBitmap.Decode(onScreen);
        int same = 0, all = 0;
        for (var y = 0; y < Math.Min(screen.Height, map.Height); y += 4)
        {
            for (var x = 0; x < Math.Min(screen.Width, map.Width); x += 4)
            {
                SKColor seen = screen.GetPixel(x, y), exported = image.GetPixel(map.Left + x, map.Top + y);
                all++;
                same += Math.Max(Math.Abs(seen.Red - exported.Red), Math.Max(Math.Abs(seen.Green - exported.Green), Math.Abs(seen.Blue - exported.Blue))) <= 12 ? 1 : 0;
            }
        }

        Assert.True(same > 0.95 * all, $"only {same} of {all} map pixels match the screen");
        // Scale bar: alternating black and white quarters; a round length in its label.
        var scale = Box(parts, "scale", ratio);
        var row = scale.Top + (scale.Height / 2);
        var quarter = scale.Width / 4;
        Assert.True(Dark(image.GetPixel(scale.Left + (quarter / 2), row)), "first quarter of the scale bar is not black");
        Assert.Equal(SKColors.White, image.GetPixel(scale.Left + quarter + (quarter / 2), row));
        Assert.True(Dark(image.GetPixel(scale.Left + (2 * quarter) + (quarter / 2), row)), "third quarter is not black");
        Assert.Matches(@"^(1|2|5)0*( km| m)$", parts.GetProperty("scale").GetProperty("label").GetString());

        // North arrow: ink in its box (the letter B and the arrow).
        Assert.True(Count(image, Box(parts, "north", ratio), Dark) > 100, "no north arrow");
    }
}
