using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Reports.Results;
using Facilities.Reports.Styles;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.IO.Tests.Results;

/// <summary>
/// The teachers, compliance and sites GeoPackages open coloured in QGIS as the map colours them: QGIS applies the
/// layer_styles default by itself, and the SLD, imported, draws the same colours.
/// </summary>
public sealed class ResultLayerStylesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Qgis_draws_each_school_in_the_colour_of_its_served_compliance_status()
    {
        // Okabe–Ito blue for Đạt, vermillion for Không đạt, grey for Chưa rõ, which also takes a status the map does not know or none.
        var schools = new (string Id, string? Status, string Colour)[]
        {
            ("S1", "pass", "#0072b2"), ("S2", "fail", "#d55e00"), ("S3", "unknown", "#999999"), ("S4", "n/a", "#999999"), ("S5", null, "#999999"),
        };
        var records = schools.Select((s, i) => new FeatureRecord(i + 1, Wkt.Read($"POINT(106.{i}5 20.85)"),
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["school_id"] = s.Id, ["compliance_status"] = s.Status })).ToList();
        var layer = new FeatureLayer(ComplianceGeoPackageWriter.Layer, CrsRegistry.Get(CrsRegistry.Wgs84Srid),
            [new("school_id", FieldType.Text), new("compliance_status", FieldType.Text)], records);
        var path = Write(layer, ComplianceGeoPackageWriter.Style);

        var result = Check(path, "school_id", layer.Name);

        Assert.Equal("categorizedSymbol", result.GetProperty("renderer").GetString());
        Assert.Equal(["Đạt / Pass", "Không đạt / Fail", "Chưa rõ / Unknown"], result.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        AssertDrawn(result, schools.Select(s => (s.Id, s.Colour)));
    }

    [Fact]
    public void Qgis_draws_teacher_shortfall_wards_in_the_maps_classes_with_no_data_hatched()
    {
        // Shortfalls 1, 2, 3, 5, 8, 13 make the app's five quantile classes (0,2] (2,3] (3,5] (5,8] (8,13] (ramp.js
        // classify, by hand), viridis light to dark; ≤ 0 is no shortage, null unknown, no school data grey.
        var wards = new (string Code, string Status, long? Shortfall, string Colour)[]
        {
            ("W01", "no_school_data", 9, MapPalette.NoData), ("W02", "ok", null, MapPalette.Unknown), ("W03", "ok", -4, MapPalette.NoShortage),
            ("W05", "ok", 1, "#fde725"), ("W06", "ok", 2, "#fde725"), ("W07", "ok", 3, "#5ec962"),
            ("W08", "ok", 5, "#21918c"), ("W09", "ok", 8, "#3b528b"), ("W10", "ok", 13, "#440154"),
        };
        var records = wards.Select((w, i) => new FeatureRecord(i + 1,
            Wkt.Read($"MULTIPOLYGON(((106.{i}0 20.80, 106.{i}9 20.80, 106.{i}9 20.89, 106.{i}0 20.89, 106.{i}0 20.80)))"),
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["ward_code"] = w.Code, ["data_status"] = w.Status, ["teacher_shortfall"] = w.Shortfall })).ToList();
        var layer = new FeatureLayer("teachers_thcs", CrsRegistry.Get(CrsRegistry.Wgs84Srid),
            [new("ward_code", FieldType.Text), new("data_status", FieldType.Text), new("teacher_shortfall", FieldType.Integer)], records);
        var path = Write(layer, TeachersGeoPackageWriter.Style(layer));

        var result = Check(path, "ward_code", layer.Name);

        Assert.Equal("categorizedSymbol", result.GetProperty("renderer").GetString());
        Assert.Equal(3 + 5, result.GetProperty("categories").GetArrayLength());
        AssertDrawn(result, wards.Select(w => (w.Code, w.Colour)));
    }

    [Fact]
    public void Qgis_draws_every_candidate_site_in_the_maps_purple()
    {
        var records = Enumerable.Range(0, 3).Select(i => new FeatureRecord(i + 1,
            Wkt.Read($"MULTIPOLYGON(((106.{i}0 20.80, 106.{i}1 20.80, 106.{i}1 20.81, 106.{i}0 20.80)))"),
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["site_id"] = $"P{i}" })).ToList();
        var layer = new FeatureLayer("candidate_sites", CrsRegistry.Get(CrsRegistry.Wgs84Srid), [new("site_id", FieldType.Text)], records);
        var style = new LayerStyleEntry(layer.Name, GeoPackageLayerWriter.GeometryColumn, "sites", SiteStyle.Qml(), SiteStyle.Sld(layer.Name), "sites");
        var path = Write(layer, style);

        var result = Check(path, "site_id", layer.Name);

        Assert.Equal("singleSymbol", result.GetProperty("renderer").GetString());
        AssertDrawn(result, records.Select(r => ((string)r["site_id"]!, "#cc79a7")));
        // 0.35 of 255, as the map's fill.
        Assert.Equal(89, result.GetProperty("features").GetProperty("P0").GetProperty("alpha").GetInt32());
    }

    private string Write(FeatureLayer layer, LayerStyleEntry style)
    {
        var path = _dir.File(layer.Name + ".gpkg");
        StyledGeoPackage.Write(path, [layer], new Dictionary<string, string>(), [style]);
        GeoPackageValidator.AssertValid(path);
        return path;
    }

    private static System.Text.Json.JsonElement Check(string path, string idField, string layer)
    {
        var result = QgisScript.Run(QgisScript.In("Facilities.IO.Tests", "layer_style_check.py"), path, idField, layer).GetProperty("layers").GetProperty(layer);
        Assert.True(result.GetProperty("valid").GetBoolean());
        var sld = result.GetProperty("sld");
        Assert.True(sld.GetProperty("loaded").GetBoolean(), sld.GetProperty("message").GetString());
        return result;
    }

    /// <summary>Both QGIS's default style and the imported SLD draw each feature in its expected colour.</summary>
    private static void AssertDrawn(System.Text.Json.JsonElement result, IEnumerable<(string Id, string Colour)> expected)
    {
        foreach (var drawnBy in new[] { result, result.GetProperty("sld") })
        {
            foreach (var (id, colour) in expected)
            {
                Assert.Equal(colour, drawnBy.GetProperty("features").GetProperty(id).GetProperty("colour").GetString());
            }
        }
    }
}
