using System.Net;
using System.Text.Json;
using Facilities.Core.Tracker;
using Facilities.Storage.PostGis;
using Facilities.Testing;
using Facilities.Web.Tracker;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Facilities.Web.Tests;

/// <summary>
/// The tracker's PostgreSQL server really restarted (<c>pg_ctl restart -m fast</c>) while a burst of writers is
/// answered (issue 12): a cluster of this test's own, so the shared test server other projects use stays up.
/// </summary>
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private const int Writers = 100;

    /// <summary>The restart starts once this many writers have their answer, so it lands inside the burst.</summary>
    private const int RestartAfterAnswers = 10;

    /// <summary>A generous bound for the burst, the restart and every retry: a hang fails the test, slowness does not.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private readonly TempDir _dir = new();
    private ThrowawayPostgres? _pg;
    private RunningApp? _app;

    private ThrowawayPostgres Pg => _pg!;

    private RunningApp App => _app!;

    public async ValueTask InitializeAsync()
    {
        try
        {
            _pg = ThrowawayPostgres.Start("tracker");
            var dataset = _dir.File("d.gpkg");
            CliRun.Ok("generate", "--out", dataset, "--parcels", "0", "--wards", "3");
            _app = await RunningApp.StartAsync(new WebOptions
            {
                DatasetPath = dataset,
                TrackerDb = Pg.ConnectionString,
                Time = new SettableClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7))),
            });
            var service = App.App.Services.GetRequiredService<TrackerContext>().Service;
            Assert.Null(await service.AddUserAsync(null, new TrackerUser("admin", TrackerRole.CityDepartment), "admin-pw-1"));
        }
        catch
        {
            // xunit v3 does not dispose a test class whose initialisation failed: the cluster must not outlive it.
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            _pg?.Dispose();
            _dir.Dispose();
        }
    }

    [Fact]
    public async Task PostgreSQL_restarted_mid_burst_loses_no_acknowledged_move_and_the_next_requests_succeed()
    {
        var sites = App.App.Services.GetRequiredService<TrackerContext>().Sites.All.Select(s => s.SiteId).Take(Writers).ToList();
        Assert.Equal(Writers, sites.Count);
        var client = await App.LoginAsync("admin", "admin-pw-1");

        // Every writer on its own case, all released at once; the restart is started by the RestartAfterAnswers-th answer.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var trigger = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;
        int answeredAtRestart = 0, answeredAfterRestart = 0;
        var restart = Task.Run(async () =>
        {
            await trigger.Task;
            answeredAtRestart = Volatile.Read(ref answered);
            await Pg.RestartAsync();
            answeredAfterRestart = Volatile.Read(ref answered);
        }, TestContext.Current.CancellationToken);
        var writers = sites.Select(id => Task.Run(async () =>
        {
            await gate.Task;
            var answer = await MoveAsync(client, id, "writer " + id);
            if (Interlocked.Increment(ref answered) == RestartAfterAnswers)
            {
                trigger.SetResult();
            }

            return answer;
        })).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(writers).WaitAsync(HangGuard, TestContext.Current.CancellationToken);
        await restart.WaitAsync(HangGuard, TestContext.Current.CancellationToken);
        var committedInBurst = await EventsInDatabaseAsync();

        // Then every turned-away writer tries again, as Retry-After asks (the server is up again: pg_ctl waited for it).
        async Task<List<(TrackerLoadContract.Answer First, TrackerLoadContract.Answer Retry, bool CommittedBefore)>> RetryAsync()
        {
            var list = new List<(TrackerLoadContract.Answer, TrackerLoadContract.Answer, bool)>();
            foreach (var a in answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable))
            {
                list.Add((a, await MoveAsync(client, a.Site, a.Note), committedInBurst.GetValueOrDefault(a.Site)?.Contains(a.Note) == true));
            }

            return list;
        }

        var retries = await RetryAsync().WaitAsync(HangGuard, TestContext.Current.CancellationToken);

        var final = await EventsInDatabaseAsync();
        var (next, _) = await client.PostJsonAsync($"/api/cases/{sites[0]}/transitions", new { to = "checked", version = 1, note = "sau khởi động lại" });
        TrackerLoadContract.Report($"{Writers} writers, PostgreSQL restarted after {answeredAtRestart} answers (back after {answeredAfterRestart})",
            answers);
        TrackerLoadContract.ReportLine(
            $"retries of the 503s: {retries.Count(r => r.Retry.Status == HttpStatusCode.OK)} × 200, "
            + $"{retries.Count(r => r.Retry.Status == HttpStatusCode.Conflict)} × 409 (move committed before its 503: {retries.Count(r => r.CommittedBefore)})");

        // The restart began while writers were still waiting for their answers (else this test would prove nothing).
        Assert.True(answeredAtRestart < Writers, $"the restart began after all {Writers} answers");

        // Every request was answered: acknowledged, or turned away with Retry-After (never a 500, a 408 or a reset).
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.Site}: {(int)a.Status} {a.Body}"));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a =>
        {
            Assert.True(a.RetryAfter > TimeSpan.Zero, $"{a.Site}: 503 without Retry-After");
            Assert.Contains(a.Body.GetProperty("error").GetProperty("code").GetString(), new[] { "store-unavailable", "busy" });
        });

        // Every acknowledged move survived the restart, once, as read from PostgreSQL itself; nothing else was written.
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.OK), a => Assert.Equal([a.Note], committedInBurst.GetValueOrDefault(a.Site, [])));
        Assert.All(committedInBurst, c => Assert.True(c.Value.Count == 1 && sites.Contains(c.Key), $"{c.Key}: {string.Join(" | ", c.Value)}"));

        // The requests after the restart succeed: a retried move is acknowledged (200) when it had not been written, or
        // refused as a conflict (409) only when its case already holds that very move, committed before its 503.
        Assert.All(retries, r => Assert.True(
            r.CommittedBefore ? r.Retry.Status == HttpStatusCode.Conflict : r.Retry.Status == HttpStatusCode.OK,
            $"{r.First.Site}: retry {(int)r.Retry.Status} {r.Retry.Body}, committed before: {r.CommittedBefore}"));
        Assert.All(sites, id => Assert.Equal(["writer " + id], final.GetValueOrDefault(id, [])));
        Assert.Equal(HttpStatusCode.OK, next);
    }

    /// <summary>One move of a case from version 0 to received, with its answer.</summary>
    private static async Task<TrackerLoadContract.Answer> MoveAsync(HttpClient client, string site, string note)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.PostAsync($"/api/cases/{site}/transitions",
            TrackerApiContract.JsonContent(new { to = "received", version = 0, note }), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new TrackerLoadContract.Answer(site, note, response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(),
            watch.Elapsed, response.Headers.RetryAfter?.Delta);
    }

    /// <summary>The notes of every case's events, oldest first, read from the database (not through the server).</summary>
    private async Task<Dictionary<string, List<string>>> EventsInDatabaseAsync()
    {
        await using var db = NpgsqlDataSource.Create(Pg.ConnectionString);
        await using var cmd = db.CreateCommand($"SELECT case_id, note FROM {PostgresCaseStore.DefaultSchema}.case_events ORDER BY case_id, seq");
        await using var r = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var events = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (await r.ReadAsync(TestContext.Current.CancellationToken))
        {
            var id = r.GetString(0);
            if (!events.TryGetValue(id, out var notes))
            {
                events[id] = notes = [];
            }

            notes.Add(r.GetString(1));
        }

        return events;
    }
}
