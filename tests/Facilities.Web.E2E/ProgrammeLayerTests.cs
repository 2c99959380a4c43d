using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Facilities.Web.E2E;

/// <summary>The build programme layer: projects by start year, the year slider over the ward deficit, the project popup.</summary>
public sealed class ProgrammeLayerTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_programme_layer_shows_its_projects_the_slider_recolours_the_wards_and_a_popup_shows_the_cost()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "programme");
        // The greedy programme (no solver time): the same answer the API gives for these parameters.
        await page.Page.GotoAsync("/?solver=greedy");
        await page.WaitReadyAsync();
        Assert.Contains("Chương trình đầu tư", await page.Page.TextContentAsync("#programme-panel"), StringComparison.Ordinal);

        await page.Page.CheckAsync("#programme-toggle");
        await page.IdleAsync();
        Assert.True(await page.HookAsync<bool>("programme.loaded()"));
        var api = await page.Page.EvaluateAsync<JsonElement>(
            "() => fetch('api/programme?from=2026&to=2030&budget=100&solver=greedy').then(r => r.json())");
        var projects = await page.HookAsync<JsonElement>("programme.projects()");
        Assert.Equal(api.GetProperty("features").GetArrayLength(), projects.GetArrayLength());
        Assert.True(projects.GetArrayLength() > 0, "the sample city's programme has projects");
        Assert.Contains("Khởi công năm 2026", await page.Page.TextContentAsync("#programme-legend"), StringComparison.Ordinal);

        // The slider starts at the last year; the first year, before any project serves, colours some ward otherwise.
        Assert.Equal("2030", await page.Page.TextContentAsync("#programme-year-output"));
        var last = (await page.HookAsync<JsonElement>("programme.wardColours()")).GetRawText();
        await page.Page.Locator("#programme-year").FillAsync("2026");
        await page.IdleAsync();
        Assert.Equal("2026", await page.Page.TextContentAsync("#programme-year-output"));
        var first = (await page.HookAsync<JsonElement>("programme.wardColours()")).GetRawText();
        Assert.NotEqual(last, first);

        foreach (var layer in new[] { "schools", "urban", "industrial" })
        {
            await page.Page.UncheckAsync($"#layer-{layer}");
        }

        var feature = api.GetProperty("features")[0];
        var id = feature.GetProperty("properties").GetProperty("id").GetString()!;
        var at = await page.HookAsync<JsonElement>($"programme.projectPixel({JsonSerializer.Serialize(id)})");
        await page.Page.Mouse.ClickAsync(at.GetProperty("x").GetSingle(), at.GetProperty("y").GetSingle());
        var popup = page.Page.Locator("#programme-popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        Assert.Equal(id, await popup.GetAttributeAsync("data-feature-id"));
        // The project wins over the ward below it: the ward popup the map opened for the same click is closed.
        await Assertions.Expect(page.Page.Locator("#popup")).ToBeHiddenAsync();
        var cost = feature.GetProperty("properties").GetProperty("cost_vnd").GetDecimal();
        Assert.Equal(cost, decimal.Parse((await popup.Locator("tr[data-field=cost_vnd]").GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture));
        // Shown in million VND with Vietnamese grouping, labelled in Vietnamese (not the field's code).
        var millions = Math.Round(cost / 1_000_000m, 0).ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Equal($"{millions} triệu đồng", await popup.Locator("tr[data-field=cost_vnd] td").TextContentAsync());
        Assert.Equal("Tổng mức đầu tư", await popup.Locator("tr[data-field=cost_vnd] th").TextContentAsync());
        Assert.Equal("Tình trạng đất", await popup.Locator("tr[data-field=land_status] th").TextContentAsync());
        Assert.NotEmpty((await popup.Locator("tr[data-field=land_status] td").TextContentAsync())!);
        await page.ScreenshotAsync("popup");
    }

    [Fact]
    public async Task Ticking_a_budget_scenario_adds_its_row_with_less_money_spent_and_the_unit_costs_show_their_status()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "programme-scenarios");
        await page.Page.GotoAsync("/?solver=greedy");
        await page.WaitReadyAsync();
        await page.Page.CheckAsync("#programme-toggle");
        await page.IdleAsync();
        var table = page.Page.Locator("#programme-scenarios");
        Assert.Equal(1, await table.Locator("tr[data-scenario]").CountAsync());
        var baseCost = decimal.Parse((await table.Locator("tr[data-scenario=base]").GetAttributeAsync("data-cost"))!, CultureInfo.InvariantCulture);

        await page.Page.CheckAsync("input[name=programme-scenario][value='budget-20%']");
        await page.IdleAsync();

        var rows = table.Locator("tr[data-scenario]");
        Assert.Equal(2, await rows.CountAsync());
        var cut = table.Locator("tr[data-scenario='budget-20%']");
        Assert.Equal("Ngân sách −20 %", await cut.Locator("td").First.TextContentAsync());
        var cutCost = decimal.Parse((await cut.GetAttributeAsync("data-cost"))!, CultureInfo.InvariantCulture);
        var cutAfter = double.Parse((await cut.GetAttributeAsync("data-after"))!, CultureInfo.InvariantCulture);
        var baseAfter = double.Parse((await table.Locator("tr[data-scenario=base]").GetAttributeAsync("data-after"))!, CultureInfo.InvariantCulture);
        // Less money buys fewer places: the cut programme costs less and leaves more pupil-years unmet.
        Assert.True(cutCost < baseCost, $"budget −20 % cost {cutCost} ≥ base {baseCost}");
        Assert.True(cutAfter > baseAfter, $"budget −20 % leaves {cutAfter} ≤ base {baseAfter}");
        // The numbers shown are the server's: the same as the hook's answer.
        var scenarios = await page.HookAsync<JsonElement>("programme.scenarios()");
        Assert.Equal(cutAfter, scenarios[1].GetProperty("pupil_years_after").GetDouble());
        var unit = page.Page.Locator("#programme-costs tr[data-key='cost.vnd_per_m2_floor.tieu_hoc']");
        Assert.Equal("chưa xác nhận", await unit.Locator("td").Nth(2).TextContentAsync());
        await page.ScreenshotAsync("scenarios");
    }
}
