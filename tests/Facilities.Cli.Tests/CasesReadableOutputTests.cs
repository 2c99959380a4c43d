using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Facilities.Core.Tracker;
using Facilities.Storage.Sqlite.Tracker;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

#pragma warning disable xUnit1051 // the store's optional tokens; each test has its own store

namespace Facilities.Cli.Tests;

/// <summary>
/// What officials read in <c>facilities cases</c>: school, commune and step names rather than codes, report dates as
/// date cells, and the refusals (another commune's list, an unknown commune, an event dated in the future).
/// </summary>
public sealed class CasesReadableOutputTests : IDisposable
{
    private const string Site1 = "99001-mam_non-2"; // commune 99001, no certificate
    private readonly TempDir _dir = new();
    private readonly string _dataset;

    public CasesReadableOutputTests()
    {
        _dataset = _dir.File("d.gpkg");
        Assert.Equal(0, CliRunner.Run("generate", "--out", _dataset, "--parcels", "0", "--wards", "3").Code);
        Assert.Equal(0, Cases("users", "add", "admin", "--role", "city_department", "--new-password", "admin-pw-1").Code);
        Assert.Equal(0, AsAdmin("users", "add", "cb1", "--role", "commune_official", "--commune", "99001", "--new-password", "cb1-pw-12").Code);
        Assert.Equal(0, AsAdmin("advance", Site1, "--to", "received", "--at", "2026-03-02T09:00+07:00").Code);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void List_and_show_name_the_school_the_commune_and_the_step_in_the_runs_language()
    {
        var school = Scalar("SELECT name FROM schools WHERE id = $v", Site1);
        var commune = Scalar("SELECT name FROM wards WHERE code = $v", "99001");
        Assert.False(string.IsNullOrEmpty(school));
        var step = TrackerConfig.BuiltIn.StepName(CaseStep.Received);

        var (code, output, err) = AsAdmin("list", "--commune", "99001", "--as-of", "2026-03-10");
        Assert.True(code == 0, err);
        var row = output.Split('\n').Single(l => l.Contains(Site1, StringComparison.Ordinal));
        Assert.Contains(school, row, StringComparison.Ordinal);
        Assert.Contains(commune, row, StringComparison.Ordinal);
        Assert.Contains(step.Vi, row, StringComparison.Ordinal);
        Assert.DoesNotContain("| received", row, StringComparison.Ordinal);
        Assert.Contains("02/03/2026", row, StringComparison.Ordinal);

        (code, output, _) = AsAdmin("list", "--commune", "99001", "--as-of", "2026-03-10", "--lang", "en");
        Assert.Equal(0, code);
        row = output.Split('\n').Single(l => l.Contains(Site1, StringComparison.Ordinal));
        Assert.Contains(step.En, row, StringComparison.Ordinal);
        Assert.Contains(school, row, StringComparison.Ordinal);

        (code, output, _) = AsAdmin("show", Site1, "--as-of", "2026-03-10");
        Assert.Equal(0, code);
        Assert.Contains($"Trường: {school} ({Site1})", output, StringComparison.Ordinal);
        Assert.Contains($"Xã/phường: {commune} (99001)", output, StringComparison.Ordinal);
        Assert.Contains($"Bước: {step.Vi}\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        (code, output, _) = AsAdmin("show", Site1, "--as-of", "2026-03-10", "--lang", "en");
        Assert.Equal(0, code);
        Assert.Contains($"Step: {step.En}\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"{TrackerConfig.BuiltIn.StepName(CaseStep.Checked).En} (checked)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_names_communes_schools_and_steps_and_writes_dates_as_date_cells()
    {
        var report = _dir.File("progress.xlsx");
        var (code, _, err) = AsAdmin("report", "--out", report, "--as-of", "2026-03-10");
        Assert.True(code == 0, err);
        var state = CaseState.Replay(new CaseSite(Site1, "99001", "xa"),
            await SqliteCaseStore.Open(SqliteCaseStore.PathFor(_dataset)).LoadEventsAsync(Site1), TrackerConfig.BuiltIn, WorkingCalendar.BuiltIn);
        var due = state.DueDate!.Value;

        using var zip = ZipFile.OpenRead(report);
        var sheets = SheetsByName(zip);
        var cases = Rows(zip, sheets["Hồ sơ"]);
        var header = cases[0];
        var row = cases.Single(r => r.Values.Any(c => c.Text == Site1));
        string Text(string column) => row[header.Single(h => h.Value.Text == column).Key].Text;
        Cell Of(string column) => row[header.Single(h => h.Value.Text == column).Key];

        Assert.Equal(Scalar("SELECT name FROM schools WHERE id = $v", Site1), Text("Trường"));
        Assert.Equal(Scalar("SELECT name FROM wards WHERE code = $v", "99001"), Text("Xã/phường"));
        Assert.Equal(TrackerConfig.BuiltIn.StepName(CaseStep.Received).Vi, Text("Bước"));

        var dateFormats = DateStyles(zip);
        foreach (var (column, day) in new[] { ("Ngày nhận", new DateOnly(2026, 3, 2)), ("Hạn", due) })
        {
            var cell = Of(column);
            Assert.True(cell.Type is null or "n", $"{column}: a number cell, not t=\"{cell.Type}\"");
            Assert.Contains(cell.Style, dateFormats);
            Assert.Equal(day.ToDateTime(TimeOnly.MinValue).ToOADate(), double.Parse(cell.Text, CultureInfo.InvariantCulture));
        }

        var progress = Rows(zip, sheets["Tiến độ theo xã"]);
        Assert.Contains(progress.Skip(1), r => r.Values.Any(c => c.Text == Scalar("SELECT name FROM wards WHERE code = $v", "99002")));
        Assert.Contains(progress[0].Values, c => c.Text == TrackerConfig.BuiltIn.StepName(CaseStep.FormDecided).Vi);
    }

    [Fact]
    public void A_commune_official_asking_for_another_communes_list_is_denied_naming_it()
    {
        Assert.Equal(0, AsAdmin("advance", "99002-mam_non-2", "--to", "received", "--at", "2026-03-02T09:00+07:00").Code);
        var (code, output, err) = AsOfficial("list", "--commune", "99002");
        Assert.Equal(5, code);
        Assert.Contains("99002", err, StringComparison.Ordinal);
        Assert.DoesNotContain("0 hồ sơ", output, StringComparison.Ordinal);

        (code, _, err) = AsOfficial("list", "--commune", "99002", "--lang", "en");
        Assert.Equal(5, code);
        Assert.Contains("may not read cases of commune 99002", err, StringComparison.Ordinal);

        (code, output, _) = AsOfficial("list", "--commune", "99001");
        Assert.Equal(0, code);
        Assert.Contains(Site1, output, StringComparison.Ordinal);
        Assert.Equal(0, AsAdmin("list", "--commune", "99002").Code);
        Assert.Equal(1, AsAdmin("list", "--commune", "99999").Code); // not a ward: a usage error, not "0 cases"
    }

    [Fact]
    public void An_account_commune_must_be_a_ward_of_the_dataset()
    {
        var (code, _, err) = AsAdmin("users", "add", "cb9", "--role", "commune_official", "--commune", "99009", "--new-password", "cb9-pw-123");
        Assert.Equal(2, code);
        Assert.Contains("'99009'", err, StringComparison.Ordinal);
        Assert.Contains("wards", err, StringComparison.Ordinal);
        Assert.Equal(5, Cases("list", "--user", "cb9", "--password", "cb9-pw-123").Code); // not created

        (code, _, err) = AsAdmin("users", "set-role", "cb1", "--role", "commune_official", "--commune", "1001", "--lang", "en");
        Assert.Equal(2, code);
        Assert.Contains("Commune code '1001' is not a ward", err, StringComparison.Ordinal);

        Assert.Equal(0, AsAdmin("users", "add", "xem2", "--role", "viewer", "--commune", "99002", "--new-password", "xem2-pw-123").Code);
        Assert.Equal(0, AsAdmin("users", "set-role", "cb1", "--role", "commune_official", "--commune", "99003").Code);
    }

    [Fact]
    public async Task An_event_dated_in_the_future_is_refused_and_the_clock_skew_allowance_is_not()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        var tomorrow = now.AddDays(1).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);
        var (code, _, err) = AsAdmin("advance", Site1, "--to", "checked", "--at", tomorrow);
        Assert.Equal(2, code);
        Assert.Contains("ở tương lai", err, StringComparison.Ordinal);
        Assert.Contains(now.AddDays(1).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), err, StringComparison.Ordinal);
        Assert.Single(await SqliteCaseStore.Open(SqliteCaseStore.PathFor(_dataset)).LoadEventsAsync(Site1));

        // Two minutes ahead is within the allowance for another machine's clock.
        var soon = now.AddMinutes(2).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        (code, _, err) = AsAdmin("advance", Site1, "--to", "checked", "--at", soon);
        Assert.True(code == 0, err);
        Assert.Equal(2, (await SqliteCaseStore.Open(SqliteCaseStore.PathFor(_dataset)).LoadEventsAsync(Site1)).Count);
    }

    private (int Code, string Out, string Err) Cases(params string[] args) => CliRunner.Run(["cases", .. args, "--dataset", _dataset]);

    private (int Code, string Out, string Err) AsAdmin(params string[] args) => Cases([.. args, "--user", "admin", "--password", "admin-pw-1"]);

    private (int Code, string Out, string Err) AsOfficial(params string[] args) => Cases([.. args, "--user", "cb1", "--password", "cb1-pw-12"]);

    private string Scalar(string sql, string value)
    {
        using var c = new SqliteConnection($"Data Source={_dataset};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$v", value);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Sheet name → part path, from workbook.xml and its relationships.</summary>
    private static Dictionary<string, string> SheetsByName(ZipArchive zip)
    {
        var rels = XDocument.Load(zip.GetEntry("xl/_rels/workbook.xml.rels")!.Open()).Root!.Elements()
            .ToDictionary(e => (string)e.Attribute("Id")!, e => ((string)e.Attribute("Target")!).TrimStart('/').Replace("xl/", "", StringComparison.Ordinal));
        return XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open()).Descendants(Main + "sheet")
            .ToDictionary(e => (string)e.Attribute("name")!, e => "xl/" + rels[(string)e.Attribute(Rel + "id")!]);
    }

    /// <summary>Indexes of the cell styles whose number format is a date (built-in 14–22, or a custom one with d, m and y).</summary>
    private static HashSet<int> DateStyles(ZipArchive zip)
    {
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var custom = styles.Descendants(Main + "numFmt").ToDictionary(e => (int)e.Attribute("numFmtId")!, e => ((string)e.Attribute("formatCode")!).ToLowerInvariant());
        var xfs = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").Select((xf, i) => (i, id: (int?)xf.Attribute("numFmtId") ?? 0));
        return [.. xfs.Where(x => x.id is >= 14 and <= 22 || (custom.TryGetValue(x.id, out var f) && f.Contains('d') && f.Contains('y'))).Select(x => x.i)];
    }

    private readonly record struct Cell(string Text, string? Type, int Style);

    /// <summary>Rows of a sheet as column letter → cell (inline and shared strings resolved).</summary>
    private static List<Dictionary<string, Cell>> Rows(ZipArchive zip, string part)
    {
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Descendants(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList()
            : [];
        return [.. XDocument.Load(zip.GetEntry(part)!.Open()).Descendants(Main + "row").Select(row => row.Elements(Main + "c").ToDictionary(
            c => new string([.. ((string)c.Attribute("r")!).TakeWhile(char.IsLetter)]),
            c =>
            {
                var type = (string?)c.Attribute("t");
                var value = type == "inlineStr" ? string.Concat(c.Descendants(Main + "t").Select(t => t.Value)) : (string?)c.Element(Main + "v") ?? "";
                return new Cell(type == "s" ? shared[int.Parse(value, CultureInfo.InvariantCulture)] : value, type, (int?)c.Attribute("s") ?? 0);
            }))];
    }
}
