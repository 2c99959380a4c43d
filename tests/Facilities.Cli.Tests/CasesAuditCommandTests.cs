using Facilities.Core.Tracker;
using Facilities.Storage.Sqlite.Tracker;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

namespace Facilities.Cli.Tests;

/// <summary><c>facilities cases audit [--since DATE] [--of NAME]</c>: the web server's audit log, for a city_department login only.</summary>
public sealed class CasesAuditCommandTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _dataset;

    public CasesAuditCommandTests()
    {
        _dataset = _dir.File("d.gpkg");
        Assert.Equal(0, CliRunner.Run("generate", "--out", _dataset, "--parcels", "0", "--wards", "3").Code);
        Assert.Equal(0, Cases("users", "add", "admin", "--role", "city_department", "--new-password", "admin-pw-1").Code);
        Assert.Equal(0, Cases("users", "add", "cb1", "--role", "commune_official", "--commune", "99001", "--new-password", "cb1-pw-12", "--user", "admin", "--password", "admin-pw-1").Code);
        // The lines the web server writes (AuditTrail), written here through the same store.
        using var store = SqliteTrackerSecurity.Open(SqliteCaseStore.PathFor(_dataset));
        foreach (var e in new[]
        {
            new AuditEntry(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero), "cb1", "192.168.1.20", AuditActions.Login, ""),
            new AuditEntry(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero), "cb1", "192.168.1.20", AuditActions.Transition, "99001-mam_non-2 #1: not_started -> received"),
            new AuditEntry(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), "admin", "10.0.0.5", AuditActions.LoginFailed, "wrong name or password"),
        })
        {
            store.AppendAuditAsync(e, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void The_audit_log_lists_every_line_in_utc_oldest_first_with_a_vietnamese_header_by_default()
    {
        var (code, output, _) = Cases("audit", "--user", "admin", "--password", "admin-pw-1");
        Assert.Equal(0, code);
        Assert.Equal(
            [
                "thời điểm (UTC)\tngười dùng\tđịa chỉ\tviệc\tchi tiết",
                "2026-11-30 23:59:59Z\tcb1\t192.168.1.20\tlogin\t",
                "2026-12-01 01:30:00Z\tcb1\t192.168.1.20\ttransition\t99001-mam_non-2 #1: not_started -> received",
                "2026-12-01 02:00:00Z\tadmin\t10.0.0.5\tlogin_failed\twrong name or password",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void A_move_made_on_the_command_line_is_in_the_audit_log_with_the_machine_it_came_from()
    {
        Assert.Equal(0, Cases("advance", "99001-mam_non-2", "--procedure", "land_allocation", "--to", "received", "--at", "2026-03-02T09:00+07:00",
            "--user", "cb1", "--password", "cb1-pw-12").Code);
        Assert.Equal(0, Cases("advance", "99001-mam_non-2", "--to", "received", "--at", "2026-03-02T10:00+07:00", "--user", "cb1", "--password", "cb1-pw-12").Code);

        var (code, output, _) = Cases("audit", "--since", "2026-03-01", "--of", "cb1", "--user", "admin", "--password", "admin-pw-1");

        // Both procedures' moves, dated as their events (UTC), from this machine's command line.
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Contains("\tcli@", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                $"2026-03-02 02:00:00Z\tcb1\tcli@{Environment.MachineName}\ttransition\t99001-mam_non-2 land_allocation #1: not_started -> received",
                $"2026-03-02 03:00:00Z\tcb1\tcli@{Environment.MachineName}\ttransition\t99001-mam_non-2 #1: not_started -> received",
            ],
            lines);
    }

    [Fact]
    public void Since_a_date_and_of_a_user_narrow_the_list()
    {
        var (code, output, _) = Cases("audit", "--since", "2026-12-01", "--of", "cb1", "--user", "admin", "--password", "admin-pw-1");
        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.StartsWith("2026-12-01 01:30:00Z\tcb1\t", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commune_official_may_not_read_the_audit_log()
    {
        var (code, output, error) = Cases("audit", "--user", "cb1", "--password", "cb1-pw-12");
        Assert.Equal(5, code);
        Assert.Empty(output);
        Assert.Contains("city_department", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_since_is_a_usage_error_naming_the_option()
    {
        var (code, _, error) = Cases("audit", "--since", "hôm qua", "--user", "admin", "--password", "admin-pw-1");
        Assert.Equal(1, code);
        Assert.Contains("--since 'hôm qua'", error, StringComparison.Ordinal);
    }

    private (int Code, string Out, string Err) Cases(params string[] args) => CliRunner.Run(["cases", .. args, "--dataset", _dataset]);
}
