using System.Text.RegularExpressions;
using Facilities.Testing;

namespace Facilities.Cli.Tests;

/// <summary>Issue 13: the dossier cites each norm's legal basis in Vietnamese, its units in Vietnamese, numbers the Vietnamese way, and no path outside the repository.</summary>
public sealed partial class DossierNormSourceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex("<table id=\"norms-table\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex NormsTable();

    [GeneratedRegex("<table id=\"needs-table\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex NeedsTable();

    [Fact]
    public void TheDossierCitesCircularAndArticleInVietnameseWithUnitsInVietnamese()
    {
        var (gpkg, html) = (_dir.File("p.gpkg"), _dir.File("p.html"));
        var (code, _, err) = CliRunner.Run("propose", SharedData.SampleCity, "--urban-area", "KDT-01", "--levels", "tieu_hoc", "--solver", "greedy", "--out", gpkg, "--report", html);
        Assert.True(code == 0, err);

        var text = File.ReadAllText(html);
        var norms = NormsTable().Match(text).Value;
        Assert.NotEmpty(norms);
        // land_per_pupil_m2.tieu_hoc: Circular 13/2020/TT-BGDĐT Art. 8(3), in m² per pupil.
        Assert.Contains("Thông tư 13/2020/TT-BGDĐT, Điều 8 khoản 3", norms, StringComparison.Ordinal);
        Assert.Contains("m² khuôn viên/học sinh", norms, StringComparison.Ordinal);
        Assert.DoesNotContain("/work/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
        // The needs table's numbers are grouped the Vietnamese way: 34.560 m², never 34,560.
        var needs = NeedsTable().Match(text).Value;
        Assert.NotEmpty(needs);
        Assert.DoesNotMatch(@"\d,\d{3}(?!\d)", needs);
        Assert.Matches(@"<td>\d{1,3}(\.\d{3})+</td>", needs);
    }
}
