using System.Globalization;
using System.Text.RegularExpressions;
using Facilities.Core.Presentation;
using Facilities.Core.Schema;
using Facilities.Core.Validation;
using Facilities.Testing;

namespace Facilities.Cli.Tests;

/// <summary>
/// Issue 13: the console tables of the result commands write numbers the language's way (Vietnamese 2.077 and 46,4%,
/// English 2,077 and 46.4%) and show people whole, while the CSV the same run wrote keeps invariant, exact figures.
/// Printed values are read back here with the language's separators and compared with the CSV's sums.
/// </summary>
public sealed class ConsoleNumbersTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static char Group(Language l) => l == Language.En ? ',' : '.';

    private static char Decimal(Language l) => l == Language.En ? '.' : ',';

    // A whole number grouped by threes with the language's separator, and nothing after it: "2.077" (vi), "2,077" (en).
    private static Regex Whole(Language l) => new($@"^\d{{1,3}}(\{Group(l)}\d{{3}})*$", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static long ParseWhole(string cell, Language l)
    {
        Assert.Matches(Whole(l), cell);
        return long.Parse(cell.Replace(Group(l).ToString(), "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    // The cells of the table row whose first cell is the label (Spectre's ASCII border: "| a | b |").
    private static string[] Row(string stdout, string label)
    {
        var line = stdout.Split('\n').SingleOrDefault(x => x.StartsWith("| " + label + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no table row '{label}' in:\n{stdout}");
        return [.. line.Split('|').Skip(1).SkipLast(1).Select(c => c.Trim())];
    }

    private static (string[] Header, List<string[]> Rows) Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        return (lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(','))]);
    }

    private static double Sum(List<string[]> rows, string[] header, string level, string field)
    {
        var (l, f) = (Array.IndexOf(header, "level"), Array.IndexOf(header, field));
        Assert.True(l >= 0 && f >= 0, field);
        return rows.Where(r => r[l] == level && r[f].Length > 0).Sum(r => double.Parse(r[f], CultureInfo.InvariantCulture));
    }

    private static string Lang(Language l) => l == Language.En ? "en" : "vi";

    [Theory]
    [InlineData(Language.Vi)]
    [InlineData(Language.En)]
    public void TheCatchmentTableShowsWholePupilsGroupedTheLanguagesWayWhileTheCsvKeepsTheFractions(Language language)
    {
        var output = _dir.File($"catchment-{Lang(language)}.csv");

        var (code, stdout, stderr) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--method", "catchment", "--out", output, "--lang", Lang(language));

        Assert.True(code == 0, stderr);
        var (header, rows) = Csv(output);
        var pupils = Array.IndexOf(header, "pupils");
        // The model spreads pupils fractionally: the CSV has fractions, so rounding on the console is really exercised.
        Assert.Contains(rows, r => r[pupils].Contains('.', StringComparison.Ordinal));
        var grouped = 0;
        foreach (var level in DatasetSchema.Levels)
        {
            var cells = Row(stdout, Labels.Level.Label(level, language));
            // Pupils, allocated, unserved: whole people within half a pupil (plus the CSV's 2-decimal rounding) of the CSV's sums.
            foreach (var (cell, field) in new[] { (cells[1], "pupils"), (cells[2], "allocated_pupils"), (cells[3], "unserved_pupils") })
            {
                var printed = ParseWhole(cell, language);
                var exact = Sum(rows, header, level, field);
                Assert.True(Math.Abs(printed - exact) <= 0.5 + (0.005 * rows.Count), $"{level} {field}: printed {cell}, CSV sums to {exact}");
                grouped += cell.Contains(Group(language), StringComparison.Ordinal) ? 1 : 0;
            }

            // The share within reach: one decimal after the language's decimal sign, then '%'.
            Assert.Matches($@"^\d{{1,3}}\{Decimal(language)}\d%$", cells[4]);
            Assert.Equal(Sum(rows, header, level, "rooms_needed"), ParseWhole(cells[5], language));
        }

        Assert.True(grouped > 0, "no printed figure reached a thousand: the separators were not checked");
        Assert.DoesNotMatch(@"\d{1,3}\" + Decimal(language) + @"\d{2}\b(?!%)", string.Join('\n', stdout.Split('\n').Where(l => l.StartsWith('|'))));
    }

    [Theory]
    [InlineData(Language.Vi)]
    [InlineData(Language.En)]
    public void TheAdminDeficitTableMatchesTheCsvWithTheLanguagesThousandsSeparator(Language language)
    {
        var output = _dir.File($"admin-{Lang(language)}.csv");

        var (code, stdout, stderr) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--out", output, "--lang", Lang(language));

        Assert.True(code == 0, stderr);
        var (header, rows) = Csv(output);
        foreach (var level in DatasetSchema.Levels)
        {
            var cells = Row(stdout, Labels.Level.Label(level, language));
            Assert.Equal(Sum(rows, header, level, "pupils"), ParseWhole(cells[1], language));
            Assert.Equal(Sum(rows, header, level, "classes_needed"), ParseWhole(cells[2], language));
            Assert.Equal(Sum(rows, header, level, "rooms_needed"), ParseWhole(cells[3], language));
            Assert.Equal(Sum(rows, header, level, "rooms_available"), ParseWhole(cells[4], language));
        }

        // The city's pupils (over 100 thousand in the sample city) carry the separator.
        var city = Row(stdout, language == Language.En ? "City" : "Toàn thành phố");
        var all = DatasetSchema.Levels.Sum(level => Sum(rows, header, level, "pupils"));
        Assert.Equal(all, ParseWhole(city[1], language));
        Assert.Contains(Group(language), city[1]);
    }

    [Theory]
    [InlineData(Language.Vi, "admin")]
    [InlineData(Language.En, "admin")]
    [InlineData(Language.Vi, "catchment")]
    [InlineData(Language.En, "catchment")]
    public void TheTeachersTableShowsWholeTeachersAsTheCsvSumsThem(Language language, string method)
    {
        var output = _dir.File($"teachers-{method}-{Lang(language)}.csv");

        var (code, stdout, stderr) = CliRunner.Run("teachers", SharedData.SampleCity, "--year", "2030", "--method", method, "--out", output, "--lang", Lang(language));

        Assert.True(code == 0, stderr);
        var (header, rows) = Csv(output);
        var grouped = 0;
        foreach (var level in DatasetSchema.Levels)
        {
            var cells = Row(stdout, Labels.Level.Label(level, language));
            Assert.Equal(Sum(rows, header, level, "teachers_needed"), ParseWhole(cells[1], language));
            Assert.Equal(Sum(rows, header, level, "teachers_available"), ParseWhole(cells[2], language));
            // The shortfall column counts the wards with full data only, and only their shortages.
            var short_ = rows.Where(r => r[Array.IndexOf(header, "level")] == level && r[Array.IndexOf(header, "teacher_shortfall")].Length > 0)
                .Sum(r => Math.Max(0, long.Parse(r[Array.IndexOf(header, "teacher_shortfall")], CultureInfo.InvariantCulture)));
            Assert.Equal(short_, ParseWhole(cells[3], language));
            grouped += cells[1].Contains(Group(language), StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(grouped > 0, "no teacher total reached a thousand: the separators were not checked");
    }

    [Theory]
    [InlineData(Language.Vi)]
    [InlineData(Language.En)]
    public void TheComplianceTableCountsWholeSchoolsAsTheCsvDoes(Language language)
    {
        var output = _dir.File($"compliance-{Lang(language)}.csv");

        var (code, stdout, stderr) = CliRunner.Run("compliance", SharedData.SampleCity, "--out", output, "--lang", Lang(language));

        Assert.True(code == 0, stderr);
        var (header, rows) = Csv(output);
        foreach (var (check, status, column) in new[] { ("site_area", "pass", 1), ("site_area", "fail", 2), ("toilets", "unknown", 3), ("toilets", "n/a", 4) })
        {
            var cells = Row(stdout, Labels.Check.Label(check, language));
            Assert.Equal(rows.Count(r => r[Array.IndexOf(header, check)] == status), ParseWhole(cells[column], language));
        }
    }
}
