using System.Xml.Linq;
using Facilities.Core.Deficit;
using Facilities.Core.Features;
using Facilities.Core.Norms;
using Facilities.Core.Provenance;
using Facilities.Core.Spatial;
using Facilities.Reports.Results;
using Facilities.Reports.Styles;
using Facilities.Storage.Sqlite;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

namespace Facilities.IO.Tests.Results;

/// <summary>Result GeoPackages open coloured in QGIS: a layer_styles table (QGIS's own schema) with a QML and an SLD per layer.</summary>
public sealed class GeoPackageLayerStylesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_deficit_GeoPackage_has_one_default_style_per_level_in_an_attributes_table_that_GDALs_validator_accepts()
    {
        var path = WriteSampleDeficit();

        GeoPackageValidator.AssertValid(path);
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        Assert.Equal("attributes", Scalar(c, "SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'"));
        var rows = Rows(c, "SELECT f_table_name, f_geometry_column, useAsDefault, styleQML, styleSLD FROM layer_styles ORDER BY id");
        Assert.Equal(Core.Schema.DatasetSchema.Levels.Select(l => "deficit_" + l), rows.Select(r => (string)r[0]));
        Assert.All(rows, r => Assert.Equal(("geom", 1L), ((string)r[1], (long)r[2])));
        Assert.Contains("layer_styles", ReferenceTools.Run("ogrinfo", $"-ro -q \"{path}\""), StringComparison.Ordinal);

        // Each QML is XML with a categorized renderer: the three fixed entries and one per class of that layer's values,
        // each class in its viridis colour at the app's 0.85 opacity; the SLD has a rule per category.
        foreach (var row in rows)
        {
            var classes = ClassesOf(path, (string)row[0]);
            var qml = XDocument.Parse((string)row[3]);
            var renderer = qml.Root!.Element("renderer-v2")!;
            Assert.Equal("categorizedSymbol", (string)renderer.Attribute("type")!);
            var categories = renderer.Element("categories")!.Elements("category").ToList();
            Assert.Equal(["no_data", "unknown", "none", .. classes.Select((_, i) => $"c{i + 1}")], categories.Select(x => (string)x.Attribute("value")!));
            var fills = renderer.Element("symbols")!.Elements("symbol").ToDictionary(
                s => (string)s.Attribute("name")!,
                s => s.Elements("layer").Select(l => ((string)l.Attribute("class")!, l.Elements("prop").FirstOrDefault(p => (string)p.Attribute("k")! == "color")?.Attribute("v")?.Value)).ToList());
            Assert.Equal([("SimpleFill", "189,189,189,255"), ("LinePatternFill", "115,115,115,255")], fills["0"]);
            for (var i = 0; i < classes.Count; i++)
            {
                Assert.Equal([("SimpleFill", QgisQml.Rgba(classes[i].Colour, 0.85))], fills[(i + 3).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            XNamespace se = "http://www.opengis.net/se";
            Assert.Equal(categories.Count, XDocument.Parse((string)row[4]).Descendants(se + "Rule").Count());
        }
    }

    [Fact]
    public void Qgis_opens_a_ward_layer_with_its_default_style_and_draws_every_ward_in_the_apps_colour_and_so_does_the_SLD()
    {
        // Wards as the app sees them: one with no school data (its deficit must not read as a shortage), one without a
        // value, a surplus, a zero, and six shortages. The app's classes of 1, 2, 3, 5, 8, 13 (ramp.js classify, worked
        // by hand): five quantile classes (0,2] (2,3] (3,5] (5,8] (8,13], viridis light to dark.
        var wards = new (string Code, string Status, long? Deficit, string Colour)[]
        {
            ("W01", "no_school_data", 10, MapPalette.NoData), ("W02", "ok", null, MapPalette.Unknown),
            ("W03", "ok", -2, MapPalette.NoShortage), ("W04", "ok", 0, MapPalette.NoShortage),
            ("W05", "ok", 1, "#fde725"), ("W06", "ok", 2, "#fde725"), ("W07", "ok", 3, "#5ec962"),
            ("W08", "ok", 5, "#21918c"), ("W09", "ok", 8, "#3b528b"), ("W10", "ok", 13, "#440154"),
        };
        var records = wards.Select((w, i) => new FeatureRecord(i + 1,
            Wkt.Read($"MULTIPOLYGON(((106.{i}0 20.80, 106.{i}9 20.80, 106.{i}9 20.89, 106.{i}0 20.89, 106.{i}0 20.80)))"),
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["ward_code"] = w.Code, ["data_status"] = w.Status, ["deficit_rooms"] = w.Deficit })).ToList();
        var layer = new FeatureLayer("deficit_thcs", CrsRegistry.Get(CrsRegistry.Wgs84Srid),
            [new("ward_code", FieldType.Text), new("data_status", FieldType.Text), new("deficit_rooms", FieldType.Integer)], records);
        var path = _dir.File("wards.gpkg");
        GeoPackageDataset.ReplaceLayers(path, [layer], new Dictionary<string, string>(), fresh: true);
        GeoPackageLayerStyles.Write(path, [DeficitGeoPackageWriter.Style(layer)], GeoPackageDataset.DefaultLastChange);
        GeoPackageValidator.AssertValid(path);

        var result = QgisScript.Run(QgisScript.In("Facilities.IO.Tests", "layer_style_check.py"), path, "ward_code", "deficit_thcs").GetProperty("layers").GetProperty("deficit_thcs");

        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal("categorizedSymbol", result.GetProperty("renderer").GetString());
        Assert.Equal(3 + 5, result.GetProperty("categories").GetArrayLength());
        // The SLD, as QGIS imports it (rule-based), draws every ward alike, the no-data hatch included.
        var sld = result.GetProperty("sld");
        Assert.True(sld.GetProperty("loaded").GetBoolean(), sld.GetProperty("message").GetString());
        Assert.Equal("RuleRenderer", sld.GetProperty("renderer").GetString());
        foreach (var drawnBy in new[] { result, sld })
        {
            foreach (var w in wards)
            {
                var drawn = drawnBy.GetProperty("features").GetProperty(w.Code);
                Assert.Equal(w.Colour, drawn.GetProperty("colour").GetString());
                var hatched = drawn.GetProperty("layers").EnumerateArray().Any(l => l.GetString() == "LinePatternFill");
                Assert.Equal(w.Status == "no_school_data", hatched);
            }
        }
    }

    [Fact]
    public void Qgis_applies_the_default_style_of_every_level_of_the_sample_citys_deficit()
    {
        var path = WriteSampleDeficit();
        var levels = Core.Schema.DatasetSchema.Levels.Select(l => "deficit_" + l).ToArray();

        var result = QgisScript.Run(QgisScript.In("Facilities.IO.Tests", "layer_style_check.py"), [path, "ward_code", .. levels]).GetProperty("layers");

        foreach (var name in levels)
        {
            var layer = result.GetProperty(name);
            Assert.Equal("categorizedSymbol", layer.GetProperty("renderer").GetString());
            var classes = ClassesOf(path, name);
            Assert.Equal(3 + classes.Count, layer.GetProperty("categories").GetArrayLength());
            Assert.Equal(GeoPackageDataset.ReadLayer(path, name)!.Features.Count, layer.GetProperty("features").EnumerateObject().Count());
        }
    }

    private string WriteSampleDeficit()
    {
        var city = DatasetLoader.LoadCity(SharedData.SampleCity, NormsSet.BuiltIn);
        var result = AdminDeficitCalculator.Compute(city, NormsSet.BuiltIn, new DeficitOptions(2030));
        var stamp = new ResultStamp("facilities test", "deficit", "sample-city.gpkg", GeoPackageDataset.Hash(SharedData.SampleCity),
            NormsSet.BuiltIn.Version, NormsSet.BuiltIn.Sha256, result.Options.Describe(), []);
        var path = _dir.File("deficit.gpkg");
        DeficitGeoPackageWriter.Write(SampleTables.Deficit(result, stamp), result.Options.Levels, path);
        return path;
    }

    /// <summary>The app's classes of a written layer: deficit_rooms of the wards with school data.</summary>
    private static IReadOnlyList<ColourClass> ClassesOf(string path, string layer) => ColourClasses.Classify(
        GeoPackageDataset.ReadLayer(path, layer)!.Features
            .Where(f => (string?)f["data_status"] != "no_school_data")
            .Select(f => f["deficit_rooms"] is long v ? v : (double?)null));

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static List<object[]> Rows(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object[]>();
        while (r.Read())
        {
            var row = new object[r.FieldCount];
            r.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
