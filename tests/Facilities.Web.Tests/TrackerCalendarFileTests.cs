using System.Net;
using Facilities.Core.Tracker;
using Facilities.Testing;
using Facilities.Web.Tracker;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Facilities.Web.Tests;

/// <summary><c>facilities serve --calendar FILE</c>: the server counts deadlines with the file's official day swaps.</summary>
public sealed class TrackerCalendarFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_case_received_before_a_swapped_monday_is_due_one_working_day_later()
    {
        // Received Friday 27/2/2026: 20 working days end on Friday 27/3; with Monday 2/3 swapped off (made up on
        // Saturday 4/4, after the due date) they end on Monday 30/3.
        var dataset = _dir.File("d.gpkg");
        CliRun.Ok("generate", "--out", dataset, "--parcels", "0", "--wards", "3");
        var calendar = _dir.File("lich.json");
        File.WriteAllText(calendar, """
            { "adjustments": {
                "2026-03-02": { "day_off": true, "vi": "Nghỉ hoán đổi", "en": "Swap day off", "status": "confirmed", "source": "test notice" },
                "2026-04-04": { "day_off": false, "vi": "Làm bù", "en": "Make-up day", "status": "confirmed", "source": "test notice" } } }
            """);
        var clock = new SettableClock(new DateTimeOffset(2026, 2, 27, 9, 0, 0, TimeSpan.FromHours(7)));
        await using var app = await RunningApp.StartAsync(new WebOptions { DatasetPath = dataset, TrackerCalendarPath = calendar, Time = clock });
        var tracker = app.App.Services.GetRequiredService<TrackerContext>();
        Assert.Null(await tracker.Service.AddUserAsync(null, new TrackerUser("admin", TrackerRole.CityDepartment), "admin-pw-1", cancel: TestContext.Current.CancellationToken));
        Assert.Equal("vn-2026.1+lich.json", tracker.Service.Config.Version);

        var admin = await app.LoginAsync("admin", "admin-pw-1");
        var (status, moved) = await admin.PostJsonAsync("/api/cases/99001-mam_non-2/transitions", new { to = "received", version = 0 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-03-30", moved.GetProperty("dueDate").GetString());

        var bad = _dir.File("bad.json");
        File.WriteAllText(bad, """{ "adjustments": { "2026-13-02": { "day_off": true } } }""");
        var error = Assert.Throws<FormatException>(() => TrackerContext.LoadSetup(new WebOptions { DatasetPath = dataset, TrackerCalendarPath = bad }));
        Assert.StartsWith("bad.json: calendar.adjustments.2026-13-02", error.Message, StringComparison.Ordinal);
    }
}
