using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Facilities.Core.Tracker;
using Facilities.Storage.PostGis;
using Facilities.Web.Security;
using Facilities.Web.Tracker;
using Microsoft.Extensions.DependencyInjection;

namespace Facilities.Web.Tests;

/// <summary>
/// The login throttle across two real <c>facilities serve</c> processes on one PostgreSQL database (issue 17): wrong
/// passwords sent to one count in the other, and a lockout made by either refuses on both, so a guesser behind the
/// proxy gets no more tries than with one process. The processes read the real clock; the ten failures of an account
/// take well under a second here, against the one-minute window (the elapsed time is in every failure message).
/// </summary>
public sealed class TwoServeProcessesShareTheLoginThrottleTests : IAsyncDisposable
{
    private readonly DepartmentSite _site = new();
    private readonly ServeProcesses _serve = new();

    [Fact]
    public async Task Wrong_passwords_sent_to_one_process_count_in_the_other_and_a_lockout_in_either_refuses_in_both()
    {
        var cancel = TestContext.Current.CancellationToken;
        var connection = await _serve.CreateDatabaseAsync(ServeProcesses.TestServer(), cancel);
        await using (var setup = FacilitiesWebApp.Build(new WebOptions { DatasetPath = _site.Dataset, Port = 0, TrackerDb = connection }))
        {
            var store = setup.Services.GetRequiredService<TrackerContext>().Store;
            foreach (var name in new[] { "xem", "cb1", "admin" })
            {
                // The lightest hash allowed: twenty wrong passwords at full strength would only make the test slow.
                Assert.True(await store.AddUserAsync(new StoredUser(new TrackerUser(name, TrackerRole.Viewer), TrackerPasswords.Hash(name + "-pw-1", 100_000)), cancel));
            }
        }

        var a = await _serve.StartAsync(_site.Dataset, connection, cancel);
        var b = await _serve.StartAsync(_site.Dataset, connection, cancel);
        using var http = new HttpClient();
        async Task<HttpStatusCode> LoginAsync(string server, string user, string password)
        {
            using var response = await http.PostAsJsonAsync(server + "/api/login", new { user, password }, cancel);
            return response.StatusCode;
        }

        var clock = Stopwatch.StartNew();
        // xem: nine wrong passwords on A, the tenth on B locks it there; A then refuses even the right password.
        // cb1: the other way round, so each process both counts the other's failures and obeys the other's lockout.
        foreach (var (user, first, second) in new[] { ("xem", a, b), ("cb1", b, a) })
        {
            for (var i = 0; i < LoginThrottle.MaxFailuresPerAccount - 1; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(first, user, $"guess-{i}"));
            }

            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(second, user, "guess-9"));
            Assert.True(await LoginAsync(first, user, user + "-pw-1") == HttpStatusCode.TooManyRequests, $"{user} not locked on the other process after {clock.Elapsed}");
            Assert.True(await LoginAsync(second, user, user + "-pw-1") == HttpStatusCode.TooManyRequests, $"{user} not locked on its own process after {clock.Elapsed}");
        }

        // Other accounts are not locked, on either process (20 failures from 127.0.0.1 stay under its 30).
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(a, "admin", "admin-pw-1"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(b, "admin", "admin-pw-1"));

        // The audit log names the failure that locked each account, written by the process that took it.
        using var security = PostgresTrackerSecurity.Open(connection);
        var locked = (await security.ListAuditAsync(cancel: cancel)).Where(e => e.Detail == "wrong name or password; now locked").Select(e => e.Actor);
        Assert.Equal(["xem", "cb1"], locked);
        Assert.True(_serve.AllRunning, _serve.Errors);
    }

    public async ValueTask DisposeAsync()
    {
        await _serve.DisposeAsync();
        _site.Dispose();
    }
}
