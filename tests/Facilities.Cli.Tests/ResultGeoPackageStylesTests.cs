using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

namespace Facilities.Cli.Tests;

/// <summary>
/// The teachers, compliance and sites GeoPackages the commands write carry a default QGIS style per drawn layer, and
/// QGIS, opening them, draws each feature as the map does (GDAL's validator passing on the same files).
/// </summary>
public sealed class ResultGeoPackageStylesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Teachers_compliance_and_sites_GeoPackages_have_one_default_style_per_drawn_layer()
    {
        var (teachers, compliance, sites) = (_dir.File("t.gpkg"), _dir.File("c.gpkg"), _dir.File("s.gpkg"));
        Assert.Equal(0, CliRunner.Run("teachers", SharedData.SampleCity, "--year", "2030", "--out", teachers).Code);
        Assert.Equal(0, CliRunner.Run("compliance", SharedData.SampleCity, "--out", compliance).Code);
        Assert.Equal(0, CliRunner.Run("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--top", "5", "--out", sites).Code);

        Assert.Equal(["teachers_mam_non", "teachers_tieu_hoc", "teachers_thcs", "teachers_thpt"], DefaultStyles(teachers));
        Assert.Equal(["compliance"], DefaultStyles(compliance));
        Assert.Equal(["candidate_sites"], DefaultStyles(sites));
        foreach (var path in new[] { teachers, compliance, sites })
        {
            GeoPackageValidator.AssertValid(path);
        }
    }

    [Fact]
    public void Qgis_draws_the_compliance_commands_schools_in_the_colour_of_their_status()
    {
        var path = _dir.File("c.gpkg");
        Assert.Equal(0, CliRunner.Run("compliance", SharedData.SampleCity, "--out", path).Code);
        var colours = new Dictionary<string, string>(StringComparer.Ordinal) { ["pass"] = "#0072b2", ["fail"] = "#d55e00", ["unknown"] = "#999999" };
        var features = GeoPackageDataset.ReadLayer(path, "compliance")!.Features;
        // An id per row: school and level.
        var result = QgisScript.Run(QgisScript.In("Facilities.IO.Tests", "layer_style_check.py"), path, "fid", "compliance").GetProperty("layers").GetProperty("compliance");

        Assert.Equal("categorizedSymbol", result.GetProperty("renderer").GetString());
        var drawn = result.GetProperty("features");
        Assert.Equal(features.Count, drawn.EnumerateObject().Count());
        Assert.Contains(features, f => (string?)f["compliance_status"] == "fail");
        foreach (var f in features)
        {
            var status = (string)f["compliance_status"]!;
            Assert.Equal(colours.GetValueOrDefault(status, "#999999"), drawn.GetProperty(f.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("colour").GetString());
        }
    }

    private static List<string> DefaultStyles(string path)
    {
        using var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadOnly);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT f_table_name FROM layer_styles WHERE useAsDefault ORDER BY id";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }
}
