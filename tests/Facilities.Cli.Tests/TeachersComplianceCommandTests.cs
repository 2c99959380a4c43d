using Facilities.Testing;

namespace Facilities.Cli.Tests;

public sealed class TeachersComplianceCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TeachersOfTheSampleCityLeaveUnknownFiguresEmpty()
    {
        var output = _dir.File("t.csv");

        var (code, stdout, stderr) = CliRunner.Run("teachers", SharedData.SampleCity, "--year", "2030", "--out", output, "--lang", "en");

        Assert.True(code == 0, stderr);
        Assert.Contains("Wards unknown", stdout, StringComparison.Ordinal);
        var rows = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(12 * 4, rows.Count);
        // A ward with a school that reports no teachers has an empty shortfall (column 10), never 0 by default.
        Assert.Contains(rows, r => r[11] != "0" && r[10] == "");
        Assert.True(File.Exists(_dir.File("t.schools.csv")));
    }

    [Fact]
    public void TeachersByCatchment_AddThePupilsTaughtAndTheUnservedClasses_AndStampTheMethod()
    {
        var output = _dir.File("tc.csv");

        var (code, stdout, stderr) = CliRunner.Run("teachers", SharedData.SampleCity, "--year", "2030", "--method", "catchment", "--capacity-limited",
            "--grid-m", "300", "--out", output, "--lang", "en");

        Assert.True(code == 0, stderr);
        Assert.Contains("(by catchment)", stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        var header = lines[0].Split(',');
        Assert.Equal(12 * 4, lines.Length - 1);
        var classes = Array.IndexOf(header, "classes");
        var unserved = Array.IndexOf(header, "classes_unserved");
        Assert.True(Array.IndexOf(header, "pupils_taught") > 0 && unserved > 0);
        // A ward's classes include those of its unserved pupils.
        Assert.All(lines.Skip(1).Select(l => l.Split(',')), r => Assert.True(long.Parse(r[classes], System.Globalization.CultureInfo.InvariantCulture) >=
            long.Parse(r[unserved], System.Globalization.CultureInfo.InvariantCulture)));
        var stamp = File.ReadAllText(output + ".stamp.json");
        Assert.Contains("method=catchment", stamp, StringComparison.Ordinal);
        Assert.Contains("capacity_limited=yes", stamp, StringComparison.Ordinal);
        Assert.Contains("service_radius_m.", stamp, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("tc.schools.csv")));
    }

    [Fact]
    public void ComplianceOfTheSampleCityHasARowPerSchoolAndWardTotals()
    {
        var output = _dir.File("c.csv");

        var (code, _, stderr) = CliRunner.Run("compliance", SharedData.SampleCity, "--out", output);

        Assert.True(code == 0, stderr);
        var header = File.ReadAllLines(output)[0];
        foreach (var check in new[] { "site_area", "classrooms", "subject_rooms", "sports_ground", "toilets" })
        {
            Assert.Contains(check + "_gap", header, StringComparison.Ordinal);
        }

        Assert.Equal(262 + 1, File.ReadAllLines(output).Length);
        Assert.True(File.ReadAllLines(_dir.File("c.wards.csv")).Length > 12);
    }

    [Fact]
    public void TeachersAndComplianceWriteWorkbooksAndGeoPackages()
    {
        foreach (var command in new[] { "teachers", "compliance" })
        {
            foreach (var ext in new[] { "xlsx", "gpkg" })
            {
                var output = _dir.File($"{command}.{ext}");
                var args = command == "teachers"
                    ? new[] { command, SharedData.SampleCity, "--year", "2030", "--out", output }
                    : new[] { command, SharedData.SampleCity, "--out", output };

                var (code, _, stderr) = CliRunner.Run(args);

                Assert.True(code == 0, $"{command} {ext}: {stderr}");
                Assert.True(new FileInfo(output).Length > 1000);
            }
        }
    }

    [Fact]
    public void TeachersOnRealHaiPhongWardsWithoutSchoolsNeedEveryTeacher()
    {
        var dataset = _dir.File("hp.gpkg");
        Assert.Equal(0, CliRunner.Run("import", SharedData.HaiPhong("communes_2025.geojson"), "--layer", "wards", "--into", dataset).Code);
        var output = _dir.File("t.csv");

        Assert.Equal(0, CliRunner.Run("teachers", dataset, "--year", "2030", "--out", output).Code);

        var rows = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(114 * 4, rows.Count);
        Assert.All(rows, r => Assert.Equal(r[8], r[10]));
    }
}
