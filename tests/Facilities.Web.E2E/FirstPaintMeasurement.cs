using System.Globalization;
using System.Text;

namespace Facilities.Web.E2E;

/// <summary>
/// Records (never asserts) how long the sample city takes to reach its first complete paint: from navigation start
/// to the first map render after the wards' deficit, schools and areas are drawn (performance.now() in the page).
/// The figures go to artifacts/first-paint.txt beside the tests and into docs/performance.md by hand.
/// FACILITIES_FIRST_PAINT_RUNS sets how many fresh page loads to measure (default 3).
/// </summary>
public sealed class FirstPaintMeasurement(BrowserFixture browser)
{
    [Fact]
    public async Task First_paint_of_the_sample_city_is_measured_and_recorded()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("FACILITIES_FIRST_PAINT_RUNS"), out var n) && n > 0 ? n : 3;
        await using var app = await TestApp.StartAsync();
        var times = new List<double>();
        var requests = new List<string>();
        for (var i = 0; i < runs; i++)
        {
            // A fresh context each time: nothing cached, as on a first visit. The server is warm after the first run.
            await using var page = await AppPage.OpenAsync(browser.Browser, app, "first-paint");
            times.Add(await page.HookAsync<double>("firstPaintMs()"));
            // Where the time went: each request's start and end since navigation, for the cold and the last load.
            if (i == 0 || i == runs - 1)
            {
                var timings = await page.Page.EvaluateAsync<string[]>(
                    "() => performance.getEntriesByType('resource').map(e => `${new URL(e.name).pathname}${new URL(e.name).search} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms`)");
                requests.Add((i == 0 ? "cold" : "warm") + ": " + string.Join("; ", timings));
            }
        }

        Assert.All(times, t => Assert.True(t > 0, "the page reports its first paint"));
        var sorted = times.Order().ToList();
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"first paint of gis-data/sample-city.gpkg, {runs} fresh page loads, headless Chromium, {Environment.ProcessorCount} cores")
            .AppendLine(CultureInfo.InvariantCulture, $"each (ms): {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}")
            .AppendLine(CultureInfo.InvariantCulture, $"first (cold server): {times[0]:0} ms; median: {sorted[sorted.Count / 2]:0} ms; max: {sorted[^1]:0} ms")
            .AppendLine(string.Join(Environment.NewLine, requests))
            .ToString();
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "first-paint.txt"), report, TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage(report);
    }
}
