using System.Text.RegularExpressions;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Microsoft.Data.Sqlite;
using SkiaSharp;

namespace Facilities.Cli.Tests;

public sealed class ProposeCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ProposalForTheSampleCityIsAGeoPackageGdalOpensAndAStampedDossier()
    {
        // Arrange
        var (gpkg, html) = (_dir.File("p.gpkg"), _dir.File("p.html"));

        // Act
        var (code, stdout, stderr) = CliRunner.Run("propose", SharedData.SampleCity, "--urban-area", "KDT-01", "--levels", "tieu_hoc,thcs",
            "--out", gpkg, "--report", html, "--lang", "en");

        // Assert: KDT-01 has 48,000 residents in 2032, mostly in a phường: 3 primary schools and 2 THCS (docs/sites.md).
        Assert.True(code == 0, stderr);
        Assert.Contains("Project KDT-01", stdout, StringComparison.Ordinal);
        Assert.Contains("land needed 34,560 m², reserved 30,000 m²", stdout, StringComparison.Ordinal);
        var info = ReferenceTools.Run("ogrinfo", $"-so \"{gpkg}\"");
        Assert.Contains("proposed_sites (Multi Polygon)", info, StringComparison.Ordinal);
        Assert.Contains("catchments (Point)", info, StringComparison.Ordinal);
        var sites = ReferenceTools.Run("ogrinfo", $"-ro -q \"{gpkg}\" -sql \"SELECT level, rank, covered_pupils FROM proposed_sites ORDER BY level, rank\"");
        Assert.Equal(5, Regex.Count(sites, "rank \\(Integer64\\) = "));
        Assert.Contains("SRS", ReferenceTools.Run("ogrinfo", $"-so \"{gpkg}\" catchments"), StringComparison.Ordinal);
        var metadata = GeoPackageDataset.Metadata(gpkg);
        Assert.Equal("propose", metadata["result.computation"]);
        Assert.Contains("urban_area=KDT-01", metadata["result.options"], StringComparison.Ordinal);
        Assert.Contains(metadata["result.stamp_id"], File.ReadAllText(html), StringComparison.Ordinal);
    }

    [Fact]
    public void DossierRendersInHeadlessChromiumWithItsTablesAndMap()
    {
        // Arrange
        var (gpkg, html, shot) = (_dir.File("p.gpkg"), _dir.File("p.html"), _dir.File("shot.png"));
        var (code, _, stderr) = CliRunner.Run("propose", SharedData.SampleCity, "--urban-area", "KDT-01", "--levels", "tieu_hoc", "--out", gpkg, "--report", html);
        Assert.True(code == 0, stderr);

        // Act
        var dom = ReferenceTools.Run("chromium", $"--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --dump-dom \"file://{html}\"");
        ReferenceTools.Run("chromium", $"--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --hide-scrollbars --window-size=1300,2600 --screenshot=\"{shot}\" \"file://{html}\"");

        // Assert: the browser parsed the tables and the embedded image; the screenshot shows the map's site colour.
        foreach (var id in new[] { "needs-table", "sites-table", "solver-table", "norms-table", "stamp-table" })
        {
            Assert.Contains($"<table id=\"{id}\">", dom, StringComparison.Ordinal);
        }

        Assert.Matches("<img id=\"map\" alt=\"[^\"]+\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{1000,}\">", dom);
        Assert.Contains("chưa xác nhận / unconfirmed", dom, StringComparison.Ordinal);
        Assert.Contains("Tiểu học", dom, StringComparison.Ordinal);
        using var bitmap = SKBitmap.Decode(shot);
        var red = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                red += Math.Abs(c.Red - 0xE4) < 20 && Math.Abs(c.Green - 0x1A) < 20 && Math.Abs(c.Blue - 0x1C) < 20 ? 1 : 0;
            }
        }

        Assert.True(red > 50, $"the map image did not show in the screenshot ({red} red pixels)");
    }

    [Fact]
    public void NamesWithHtmlMetacharactersAreEscapedAndFoundByName()
    {
        // Arrange: a copy of the sample city whose project has a hostile name.
        var data = _dir.File("city.gpkg");
        File.Copy(SharedData.SampleCity, data);
        using (var c = new SqliteConnection($"Data Source={data};Pooling=False"))
        {
            c.Open();
            // The R-tree triggers call the GeoPackage ST_ functions, which plain SQLite lacks (GDAL and QGIS bring theirs).
            Facilities.Storage.Sqlite.GeoPackage.GeoPackageSqlFunctions.Register(c);
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE urban_areas SET name = 'Khu <script>alert(1)</script> & \"Đông\"' WHERE id = 'KDT-02'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        var (gpkg, html) = (_dir.File("p.gpkg"), _dir.File("p.html"));

        // Act: by name, typed without accents or case.
        var (code, _, stderr) = CliRunner.Run("propose", data, "--urban-area", "khu <SCRIPT>alert(1)</script> & \"dong\"", "--levels", "thcs",
            "--solver", "greedy", "--out", gpkg, "--report", html);

        // Assert
        Assert.True(code == 0, stderr);
        var text = File.ReadAllText(html);
        Assert.DoesNotContain("<script>", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Khu &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Đông&quot;", text, StringComparison.Ordinal);
        Assert.Contains("solver=greedy", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KDT-99")]
    [InlineData("Khu không có")]
    public void UnknownUrbanAreaIsAClearErrorWithExitTwoAndNothingWritten(string key)
    {
        var (gpkg, html) = (_dir.File("p.gpkg"), _dir.File("p.html"));

        var (code, _, stderr) = CliRunner.Run("propose", SharedData.SampleCity, "--urban-area", key, "--out", gpkg, "--report", html, "--lang", "en");

        Assert.Equal(2, code);
        Assert.Contains("layer urban_areas: no urban-area project has the id or name", stderr, StringComparison.Ordinal);
        Assert.Contains("KDT-01 (Khu đô thị mới Bắc Sông (mẫu))", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(gpkg));
        Assert.False(File.Exists(html));
    }

    [Fact]
    public void AReportThatCannotBeWrittenLeavesNoGeoPackageBehind()
    {
        // Arrange: the report's folder is a file, so the dossier cannot be written there.
        var blocker = _dir.File("not-a-folder");
        File.WriteAllText(blocker, "x");
        var gpkg = _dir.File("p.gpkg");

        // Act
        var (code, _, stderr) = CliRunner.Run("propose", SharedData.SampleCity, "--urban-area", "KDT-01", "--levels", "thcs", "--solver", "greedy",
            "--out", gpkg, "--report", Path.Combine(blocker, "p.html"), "--lang", "en");

        // Assert
        Assert.Equal(3, code);
        Assert.False(File.Exists(gpkg), stderr);
    }

    [Fact]
    public void ReportThatIsNotHtmlIsRefusedBeforeAnyWork()
    {
        var (code, _, stderr) = CliRunner.Run("propose", SharedData.SampleCity, "--urban-area", "KDT-01", "--out", _dir.File("p.gpkg"), "--report", _dir.File("p.pdf"), "--lang", "en");

        Assert.Equal(1, code);
        Assert.Contains("--report must be an .html file", stderr, StringComparison.Ordinal);
    }
}
