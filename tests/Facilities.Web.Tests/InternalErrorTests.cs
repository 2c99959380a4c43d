using System.Net;
using System.Text.Json;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>A server fault answers 500 with an error id only; the exception, with that id, is in the server log.</summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_fault_shows_the_client_only_an_error_id_that_the_log_has_with_the_exception()
    {
        var dataset = _dir.File("d.gpkg");
        File.Copy(SharedData.SampleCity, dataset);
        // The tracker's SQLite file is damaged: not a database at all.
        await File.WriteAllBytesAsync(dataset + ".tracker.sqlite", [.. Enumerable.Repeat((byte)0x5A, 8192)], TestContext.Current.CancellationToken);
        var log = new CapturedLog();
        await using var app = await RunningApp.StartAsync(new WebOptions { DatasetPath = dataset, LogTo = log });
        using var client = app.Client();

        using var response = await client.PostAsync("/api/login", new StringContent("{\"user\":\"a\",\"password\":\"b\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var id = json.RootElement.GetProperty("error").GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{12}$", id);
        Assert.DoesNotContain("database", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sqlite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.Contains(log.Lines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("SqliteException", StringComparison.Ordinal));
    }
}
