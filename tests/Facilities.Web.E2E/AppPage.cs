using Microsoft.Playwright;

namespace Facilities.Web.E2E;

/// <summary>
/// One browser context and page on the app. It records every console error and uncaught exception, saves a
/// screenshot under artifacts/screenshots of the test output folder, and on dispose fails the test if the page
/// logged an error it was not told to expect.
/// </summary>
internal sealed class AppPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _name;
    private readonly List<string> _errors = [];
    private readonly List<string> _allowed = [];

    private AppPage(IBrowserContext context, IPage page, string name)
    {
        _context = context;
        Page = page;
        _name = name;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _errors.Add("uncaught: " + error);
    }

    public IPage Page { get; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public static async Task<AppPage> OpenAsync(IBrowser browser, TestApp app, string name)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = app.Address,
            ViewportSize = new() { Width = 1400, Height = 900 },
            AcceptDownloads = true,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        var session = new AppPage(context, page, name);
        await page.GotoAsync("/");
        await session.WaitReadyAsync();
        return session;
    }

    /// <summary>Waits until the first data is drawn (the page sets data-ready), then until the page is idle.</summary>
    public async Task WaitReadyAsync()
    {
        await Page.WaitForFunctionAsync("() => ['1', 'error'].includes(document.documentElement.dataset.ready)");
        var ready = await Page.EvaluateAsync<string>("() => document.documentElement.dataset.ready");
        Assert.True(ready == "1", "the page reported: " + await Page.TextContentAsync("#error"));
        await IdleAsync();
    }

    /// <summary>No request in flight and the map fully rendered (the page's own hook; no sleeping).</summary>
    public Task IdleAsync() => Page.EvaluateAsync("() => window.__facilities.idle()");

    public Task<T> HookAsync<T>(string expression) => Page.EvaluateAsync<T>($"() => window.__facilities.{expression}");

    /// <summary>A console error the test provokes on purpose (e.g. the 409 of a stale transition).</summary>
    public void AllowConsoleError(string fragment) => _allowed.Add(fragment);

    public async Task ScreenshotAsync(string suffix = "")
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, _name + (suffix.Length > 0 ? "-" + suffix : "") + ".png");
        await Page.ScreenshotAsync(new() { Path = file });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ScreenshotAsync();
        }
        finally
        {
            await _context.CloseAsync();
        }

        var unexpected = _errors.Where(e => !_allowed.Any(a => e.Contains(a, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, "console errors:\n" + string.Join("\n", unexpected));
    }
}
