using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Facilities.Web.Tests;

/// <summary>
/// A department's load through real HTTP on whichever store a subclass gives (issue 12): hundreds of writers at once
/// are all answered — acknowledged, refused as a conflict, or turned away with a quick 503 + Retry-After — nothing hangs,
/// and every acknowledged move is in the history exactly once. Timing is only a generous hang guard here; the
/// measured latencies are written to the test output.
/// </summary>
public abstract class TrackerLoadContract : TrackerSecurityContract
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Two_hundred_concurrent_writers_on_their_own_cases_are_all_acknowledged_and_recorded_once()
    {
        var sites = Tracker.Sites.All.Select(s => s.SiteId).Take(200).ToList();
        Assert.Equal(200, sites.Count);
        var answers = await BurstAsync(sites.Select(id => (id, "writer " + id)).ToList());
        Report("200 writers", answers);
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.Site}: {(int)a.Status} {a.Body}"));
        var history = await AllHistoriesAsync(sites);
        Assert.All(sites, id => Assert.Equal(["writer " + id], history[id]));
    }

    // The 500-writer burst meets two write slots and a queue of two: with the default 16 + 256 slots, a burst that the client's
    // connection set-up spreads over a few seconds can be absorbed whole (seen once in CI), and the test would then not
    // reach the 503 path it is about. With four places, any five writes that overlap turn the fifth away.
    protected override WebOptions Tune(WebOptions options) =>
        TestContext.Current.TestMethod?.MethodName == nameof(Five_hundred_writers_get_answers_the_excess_a_quick_503_and_meta_answers_throughout)
            ? options with { WriteConcurrency = 2, WriteQueue = 2 }
            : options;

    [Fact]
    public async Task Five_hundred_writers_get_answers_the_excess_a_quick_503_and_meta_answers_throughout()
    {
        // 250 cases, two writers each on version 0: one may win, the other conflicts; the excess is turned away.
        var sites = Tracker.Sites.All.Select(s => s.SiteId).Take(250).ToList();
        Assert.Equal(250, sites.Count);
        var writers = sites.SelectMany(id => new[] { (id, "a " + id), (id, "b " + id) }).ToList();
        var meta = App.Client();
        using var done = new CancellationTokenSource();
        var metaTimes = new List<(HttpStatusCode, TimeSpan)>();
        var polling = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested && metaTimes.Count < 10_000)
            {
                var watch = Stopwatch.StartNew();
                using var response = await meta.GetAsync("/api/meta", TestContext.Current.CancellationToken);
                metaTimes.Add((response.StatusCode, watch.Elapsed));
            }
        }, TestContext.Current.CancellationToken);
        var answers = await BurstAsync(writers);
        await done.CancelAsync();
        await polling.WaitAsync(HangGuard, TestContext.Current.CancellationToken);
        Report("500 writers", answers);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"/api/meta during the burst: {metaTimes.Count} answers, all 200: {metaTimes.All(m => m.Item1 == HttpStatusCode.OK)}, max {metaTimes.Max(m => m.Item2).TotalMilliseconds:F0} ms");

        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable }));
        var busy = answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        Assert.All(busy, a => Assert.Equal("busy", a.Body.GetProperty("error").GetProperty("code").GetString()));
        Assert.All(busy, a => Assert.True(a.RetryAfter > TimeSpan.Zero));
        Assert.NotEmpty(metaTimes);
        Assert.All(metaTimes, m => Assert.Equal(HttpStatusCode.OK, m.Item1));

        // Every acknowledged move is recorded once, and nothing else is.
        var history = await AllHistoriesAsync(sites);
        var acknowledged = answers.Where(a => a.Status == HttpStatusCode.OK).ToLookup(a => a.Site, a => a.Note);
        Assert.All(sites, id => Assert.Equal(acknowledged[id].ToList(), history[id]));
    }

    /// <summary>One POST per writer, all released at once; each answer with its time.</summary>
    internal async Task<List<Answer>> BurstAsync(IReadOnlyList<(string Site, string Note)> writers) =>
        await BurstAsync(await App.LoginAsync("admin", "admin-pw-1"), writers);

    /// <summary>The burst of <paramref name="client"/>, already signed in (so that a fault started with the burst cannot hit the login).</summary>
    internal static async Task<List<Answer>> BurstAsync(HttpClient client, IReadOnlyList<(string Site, string Note)> writers)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = writers.Select(w => Task.Run(async () =>
        {
            await gate.Task;
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsync($"/api/cases/{w.Site}/transitions",
                JsonContent(new { to = "received", version = 0, note = w.Note }), TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return new Answer(w.Site, w.Note, response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(),
                watch.Elapsed, response.Headers.RetryAfter?.Delta);
        })).ToList();
        gate.SetResult();
        return [.. await Task.WhenAll(tasks).WaitAsync(HangGuard, TestContext.Current.CancellationToken)];
    }

    /// <summary>The notes recorded on each case, oldest first, read through the API.</summary>
    internal async Task<Dictionary<string, List<string>>> AllHistoriesAsync(IEnumerable<string> sites)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in sites)
        {
            result[id] = [.. (await HistoryAsync(id)).Select(e => e.GetProperty("note").GetString()!)];
        }

        return result;
    }

    internal static void Report(string what, IReadOnlyList<Answer> answers)
    {
        var line = $"{what}: " + string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} ×{g.Count()} (max {g.Max(a => a.Time).TotalMilliseconds:F0} ms)"));
        ReportLine(line);
    }

    /// <summary>A measured line to the test output, and to the file FACILITIES_LOAD_REPORT names (for docs/security.md).</summary>
    internal static void ReportLine(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("FACILITIES_LOAD_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }

    /// <summary>One writer's answer.</summary>
    internal sealed record Answer(string Site, string Note, HttpStatusCode Status, JsonElement Body, TimeSpan Time, TimeSpan? RetryAfter);
}
