using System.Globalization;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Tests;

/// <summary>
/// A result collection as a GIS technician opens it: QGIS's own OAPIF provider (3.22, headless), the run chosen by the
/// connection URL's query (<c>/ogc?level=thcs&amp;year=2030&amp;method=admin</c>), every feature read across pages, the
/// parameters honoured and a bbox asked of the server. Skips when python3-qgis is absent.
/// </summary>
public sealed class OapifResultsQgisTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    [Theory]
    [InlineData("thcs", 2030, "admin")]
    [InlineData("tieu_hoc", 2028, "catchment")]
    public async Task Qgis_loads_the_deficit_of_one_level_year_and_method_and_its_wards_in_a_bbox(string level, int year, string method)
    {
        var query = $"level={level}&year={year}&method={method}";
        var (_, api) = await sample.App.Client().GetJsonAsync("/api/deficit?" + query);
        var expected = api.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("ward_code").GetString() + ":" + level).Order().ToList();
        var wards = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "wards")!.Features;
        var extent = new Envelope();
        wards.ForEach(w => extent.ExpandToInclude(w.Geometry!.EnvelopeInternal));
        // The south-west quarter of the city: some wards, not all.
        var box = new Envelope(extent.MinX, extent.Centre.X, extent.MinY, extent.Centre.Y);
        var inBox = wards.Where(w => w.Geometry!.Intersects(new GeometryFactory().ToGeometry(box))).Select(w => w["code"] + ":" + level).Order().ToList();
        Assert.InRange(inBox.Count, 1, wards.Count - 1);

        var result = Run(query, "deficit", box);

        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        Assert.Equal(expected, result.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).Order());
        Assert.Equal(expected.Count, result.GetProperty("distinct").GetInt32());
        Assert.Equal(expected.Count, result.GetProperty("count").GetInt32());
        var values = result.GetProperty("values");
        Assert.Equal([level], values.GetProperty("level").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal([year.ToString(CultureInfo.InvariantCulture)], values.GetProperty("year").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal([method], values.GetProperty("method").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("deficit_rooms", result.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(inBox, result.GetProperty("bbox_ids").EnumerateArray().Select(i => i.GetString()!).Order());
    }

    [Fact]
    public void Qgis_loads_the_compliance_of_one_level_school_by_school()
    {
        var schools = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "schools")!.Features;
        var expected = schools.Where(s => (string?)s["level"] == "thcs").Select(s => $"{s["id"]}:thcs").Order().ToList();

        var result = Run("level=thcs", "compliance", new Envelope(100, 110, 10, 30));

        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        Assert.Equal(expected, result.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).Order());
        Assert.Equal(["thcs"], result.GetProperty("values").GetProperty("level").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(expected, result.GetProperty("bbox_ids").EnumerateArray().Select(i => i.GetString()!).Order());
    }

    private System.Text.Json.JsonElement Run(string query, string collection, Envelope box)
    {
        var rect = string.Join(',', new[] { box.MinX, box.MinY, box.MaxX, box.MaxY }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        return QgisScript.Run(QgisScript.In("Facilities.Web.Tests", "results_check.py"), sample.App.Address, query, collection, rect);
    }
}
