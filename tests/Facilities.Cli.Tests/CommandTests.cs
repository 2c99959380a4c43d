using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Generate(int parcels = 40)
    {
        var path = _dir.File("city.gpkg");
        var (code, _, err) = CliRunner.Run("generate", "--out", path, "--parcels", parcels.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, err);
        return path;
    }

    [Fact]
    public void HelpListsEveryCommand()
    {
        var (code, output, _) = CliRunner.Run("--help");

        Assert.Equal(0, code);
        foreach (var c in new[] { "import", "export", "info", "validate", "generate" })
        {
            Assert.Contains(c, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var (code, _, err) = CliRunner.Run("info", "x.gpkg", "--bogus");

        Assert.Equal(1, code);
        Assert.NotEmpty(err);
    }

    [Fact]
    public void UnknownLayerIsAUsageError() =>
        Assert.Equal(1, CliRunner.Run("export", Generate(), "--layer", "roads", "--out", _dir.File("r.csv")).Code);

    [Fact]
    public void UnknownCrsIsAUsageError() =>
        Assert.Equal(1, CliRunner.Run("import", "a.geojson", "--layer", "wards", "--crs", "EPSG:2154", "--into", _dir.File("d.gpkg")).Code);

    [Fact]
    public void InfoShowsLayersCountsAndTotals()
    {
        var (code, output, _) = CliRunner.Run("info", Generate(), "--lang", "en");

        Assert.Equal(0, code);
        Assert.Contains("wards", output, StringComparison.Ordinal);
        Assert.Contains("parcels", output, StringComparison.Ordinal);
        Assert.Contains("EPSG:4326", output, StringComparison.Ordinal);
        Assert.Contains("population", output, StringComparison.Ordinal);
        Assert.Contains("SHA-256", output, StringComparison.Ordinal);
    }

    [Fact]
    public void InfoSpeaksVietnameseByDefault()
    {
        var (_, output, _) = CliRunner.Run("info", Generate());

        Assert.Contains("Bộ dữ liệu", output, StringComparison.Ordinal);
        Assert.Contains("Lớp", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOfAGoodDatasetExitsZero()
    {
        var (code, output, _) = CliRunner.Run("validate", Generate(), "--lang", "en");

        Assert.Equal(0, code);
        Assert.Contains("0 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOfABadFileExitsTwoAndNamesTheProblem()
    {
        var path = _dir.Write("schools.csv", "id,name,level,classrooms,lon,lat\nS1,A,thcs,-1,106.65,20.81\n");

        var (code, _, err) = CliRunner.Run("validate", path, "--lang", "en");

        Assert.Equal(2, code);
        Assert.Contains("schools.csv, layer 'schools', feature 'S1', field 'classrooms'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileExitsThree()
    {
        var (code, _, err) = CliRunner.Run("info", _dir.File("absent.gpkg"), "--lang", "en");

        Assert.Equal(3, code);
        Assert.Contains("not found", err, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedImportExitsTwoAndLeavesTheDatasetUnchanged()
    {
        var dataset = Generate();
        var before = File.ReadAllBytes(dataset);
        var bad = _dir.Write("wards.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"11001","name":"A","unit_type":"xa","population":-1},
             "geometry":{"type":"Polygon","coordinates":[[[106.6,20.8],[106.61,20.8],[106.61,20.81],[106.6,20.81],[106.6,20.8]]]}}]}
            """);

        var (code, _, err) = CliRunner.Run("import", bad, "--layer", "wards", "--into", dataset, "--lang", "en");

        Assert.Equal(2, code);
        Assert.Contains("Nothing was written", err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(dataset));
    }

    [Fact]
    public void ImportThenExportRoundTripsThroughEveryFormat()
    {
        var dataset = Generate();
        foreach (var ext in new[] { "geojson", "csv", "gpkg" })
        {
            var output = _dir.File($"schools.{ext}");
            Assert.Equal(0, CliRunner.Run("export", dataset, "--layer", "schools", "--out", output).Code);

            var target = _dir.File($"re-{ext}.gpkg");
            var (code, _, err) = CliRunner.Run("import", output, "--layer", "schools", "--into", target);

            Assert.True(code == 0, err);
            Assert.Equal(
                GeoPackageDataset.ReadLayer(dataset, "schools")!.Features.Count,
                GeoPackageDataset.ReadLayer(target, "schools")!.Features.Count);
        }
    }

    [Fact]
    public void GeoJsonExportRefusesAnotherCrs() =>
        Assert.Equal(1, CliRunner.Run("export", Generate(), "--layer", "wards", "--out", _dir.File("w.geojson"), "--crs", "EPSG:9210").Code);

    [Fact]
    public void RealHaiPhongWardsImportFromTheCommandLine()
    {
        var source = SharedData.HaiPhong("communes_2025.geojson");
        var dataset = _dir.File("hp.gpkg");

        var (code, output, err) = CliRunner.Run("import", source, "--layer", "wards", "--into", dataset, "--lang", "en");

        Assert.True(code == 0, err);
        Assert.Contains("Imported 114 features", output, StringComparison.Ordinal);
        // info prints in Vietnamese by default: thousands with a dot.
        Assert.Contains("4.664.124", CliRunner.Run("info", dataset).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateIsByteForByteReproducible()
    {
        var a = _dir.File("a.gpkg");
        var b = _dir.File("b.gpkg");
        File.WriteAllText(b, "an older file in the way");

        Assert.Equal(0, CliRunner.Run("generate", "--out", a, "--parcels", "300").Code);
        Assert.Equal(0, CliRunner.Run("generate", "--out", b, "--parcels", "300").Code);

        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void InfoSaysWhenAFieldHasValuesOnlyForSomeFeatures()
    {
        var (_, output, _) = CliRunner.Run("info", Generate(), "--lang", "en");

        Assert.Contains("(6/12 with a value)", output, StringComparison.Ordinal);
    }
}
