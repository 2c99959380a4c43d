using System.Text.Json;
using Microsoft.Playwright;

namespace Facilities.Web.E2E;

/// <summary>A ward with no THPT school in the sample city's data is drawn and labelled "không có dữ liệu", not as a shortage.</summary>
public sealed class NoDataTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_ward_without_school_data_is_hatched_grey_and_its_popup_and_the_legend_say_no_data()
    {
        await using var app = await TestApp.StartAsync();
        var csv = DeficitCsv.Compute(app.Dataset, app.Dir.Path, 2030, "admin");
        var code = csv.WardCodes("thpt").First(c => csv.Row(c, "thpt")["data_status"] == "no_school_data");
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "no-data");
        await page.Page.SelectOptionAsync("#level-select", "thpt");
        foreach (var layer in new[] { "schools", "urban", "industrial" })
        {
            await page.Page.UncheckAsync($"#layer-{layer}");
        }

        await page.IdleAsync();

        var codes = await page.Page.EvaluateAsync<string[]>(
            "() => window.__facilities.map.getLayers().getArray().find(l => l.get('key') === 'wards').getSource().getFeatures().map(f => f.get('ward_code'))");
        var colours = await page.HookAsync<string[]>("wardColours()");
        Assert.Equal("#bdbdbd", colours[Array.IndexOf(codes, code)]);
        var legend = page.Page.Locator("#legend-body li", new() { HasText = "Không có dữ liệu" });
        await Assertions.Expect(legend).ToHaveCountAsync(1);
        await Assertions.Expect(legend.Locator(".swatch.no-data")).ToHaveCountAsync(1);

        await page.Page.EvaluateAsync("code => window.__facilities.centerOnWard(code)", code);
        await page.IdleAsync();
        var at = await page.HookAsync<JsonElement>($"wardPixel('{code}')");
        await page.Page.Mouse.ClickAsync(at.GetProperty("x").GetSingle(), at.GetProperty("y").GetSingle());
        var popup = page.Page.Locator("#popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        Assert.Equal(code, await popup.GetAttributeAsync("data-feature-id"));
        var status = popup.Locator("tr[data-field='data_status'] td");
        Assert.Equal("không có dữ liệu", await status.TextContentAsync());
        Assert.Equal("no_school_data", await status.GetAttributeAsync("data-value"));
        await page.ScreenshotAsync("no-data-ward");
    }
}
