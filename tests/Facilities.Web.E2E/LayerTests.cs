using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Facilities.Web.E2E;

/// <summary>The other layers: candidate sites with their score, teacher shortfall, schools coloured by compliance.</summary>
public sealed class LayerTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_candidate_site_popup_shows_a_score_that_adds_up_to_its_breakdown()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "sites");
        Assert.Equal(0, await page.HookAsync<int>("layerCount('sites')"));
        await page.Page.CheckAsync("#layer-sites");
        await page.IdleAsync();
        var count = await page.HookAsync<int>("layerCount('sites')");
        Assert.InRange(count, 1, 50);
        Assert.Contains("Địa điểm đề xuất", await page.Page.TextContentAsync("#legend-body"), StringComparison.Ordinal);

        foreach (var layer in new[] { "schools", "urban", "industrial", "parcels" })
        {
            await page.Page.UncheckAsync($"#layer-{layer}");
        }

        await page.Page.EvaluateAsync("() => window.__facilities.zoomToFeature('sites', 0, 16)");
        await page.IdleAsync();
        var at = await page.HookAsync<JsonElement>("featurePixel('sites', 0)");
        await page.Page.Mouse.ClickAsync(at.GetProperty("x").GetSingle(), at.GetProperty("y").GetSingle());
        var popup = page.Page.Locator("#popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        Assert.Equal("site", await popup.GetAttributeAsync("data-kind"));
        await Assertions.Expect(popup.Locator(".score-bar span")).ToHaveCountAsync(5);

        var values = (await popup.Locator("tr[data-field]").EvaluateAllAsync<string[][]>(
                "rows => rows.map(r => [r.dataset.field, r.querySelector('td').dataset.value])"))
            .ToDictionary(r => r[0], r => r[1]);
        var parts = values.Where(p => p.Key.StartsWith("score_", StringComparison.Ordinal))
            .Sum(p => decimal.Parse(p.Value, CultureInfo.InvariantCulture));
        Assert.Equal(5, values.Count(p => p.Key.StartsWith("score_", StringComparison.Ordinal)));
        // The CLI rounds each part and the total to 3 decimals: they agree to that rounding.
        Assert.True(Math.Abs(parts - decimal.Parse(values["score"], CultureInfo.InvariantCulture)) <= 0.005m, $"parts {parts} vs score {values["score"]}");
        Assert.InRange(int.Parse(values["rank"], CultureInfo.InvariantCulture), 1, count);
        Assert.Equal(at.GetProperty("id").ToString(), await popup.GetAttributeAsync("data-feature-id"));
        await page.ScreenshotAsync("popup");
    }

    [Fact]
    public async Task The_teacher_shortfall_and_compliance_colours_replace_the_classroom_figures()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "teachers-compliance");
        var rooms = await page.HookAsync<JsonElement>("wardValues()");

        await page.Page.SelectOptionAsync("#indicator-select", "teachers");
        await page.IdleAsync();
        Assert.Equal("teacher_shortfall", await page.HookAsync<string>("state.indicatorField"));
        var teachers = await page.HookAsync<JsonElement>("wardValues()");
        Assert.NotEqual(rooms.GetRawText(), teachers.GetRawText());
        Assert.Contains("Giáo viên còn thiếu", await page.Page.TextContentAsync("#legend-body"), StringComparison.Ordinal);
        // Unknown teacher counts stay unknown (null), never 0: the sample city leaves some schools without them.
        Assert.Contains(teachers.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.Null);

        await page.Page.SelectOptionAsync("#school-colour-select", "compliance");
        await page.IdleAsync();
        var statuses = await page.Page.EvaluateAsync<string[]>("() => [...window.__facilities.state.compliance.values()]");
        Assert.Contains("fail", statuses);
        Assert.Contains("pass", statuses);
        Assert.Contains("Không đạt", await page.Page.TextContentAsync("#legend-body"), StringComparison.Ordinal);
        await page.ScreenshotAsync("compliance");

        // The colours are the server's compliance_status (Core decides it), and a school's popup shows that same status.
        var served = await page.Page.EvaluateAsync<string[][]>(
            "async () => (await (await fetch('api/compliance')).json()).features.map(f => [f.id, f.properties.compliance_status])");
        Assert.Equal(served.Select(p => p[1]), statuses);
        foreach (var layer in new[] { "urban", "industrial", "parcels" })
        {
            await page.Page.UncheckAsync($"#layer-{layer}");
        }

        // The map draws only the chosen level's schools: click the first one drawn.
        var n = await page.Page.EvaluateAsync<int>("""
            () => {
              const { map, state } = window.__facilities;
              const schools = map.getLayers().getArray().find((l) => l.get('key') === 'schools');
              return schools.getSource().getFeatures().findIndex((f) => !state.filterSchoolsByLevel || f.get('level') === state.level);
            }
            """);
        Assert.True(n >= 0);
        await page.Page.EvaluateAsync($"() => window.__facilities.zoomToFeature('schools', {n}, 17)");
        await page.IdleAsync();
        var at = await page.HookAsync<JsonElement>($"featurePixel('schools', {n})");
        await page.Page.Mouse.ClickAsync(at.GetProperty("x").GetSingle(), at.GetProperty("y").GetSingle());
        var popup = page.Page.Locator("#popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        Assert.Equal("school", await popup.GetAttributeAsync("data-kind"));
        var shown = await popup.Locator("tr[data-field='compliance_status'] td").GetAttributeAsync("data-value");
        Assert.Equal(served.Single(p => p[0] == at.GetProperty("id").GetString())[1], shown);
    }
}
