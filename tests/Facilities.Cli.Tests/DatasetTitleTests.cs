using Facilities.Cli.Commands;
using Facilities.Core.Provenance;
using Facilities.Core.Validation;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.Cli.Tests;

/// <summary>Issue 13: a dataset has a title, set at import or with `info --set-title`, and report maps show it instead of the file name.</summary>
public sealed class DatasetTitleTests : IDisposable
{
    private static readonly ResultStamp Stamp = new(
        "facilities test", "deficit", "hp-2025-v3.gpkg", new string('a', 64), "2026.1", new string('b', 64), "method=admin; year=2030", []);

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void InfoSetTitleStoresTheTitleAndInfoPrintsIt()
    {
        var dataset = _dir.File("city.gpkg");
        File.Copy(SharedData.SampleCity, dataset);

        var (code, output, err) = CliRunner.Run("info", dataset, "--set-title", "  Thành phố mẫu – 12 phường  ");

        Assert.True(code == 0, err);
        Assert.Contains("Thành phố mẫu – 12 phường", output, StringComparison.Ordinal);
        Assert.Equal("Thành phố mẫu – 12 phường", GeoPackageDataset.Metadata(dataset)["title"]);
        Assert.Contains("Tiêu đề: Thành phố mẫu – 12 phường", CliRunner.Run("info", dataset).Out, StringComparison.Ordinal);
        Assert.Equal(2, GeoPackageDataset.Describe(dataset).Count(t => t.Table.Name is "wards" or "schools"));
    }

    [Fact]
    public void SetTitleOnAMissingDatasetCreatesNoFile()
    {
        var missing = _dir.File("nope.gpkg");

        var (code, _, _) = CliRunner.Run("info", missing, "--set-title", "x");

        Assert.NotEqual(0, code);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void ImportWithTitleStoresIt()
    {
        var dataset = _dir.File("w.gpkg");
        var wards = _dir.File("wards.gpkg");
        Assert.Equal(0, CliRunner.Run("export", SharedData.SampleCity, "--layer", "wards", "--out", wards).Code);

        var (code, _, err) = CliRunner.Run("import", wards, "--layer", "wards", "--into", dataset, "--title", "Dữ liệu thử");

        Assert.True(code == 0, err);
        Assert.Equal("Dữ liệu thử", GeoPackageDataset.Metadata(dataset)["title"]);
    }

    [Fact]
    public void TheMapTitleCarriesTheDatasetTitleAndTheFileNameIsNotShown()
    {
        var titled = RenderSheet.Options(Language.Vi, "tieu_hoc", false, 2030, "Hải Phòng (2025)", "hp-2025-v3", Stamp, 0);
        var untitled = RenderSheet.Options(Language.Vi, "tieu_hoc", false, 2030, null, "hp-2025-v3", Stamp, 0);

        Assert.Equal("Thiếu/thừa phòng học tiểu học năm 2030 — Hải Phòng (2025)", titled.Title);
        Assert.DoesNotContain("hp-2025-v3", titled.Subtitle, StringComparison.Ordinal);
        Assert.Contains("hp-2025-v3", untitled.Subtitle, StringComparison.Ordinal);
    }
}
