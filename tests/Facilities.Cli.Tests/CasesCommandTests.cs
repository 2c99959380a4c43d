using System.Diagnostics;
using Facilities.Core.Tracker;
using Facilities.Storage.Sqlite.Tracker;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

// The store calls below take an optional token; each test has its own store and a hang guard where it runs
// concurrent work, so the test-cancellation token is not threaded through every call.
#pragma warning disable xUnit1051

namespace Facilities.Cli.Tests;

public sealed class CasesCommandTests : IDisposable
{
    private const string Site1 = "99001-mam_non-2"; // commune 99001, land_certificate = none
    private const string Site2 = "99002-mam_non-2"; // commune 99002
    private readonly TempDir _dir = new();
    private readonly string _dataset;

    public CasesCommandTests()
    {
        _dataset = _dir.File("d.gpkg");
        Assert.Equal(0, CliRunner.Run("generate", "--out", _dataset, "--parcels", "0", "--wards", "3").Code);
        Assert.Equal(0, Cases("users", "add", "admin", "--role", "city_department", "--new-password", "admin-pw-1").Code);
        Assert.Equal(0, Cases("users", "add", "cb1", "--role", "commune_official", "--commune", "99001", "--new-password", "cb1-pw-12",
            "--user", "admin", "--password", "admin-pw-1").Code);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void Advance_show_history_and_list_work_and_a_refusal_lists_the_allowed_moves()
    {
        const string note = "<script>alert('x')</script>\"; DROP TABLE case_events; -- Đã nhận đủ hồ sơ, ông Nguyễn Văn Ánh";
        var (code, output, err) = AsAdmin("advance", Site1, "--to", "received", "--note", note, "--attach", "bien-ban 01.pdf", "--at", "2026-03-02T09:00+07:00");
        Assert.True(code == 0, err);
        Assert.Contains("«Nộp hồ sơ»", output, StringComparison.Ordinal);

        (code, _, err) = AsAdmin("advance", Site1, "--to", "handed_over", "--at", "2026-03-03T09:00+07:00", "--lang", "en");
        Assert.Equal(2, code);
        Assert.Contains("Allowed moves: 'Checked' (checked)", err, StringComparison.Ordinal);

        (code, _, _) = AsAdmin("advance", Site1, "--to", "checked", "--expect-version", "0");
        Assert.Equal(6, code);

        (code, output, _) = AsAdmin("history", Site1);
        Assert.Equal(0, code);
        Assert.Contains("\tadmin\tcity_department\tnot_started -> received\t" + note + "\tbien-ban 01.pdf", output, StringComparison.Ordinal);

        var steps = TrackerConfig.BuiltIn;
        (code, output, _) = AsAdmin("show", Site1, "--as-of", "2026-05-04");
        Assert.Equal(0, code);
        Assert.Contains("Bước: " + steps.StepName(CaseStep.Received).Vi, output, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", new[] { CaseStep.Checked, CaseStep.ReturnedForSupplement, CaseStep.Rejected, CaseStep.Withdrawn }
            .Select(m => $"{steps.StepName(m).Vi} ({CaseSteps.Code(m)})")), output, StringComparison.Ordinal);

        var notStarted = steps.StepName(CaseStep.NotStarted).Vi;
        (code, output, _) = AsAdmin("list", "--commune", "99001", "--overdue", "--as-of", "2026-05-04");
        Assert.Equal(0, code);
        Assert.Contains(Site1, output, StringComparison.Ordinal);
        Assert.Contains("QUÁ HẠN", output, StringComparison.Ordinal);
        Assert.DoesNotContain(notStarted, output, StringComparison.Ordinal);

        (code, output, _) = AsAdmin("list", "--commune", "99001", "--as-of", "2026-05-04");
        Assert.Contains("99001-mam_non-3", output, StringComparison.Ordinal); // in_progress in the layer, no case yet: not_started
        Assert.DoesNotContain("99001-mam_non-1 ", output, StringComparison.Ordinal); // has its certificate
        Assert.Contains(notStarted, output, StringComparison.Ordinal);

        var report = _dir.File("progress.xlsx");
        Assert.Equal(0, AsAdmin("report", "--out", report).Code);
        Assert.True(new FileInfo(report).Length > 0);
    }

    [Fact]
    public async Task A_commune_official_cannot_read_or_change_another_communes_case()
    {
        Assert.Equal(0, AsAdmin("advance", Site2, "--to", "received").Code);
        Assert.Equal(5, AsOfficial("show", Site2).Code);
        Assert.Equal(5, AsOfficial("history", Site2).Code);
        var (code, _, err) = AsOfficial("advance", Site2, "--to", "checked");
        Assert.Equal(5, code);
        Assert.Contains("99002", err, StringComparison.Ordinal);
        Assert.DoesNotContain(Site2, AsOfficial("list").Out, StringComparison.Ordinal);
        Assert.Equal(0, AsOfficial("advance", Site1, "--to", "received").Code);
        Assert.Single(await SqliteCaseStore.Open(SqliteCaseStore.PathFor(_dataset)).LoadEventsAsync(Site2));
    }

    [Fact]
    public void Login_is_required_and_only_the_first_account_needs_none()
    {
        Assert.Equal(5, Cases("list").Code);
        Assert.Equal(5, Cases("list", "--user", "admin", "--password", "wrong-pw").Code);
        Assert.Equal(5, Cases("users", "add", "x", "--role", "viewer", "--new-password", "12345678").Code);
        Assert.Equal(5, AsOfficial("users", "add", "x", "--role", "viewer", "--new-password", "12345678").Code);
        Assert.Equal(0, AsAdmin("users", "add", "x", "--role", "viewer", "--new-password", "12345678").Code);
        Assert.Equal(5, Cases("advance", Site1, "--to", "received", "--user", "x", "--password", "12345678").Code); // viewer
    }

    [Fact]
    public async Task A_killed_writer_loses_no_acknowledged_event_and_leaves_no_half_written_one()
    {
        Assert.Equal(0, AsAdmin("advance", Site1, "--to", "received").Code);
        var exe = Path.Combine(AppContext.BaseDirectory, "facilities");
        // Each pass appends one event (received <-> returned_for_supplement) and prints the version it acknowledged.
        var script = """
            i=1
            while :; do
              if [ $((i % 2)) -eq 1 ]; then to=returned_for_supplement; else to=received; fi
              "$0" cases advance "$1" --to $to --expect-version $i --dataset "$2" --user admin --password admin-pw-1 >/dev/null 2>&1 || exit 1
              i=$((i + 1))
              echo $i
            done
            """;
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", script, exe, Site1, _dataset })
        {
            psi.ArgumentList.Add(a);
        }

        var acknowledged = new List<int>();
        using (var child = Process.Start(psi)!)
        {
            try
            {
                var read = Task.Run(() =>
                {
                    while (acknowledged.Count < 12 && child.StandardOutput.ReadLine() is { } line)
                    {
                        acknowledged.Add(int.Parse(line, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }, TestContext.Current.CancellationToken);
                await read.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken); // bounded: throws TimeoutException
            }
            finally
            {
                child.Kill(entireProcessTree: true); // SIGKILL, most likely in the middle of the next append
                await child.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(Enumerable.Range(2, 12), acknowledged);
        var events = await SqliteCaseStore.Open(SqliteCaseStore.PathFor(_dataset)).LoadEventsAsync(Site1);
        Assert.InRange(events.Count, 13, 14); // every acknowledged event, plus at most the one in flight, whole
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Sequence));
        var state = CaseState.Replay(new CaseSite(Site1, "99001", "xa"), events, TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn);
        Assert.Equal(events.Count, state.Version);
        using var c = new SqliteConnection($"Data Source={SqliteCaseStore.PathFor(_dataset)};Pooling=False");
        c.Open();
        using var check = c.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
    }

    private (int Code, string Out, string Err) Cases(params string[] args) =>
        CliRunner.Run(["cases", .. args, "--dataset", _dataset]);

    private (int Code, string Out, string Err) AsAdmin(params string[] args) => Cases([.. args, "--user", "admin", "--password", "admin-pw-1"]);

    private (int Code, string Out, string Err) AsOfficial(params string[] args) => Cases([.. args, "--user", "cb1", "--password", "cb1-pw-12"]);
}
