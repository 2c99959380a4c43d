using System.Net;
using Facilities.Storage.Sqlite.Tracker;
using Microsoft.Data.Sqlite;

namespace Facilities.Web.Tests;

/// <summary>
/// A move whose audit line the tracker's database refuses (here a trigger in the test's own tracker file, a real
/// fault after the event was inserted) is not made: the answer is a 500 that says so in one line, Vietnamese first,
/// with what to do; the database's text is in the server's error log only, and the case has no event.
/// </summary>
public sealed class AuditNotWrittenTests : IDisposable
{
    private readonly DepartmentSite _site = new();

    [Fact]
    public async Task A_refused_audit_line_refuses_the_move_with_a_one_line_error_and_writes_nothing()
    {
        var log = new CapturedLog();
        await using var app = await RunningApp.StartAsync(new WebOptions { DatasetPath = _site.Dataset, Time = _site.Clock, LogTo = log });
        await DepartmentSite.AddAccountsAsync(app.App);
        using (var c = new SqliteConnection($"Data Source={SqliteCaseStore.PathFor(_site.Dataset)};Pooling=False"))
        {
            c.Open();
            using var trigger = c.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'transition' BEGIN SELECT RAISE(ABORT, 'injected: audit line refused'); END";
            trigger.ExecuteNonQuery();
        }

        var cb1 = await app.LoginAsync("cb1", "cb1-pw-12");
        var (status, body) = await cb1.PostJsonAsync($"/api/cases/{DepartmentSite.Own}/transitions", new { to = "received", version = 0 });

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        var error = body.GetProperty("error");
        Assert.Equal("audit-not-written", error.GetProperty("code").GetString());
        Assert.StartsWith("không ghi được nhật ký kiểm tra (audit_log) nên bước chưa được ghi.", error.GetProperty("vi").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("injected", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.GetProperty("en").GetString()!);
        Assert.Contains(log.Lines, l => l.StartsWith("Facilities.Errors Error: POST", StringComparison.Ordinal)
            && l.Contains("injected: audit line refused", StringComparison.Ordinal) && l.Contains("the move was not written", StringComparison.Ordinal));
        var (_, history) = await cb1.GetJsonAsync($"/api/cases/{DepartmentSite.Own}/history");
        Assert.Equal(0, history.GetArrayLength());
    }

    public void Dispose() => _site.Dispose();
}
