using Facilities.Cli.Commands;
using Facilities.Core.Provenance;
using Facilities.Core.Validation;
using Facilities.Render;
using Facilities.Testing;
using SkiaSharp;

namespace Facilities.Cli.Tests;

/// <summary>Issue 13: `render --lang en` draws an English sheet; Vietnamese is the default.</summary>
public sealed class RenderLanguageTests : IDisposable
{
    private static readonly ResultStamp Stamp = new(
        "facilities test", "deficit", "sample-city.gpkg", new string('a', 64), "2026.1", new string('b', 64), "method=admin; year=2030",
        ["enrolment_rate.tieu_hoc"]);

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static IEnumerable<string> Words(ChoroplethOptions o) => [o.Title, o.LegendTitle, o.Subtitle ?? "", o.NoDataLabel, .. o.Footnotes];

    // Letters only Vietnamese uses (đ and the vowels with a hook, horn, breve, circumflex or tone mark).
    private static bool HasVietnamese(string text) =>
        text.Any(c => char.IsLetter(c) && c > '\u007f');

    private static int Differing(SKBitmap a, SKBitmap b, SKRectI area)
    {
        var n = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                n += a.GetPixel(x, y) == b.GetPixel(x, y) ? 0 : 1;
            }
        }

        return n;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheEnglishSheetHasNoVietnameseWordAndTheDefaultOneIsVietnamese(bool catchment)
    {
        var en = RenderSheet.Options(Language.En, "tieu_hoc", catchment, 2030, null, "sample-city", Stamp, 3);
        var vi = RenderSheet.Options(Language.Vi, "tieu_hoc", catchment, 2030, null, "sample-city", Stamp, 3);

        Assert.Equal(Language.En, en.Language);
        Assert.Equal(Language.Vi, vi.Language);
        Assert.All(Words(en), w => Assert.False(HasVietnamese(w), $"English sheet text has Vietnamese: {w}"));
        Assert.Contains("Primary".ToLowerInvariant(), en.Title, StringComparison.Ordinal);
        Assert.Contains("tiểu học", vi.Title, StringComparison.Ordinal);
        Assert.True(HasVietnamese(vi.LegendTitle) && HasVietnamese(vi.NoDataLabel), vi.LegendTitle);
        Assert.Equal(3, en.Footnotes.Count);
        Assert.Contains(Stamp.Id, en.Footnotes[0], StringComparison.Ordinal);
        Assert.Contains("enrolment_rate.tieu_hoc", en.Footnotes[1], StringComparison.Ordinal);
        Assert.StartsWith("3 wards", en.Footnotes[2], StringComparison.Ordinal);
        // Both methods read the same way: admin is diverging (red = short), catchment sequential (dark = most needed).
        Assert.Equal(!catchment, en.Diverging);
        Assert.Equal(!catchment, vi.Diverging);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("catchment")]
    public void LangEnChangesTheTitleAndLegendOfThePngButNotTheMap(string method)
    {
        string vi = _dir.File(method + "-vi.png"), en = _dir.File(method + "-en.png");

        var (viCode, _, viErr) = CliRunner.Run("render", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--method", method, "--out", vi);
        var (enCode, _, enErr) = CliRunner.Run("render", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--method", method, "--out", en, "--lang", "en");

        Assert.True(viCode == 0, viErr);
        Assert.True(enCode == 0, enErr);
        using var viImage = SKBitmap.Decode(vi);
        using var enImage = SKBitmap.Decode(en);
        // Title band at the top, legend panel at the right (RenderCommandTests), map frame on the left.
        Assert.True(Differing(viImage, enImage, new SKRectI(0, 0, 1600, 110)) > 500, "the title did not change");
        Assert.True(Differing(viImage, enImage, new SKRectI(1180, 130, 1570, 490)) > 500, "the legend did not change");
        Assert.Equal(0, Differing(viImage, enImage, new SKRectI(60, 160, 1120, 1000)));
    }
}
