using Facilities.Testing;

namespace Facilities.Cli.Tests;

public sealed class DeficitCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void DeficitOfTheSampleCityWritesCsvAndPrintsTotals()
    {
        var output = _dir.File("d.csv");

        var (code, stdout, stderr) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--out", output, "--lang", "en");

        Assert.True(code == 0, stderr);
        Assert.Contains("Classroom deficit in 2030", stdout, StringComparison.Ordinal);
        Assert.Contains("UNCONFIRMED norms", stderr, StringComparison.Ordinal);
        Assert.Equal(49, File.ReadAllLines(output).Length);
        Assert.True(File.Exists(output + ".stamp.json"));
    }

    [Fact]
    public void OneLevelGivesOneRowPerWard()
    {
        var output = _dir.File("d.csv");

        Assert.Equal(0, CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2025", "--level", "thcs", "--out", output).Code);

        Assert.Equal(13, File.ReadAllLines(output).Length);
        Assert.All(File.ReadAllLines(output).Skip(1), l => Assert.Contains(",thcs,", l, StringComparison.Ordinal));
    }

    [Fact]
    public void ProvinceNormsFileOverridesAValueAndNamesItsVersion()
    {
        var norms = _dir.Write("hp.json", """
            { "version": "haiphong-2026.1",
              "values": { "class_cap.tieu_hoc": { "value": 30, "unit": "pupils per class", "status": "unconfirmed", "source": "Hải Phòng test file" } } }
            """);
        var national = _dir.File("n.csv");
        var local = _dir.File("l.csv");

        CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2025", "--level", "tieu_hoc", "--out", national);
        CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2025", "--level", "tieu_hoc", "--norms", norms, "--out", local);

        static long Classes(string path) => File.ReadAllLines(path).Skip(1).Sum(l => long.Parse(l.Split(',')[6], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Classes(local) > Classes(national));
        Assert.Contains("haiphong-2026.1", File.ReadAllText(local + ".stamp.json"), StringComparison.Ordinal);
        Assert.Contains("class_cap.tieu_hoc", File.ReadAllText(local + ".stamp.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void NormsWithoutASourceAreRefused()
    {
        var norms = _dir.Write("bad.json", """{ "version": "x", "values": { "class_cap.thcs": { "value": 40 } } }""");

        var (code, _, stderr) = CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2025", "--norms", norms, "--out", _dir.File("d.csv"), "--lang", "en");

        Assert.Equal(3, code);
        Assert.Contains("bad.json", stderr, StringComparison.Ordinal);
        Assert.Contains("source", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("d.csv")));
    }

    [Fact]
    public void UnsupportedOutputFormatIsAUsageError() =>
        Assert.Equal(1, CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2025", "--out", _dir.File("d.pdf")).Code);

    [Fact]
    public void DatasetWithoutWardsIsAFileError()
    {
        var empty = _dir.File("e.gpkg");
        CliRunner.Run("export", SharedData.SampleCity, "--layer", "schools", "--out", empty);

        Assert.Equal(3, CliRunner.Run("deficit", empty, "--year", "2025", "--out", _dir.File("d.csv")).Code);
    }

    [Fact]
    public void RealHaiPhongWardsGiveADeficitForEveryWardAndLevel()
    {
        var dataset = _dir.File("hp.gpkg");
        Assert.Equal(0, CliRunner.Run("import", SharedData.HaiPhong("communes_2025.geojson"), "--layer", "wards", "--into", dataset).Code);
        var output = _dir.File("hp.csv");

        var (code, _, stderr) = CliRunner.Run("deficit", dataset, "--year", "2030", "--out", output);

        Assert.True(code == 0, stderr);
        var rows = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(114 * 4, rows.Count);
        // No school data yet: every ward needs rooms, and pupils follow population × age share × enrolment.
        Assert.All(rows, r => Assert.Equal(r[7], r[9]));
    }

    [Fact]
    public void OutputOverTheDatasetIsRefusedAndTheDatasetKept()
    {
        var dataset = _dir.File("city.gpkg");
        File.Copy(SharedData.SampleCity, dataset);
        var before = File.ReadAllBytes(dataset);

        var (code, _, stderr) = CliRunner.Run("deficit", dataset, "--year", "2030", "--out", dataset, "--lang", "en");

        Assert.Equal(1, code);
        Assert.Contains("--out is the dataset itself", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(dataset));
    }

    [Fact]
    public void DatasetWithoutSchoolsSaysSoAndStampsIt()
    {
        var dataset = _dir.File("wards.gpkg");
        Assert.Equal(0, CliRunner.Run("export", SharedData.SampleCity, "--layer", "wards", "--out", dataset).Code);
        var output = _dir.File("d.csv");

        var (code, _, stderr) = CliRunner.Run("deficit", dataset, "--year", "2030", "--out", output, "--lang", "en");

        Assert.Equal(0, code);
        Assert.Contains("no schools layer", stderr, StringComparison.Ordinal);
        Assert.Contains("warning_1", File.ReadAllText(output + ".stamp.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void TeacherGeoPackageKeepsNumbersNumericAndUnknownNull()
    {
        var output = _dir.File("t.gpkg");
        Assert.Equal(0, CliRunner.Run("teachers", SharedData.SampleCity, "--year", "2030", "--out", output).Code);

        var layer = Facilities.Storage.Sqlite.GeoPackage.GeoPackageDataset.ReadLayer(output, "teachers_thcs")!;

        Assert.Equal(Facilities.Core.Features.FieldType.Integer, layer.Field("teacher_shortfall")!.Type);
        Assert.Contains(layer.Features, f => f["teacher_shortfall"] is null);
        Assert.Contains(layer.Features, f => f["teacher_shortfall"] is long);
        Assert.True(Facilities.Storage.Sqlite.GeoPackage.GeoPackageDataset.Metadata(output).ContainsKey("result.stamp_id"));
    }
}
