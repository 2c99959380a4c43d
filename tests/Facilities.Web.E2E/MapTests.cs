using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Facilities.Web.E2E;

/// <summary>The map view of the sample city in headless Chromium.</summary>
public sealed class MapTests(BrowserFixture browser)
{
    private const string PixelCount = """
        () => {
          let drawn = 0, total = 0;
          const colours = new Set();
          for (const c of document.querySelectorAll('#map canvas')) {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            total = Math.max(total, c.width * c.height);
            for (let i = 0; i < d.length; i += 4) {
              if (d[i + 3] > 0) { drawn++; colours.add(((d[i] >> 3) << 10) | ((d[i + 1] >> 3) << 5) | (d[i + 2] >> 3)); }
            }
          }
          return [drawn, total, colours.size];
        }
        """;

    [Fact]
    public async Task The_choropleth_draws_every_ward_of_the_sample_city_in_several_colours()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "choropleth");

        Assert.Equal(12, await page.HookAsync<int>("wardCount()"));
        var colours = await page.HookAsync<string[]>("wardColours()");
        Assert.True(colours.Distinct().Count() >= 3, "ward colours: " + string.Join(", ", colours));
        var pixels = await page.Page.EvaluateAsync<int[]>(PixelCount);
        Assert.True(pixels[0] > pixels[1] / 4, $"only {pixels[0]} of {pixels[1]} map pixels were drawn");
        Assert.True(pixels[2] > 5, $"the map has only {pixels[2]} colours");
        Assert.True(await page.Page.Locator("#legend-body li").CountAsync() >= 4, "the legend lists the classes");
        Assert.Equal(12, await page.HookAsync<int>("layerCount('wards')"));
        Assert.True(await page.HookAsync<int>("layerCount('schools')") > 0);
        Assert.Equal(2, await page.HookAsync<int>("layerCount('urban')"));
        Assert.Equal(2, await page.HookAsync<int>("layerCount('industrial')"));
    }

    [Fact]
    public async Task Switching_the_level_changes_the_choropleth()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "level-switch");
        var before = await page.HookAsync<JsonElement>("wardValues()");
        var coloursBefore = await page.HookAsync<string[]>("wardColours()");

        await page.Page.SelectOptionAsync("#level-select", "thpt");
        await page.IdleAsync();

        Assert.Equal("thpt", await page.HookAsync<string>("state.level"));
        var after = await page.HookAsync<JsonElement>("wardValues()");
        Assert.NotEqual(before.GetRawText(), after.GetRawText());
        Assert.NotEqual(coloursBefore, await page.HookAsync<string[]>("wardColours()"));
        Assert.Equal(12, await page.HookAsync<int>("wardCount()"));
    }

    [Fact]
    public async Task A_ward_popup_shows_the_same_numbers_as_the_cli_deficit_csv()
    {
        await using var app = await TestApp.StartAsync();
        var csv = DeficitCsv.Compute(app.Dataset, app.Dir.Path, 2030, "admin");
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "popup");
        Assert.Equal("2030", await page.Page.InputValueAsync("#year-slider"));
        var level = await page.HookAsync<string>("state.level");
        // Points and areas are drawn over the wards and win the click: hide them with the layer switcher.
        foreach (var layer in new[] { "schools", "urban", "industrial" })
        {
            await page.Page.UncheckAsync($"#layer-{layer}");
        }

        await page.IdleAsync();
        var codes = csv.WardCodes(level);
        Assert.Equal(12, codes.Count);
        foreach (var code in codes)
        {
            await AssertPopupMatchesAsync(page, code, csv.Row(code, level));
        }

        await page.ScreenshotAsync("last-ward");
    }

    [Fact]
    public async Task A_ward_popup_of_the_catchment_method_matches_the_cli_csv_too()
    {
        await using var app = await TestApp.StartAsync();
        var csv = DeficitCsv.Compute(app.Dataset, app.Dir.Path, 2035, "catchment");
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "popup-catchment");
        await page.Page.CheckAsync("#method-catchment");
        await page.Page.SelectOptionAsync("#level-select", "thcs");
        // The slider moves with the keyboard, as a keyboard user would move it.
        await page.Page.FocusAsync("#year-slider");
        for (var i = 0; i < 5; i++)
        {
            await page.Page.Keyboard.PressAsync("ArrowRight");
        }

        await page.IdleAsync();
        Assert.Equal(2035, await page.HookAsync<int>("state.year"));
        foreach (var layer in new[] { "schools", "urban", "industrial" })
        {
            await page.Page.UncheckAsync($"#layer-{layer}");
        }

        await page.IdleAsync();
        foreach (var code in csv.WardCodes("thcs").Take(4))
        {
            await AssertPopupMatchesAsync(page, code, csv.Row(code, "thcs"));
        }
    }

    private static async Task AssertPopupMatchesAsync(AppPage page, string code, IReadOnlyDictionary<string, string> row)
    {
        await page.Page.EvaluateAsync("code => window.__facilities.centerOnWard(code)", code);
        await page.IdleAsync();
        var at = await page.HookAsync<JsonElement>($"wardPixel('{code}')");
        await page.Page.Mouse.ClickAsync(at.GetProperty("x").GetSingle(), at.GetProperty("y").GetSingle());
        var popup = page.Page.Locator("#popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        Assert.Equal("ward", await popup.GetAttributeAsync("data-kind"));
        Assert.Equal(code, await popup.GetAttributeAsync("data-feature-id"));
        Assert.Equal(row["ward_name"], await popup.Locator(".popup-title").TextContentAsync());

        // A person reads the unit type as a word and whole pupils, not the code or a fraction of a child.
        Assert.Equal(global::Facilities.Core.Presentation.Labels.UnitType.Vi(row["unit_type"]), await popup.Locator("tr[data-field='unit_type'] td").TextContentAsync());
        Assert.Matches("^[0-9.]+$", await popup.Locator("tr[data-field='pupils'] td").TextContentAsync() ?? "");

        var shown = await popup.Locator("tr[data-field]").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.field, r.querySelector('td').dataset.value])");
        var fields = shown.Select(r => r[0]).ToHashSet();
        foreach (var required in new[] { "pupils", "classes_needed", "rooms_needed", "rooms_available", "deficit_rooms" })
        {
            Assert.Contains(required, fields);
        }

        foreach (var pair in shown.Where(r => row.ContainsKey(r[0]) && r[0] is not "ward_code" and not "level" and not "unit_type"))
        {
            var expected = row[pair[0]];
            if (expected.Length == 0)
            {
                Assert.True(pair[1].Length == 0, $"{code} {pair[0]}: CSV unknown, popup {pair[1]}");
                continue;
            }

            // Codes (data_status) are compared as text, numbers as numbers (the popup may format them differently).
            if (!decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                Assert.Equal(expected, pair[1]);
                continue;
            }

            Assert.True(
                number == decimal.Parse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture),
                $"ward {code}, {pair[0]}: CSV {expected}, popup {pair[1]}");
        }

        await page.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(popup).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Ward_search_ignores_diacritics_and_opens_the_ward_with_the_keyboard()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "search");
        var search = page.Page.Locator("#search-input");

        await search.FillAsync("hoa binh");
        Assert.Equal(["Xã Hoà Bình"], await page.Page.Locator("#search-results button").AllTextContentsAsync());
        await search.FillAsync("HONG PHONG");
        Assert.Equal(["Xã Hồng Phong"], await page.Page.Locator("#search-results button").AllTextContentsAsync());
        await search.FillAsync("xyz không có");
        Assert.Equal(0, await page.Page.Locator("#search-results button").CountAsync());

        // đ is not a d with a mark: "dong hai" must still find "Đông Hải".
        await search.FillAsync("dong hai");
        Assert.Equal(["Xã Đông Hải"], await page.Page.Locator("#search-results button").AllTextContentsAsync());
        await search.PressAsync("Enter");
        await page.IdleAsync();
        var popup = page.Page.Locator("#popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        Assert.Equal("Xã Đông Hải", await popup.Locator(".popup-title").TextContentAsync());
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('popup-close')"), "focus moves to the popup");
        await page.ScreenshotAsync("found");

        await page.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(popup).ToBeHiddenAsync();
        Assert.Equal("search-input", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task The_map_and_its_controls_work_from_the_keyboard()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "keyboard");

        // Tab order starts with the tabs and the language switch, then the search box.
        await page.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("tab-map", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("tab-tracker", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await Assertions.Expect(page.Page.Locator("#panel-tracker")).ToBeVisibleAsync();
        await page.Page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.Page.Locator("#panel-map")).ToBeVisibleAsync();

        // Every control in the panel has a label a screen reader can announce.
        var unlabelled = await page.Page.Locator("#panel-map select, #panel-map input").EvaluateAllAsync<string[]>(
            "els => els.filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id || e.name)");
        Assert.Empty(unlabelled);

        await page.Page.FocusAsync("#level-select");
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.IdleAsync();
        Assert.Equal("thcs", await page.HookAsync<string>("state.level"));

        var zoom = await page.Page.EvaluateAsync<double>("() => window.__facilities.map.getView().getZoom()");
        await page.Page.FocusAsync("#map");
        await page.Page.Keyboard.PressAsync("+");
        await page.IdleAsync();
        Assert.True(await page.Page.EvaluateAsync<double>("() => window.__facilities.map.getView().getZoom()") > zoom, "+ zooms in");
    }

    [Fact]
    public async Task The_english_switch_changes_the_labels_and_is_remembered()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "english");
        var vi = Dictionary("vi");
        var en = Dictionary("en");
        Assert.Equal(vi["app.title"], await page.Page.TextContentAsync("h1"));
        Assert.Equal(vi["level.tieu_hoc"], await page.Page.Locator("#level-select option[value=tieu_hoc]").TextContentAsync());

        await page.Page.ClickAsync("#lang-switch");
        await page.IdleAsync();

        await Assertions.Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal(en["app.title"], await page.Page.TextContentAsync("h1"));
        Assert.Equal(en["legend.heading"], await page.Page.TextContentAsync("[data-i18n='legend.heading']"));
        Assert.Equal(en["level.tieu_hoc"], await page.Page.Locator("#level-select option[value=tieu_hoc]").TextContentAsync());
        Assert.Equal(en["method.catchment"], await page.Page.Locator("#method-group label:has(#method-catchment) span").TextContentAsync());
        Assert.Equal(en["layer.schools"], await page.Page.TextContentAsync("label[for=layer-schools]"));
        Assert.Equal(en["tab.tracker"], await page.Page.TextContentAsync("#tab-tracker"));
        Assert.Contains(en["legend.none"], await page.Page.TextContentAsync("#legend-body"));
        Assert.Equal(en["search.placeholder"], await page.Page.GetAttributeAsync("#search-input", "placeholder"));
        await page.ScreenshotAsync("en");

        // No label left untranslated: no visible text is a bare dictionary key.
        var keys = en.Keys.ToHashSet();
        var texts = await page.Page.Locator("body *:visible").EvaluateAllAsync<string[]>(
            "els => els.filter(e => e.children.length === 0).map(e => e.textContent.trim())");
        Assert.DoesNotContain(texts, keys.Contains);

        await page.Page.ReloadAsync();
        await page.WaitReadyAsync();
        Assert.Equal(en["app.title"], await page.Page.TextContentAsync("h1"));
        await page.Page.ClickAsync("#lang-switch");
        await Assertions.Expect(page.Page.Locator("h1")).ToHaveTextAsync(vi["app.title"]);
    }

    [Fact]
    public async Task Parcels_come_as_vector_tiles_when_zoomed_in()
    {
        await using var app = await TestApp.StartAsync();
        await using var page = await AppPage.OpenAsync(browser.Browser, app, "parcels");
        var tiles = new List<string>();
        page.Page.Response += (_, r) =>
        {
            if (r.Url.Contains("/tiles/parcels/", StringComparison.Ordinal))
            {
                tiles.Add($"{r.Status} {r.Url}");
            }
        };
        Assert.Empty(tiles);
        await page.Page.EvaluateAsync("() => { const v = window.__facilities.map.getView(); v.setZoom(16); }");
        await page.IdleAsync();
        Assert.NotEmpty(tiles);
        Assert.Contains(tiles, t => t.StartsWith("200 ", StringComparison.Ordinal));
        Assert.All(tiles, t => Assert.Contains("/16/", t, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Dictionary(string lang)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "wwwroot", "i18n", lang + ".json");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
    }
}
