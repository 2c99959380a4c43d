using System.Globalization;
using System.Net;
using System.Text.Json;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Tests;

/// <summary>
/// The results as OGC API collections: the same run as /api (and the CLI) for the level, year and method in the
/// query, paged, filtered by bbox and properties, in another CRS, and with the run parameters in the queryables.
/// </summary>
public sealed class OgcResultsTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    [Theory]
    [InlineData("thcs", 2030, "admin")]
    [InlineData("tieu_hoc", 2028, "catchment")]
    public async Task The_deficit_collection_serves_the_api_deficit_of_the_same_level_year_and_method(string level, int year, string method)
    {
        var client = sample.App.Client();
        var query = $"level={level}&year={year}&method={method}";
        var (_, api) = await client.GetJsonAsync("/api/deficit?" + query);
        var (status, ogc) = await client.GetJsonAsync($"/ogc/collections/deficit/items?{query}&limit=1000");
        Assert.Equal(HttpStatusCode.OK, status);
        var expected = api.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("properties").GetProperty("ward_code").GetString()!);
        var features = ogc.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(expected.Count, ogc.GetProperty("numberMatched").GetInt32());
        Assert.Equal(expected.Count, features.Count);
        foreach (var f in features)
        {
            var p = f.GetProperty("properties");
            var ward = p.GetProperty("ward_code").GetString()!;
            Assert.Equal($"{ward}:{level}", f.GetProperty("id").GetString());
            Assert.Equal(level, p.GetProperty("level").GetString());
            Assert.Equal(year, p.GetProperty("year").GetInt32());
            Assert.Equal(method, p.GetProperty("method").GetString());
            var a = expected[ward].GetProperty("properties");
            Assert.Equal(a.GetProperty("deficit_rooms").ToString(), p.GetProperty("deficit_rooms").ToString());
            Assert.Equal(a.GetProperty("stamp_id").GetString(), p.GetProperty("stamp_id").GetString());
        }

        Assert.Equal(api.GetProperty("stamp").GetProperty("stamp_id").GetString(), ogc.GetProperty("stamps")[0].GetProperty("stamp_id").GetString());
    }

    [Fact]
    public async Task Without_a_level_the_deficit_holds_every_level_of_every_ward()
    {
        var wards = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "wards")!.Features.Count;
        var (_, all) = await sample.App.Client().GetJsonAsync("/ogc/collections/deficit/items?limit=1");
        Assert.Equal(4 * wards, all.GetProperty("numberMatched").GetInt32());
        Assert.Equal("2025", all.GetProperty("features")[0].GetProperty("properties").GetProperty("year").ToString());
    }

    [Fact]
    public async Task Compliance_pages_through_every_school_row_once_and_filters_by_ward()
    {
        var schools = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "schools")!.Features;
        var thcs = schools.Where(s => (string?)s["level"] == "thcs").Select(s => $"{s["id"]}:thcs").Order().ToList();
        var client = sample.App.Client();
        var ids = new List<string>();
        string? next = "/ogc/collections/compliance/items?level=thcs&limit=7";
        while (next is not null)
        {
            var (status, page) = await client.GetJsonAsync(next);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(thcs.Count, page.GetProperty("numberMatched").GetInt32());
            ids.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next").Select(l => l.GetProperty("href").GetString()).SingleOrDefault();
        }

        Assert.Equal(thcs, ids.Order());
        var ward = (string)schools.First(s => (string?)s["level"] == "thcs")["ward_code"]!;
        var (_, inWard) = await client.GetJsonAsync($"/ogc/collections/compliance/items?level=thcs&ward_code={ward}");
        Assert.Equal(schools.Count(s => (string?)s["level"] == "thcs" && (string?)s["ward_code"] == ward), inWard.GetProperty("numberMatched").GetInt32());
        Assert.All(inWard.GetProperty("features").EnumerateArray(), f =>
            Assert.Contains(f.GetProperty("properties").GetProperty("compliance_status").GetString(), new[] { "pass", "fail", "unknown" }));
    }

    [Fact]
    public async Task A_bbox_keeps_the_wards_it_meets_and_crs_reprojects_with_content_crs()
    {
        var wards = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "wards")!.Features;
        var extent = new Envelope();
        wards.ForEach(w => extent.ExpandToInclude(w.Geometry!.EnvelopeInternal));
        var box = new Envelope(extent.MinX, extent.Centre.X, extent.MinY, extent.Centre.Y);
        var expected = wards.Count(w => w.Geometry!.Intersects(new GeometryFactory().ToGeometry(box)));
        Assert.InRange(expected, 1, wards.Count - 1);
        var bbox = string.Join(',', new[] { box.MinX, box.MinY, box.MaxX, box.MaxY }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        var client = sample.App.Client();
        var (_, inBox) = await client.GetJsonAsync($"/ogc/collections/deficit/items?level=thcs&bbox={bbox}");
        Assert.Equal(expected, inBox.GetProperty("numberMatched").GetInt32());

        using var response = await client.GetAsync("/ogc/collections/deficit/items?level=thcs&limit=1&crs=http://www.opengis.net/def/crs/EPSG/0/9210", TestContext.Current.CancellationToken);
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/9210>", response.Headers.GetValues("Content-Crs").Single());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var first = Coordinates(body.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates"));
        // VN-2000 / TM-3 zone 105.75 in metres: an easting of hundreds of km, a northing of about 2,300 km.
        Assert.InRange(first[0], 400_000, 800_000);
        Assert.InRange(first[1], 2_200_000, 2_400_000);
    }

    [Theory]
    [InlineData("/ogc/collections/deficit/items?level=primary", "level")]
    [InlineData("/ogc/collections/deficit/items?method=nearest", "method")]
    [InlineData("/ogc/collections/deficit/items?top=5", "top")]
    [InlineData("/ogc/collections/compliance/items?year=2030", "year")]
    [InlineData("/ogc/collections/sites/items?level=thcs&crs=EPSG:1234", "crs")]
    public async Task A_bad_or_foreign_run_parameter_is_a_400_naming_it(string url, string parameter)
    {
        var (status, body) = await sample.App.Client().GetJsonAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"'{parameter}'", body.GetProperty("error").GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queryables_list_the_run_parameters_then_the_properties_of_the_run()
    {
        var (_, schema) = await sample.App.Client().GetJsonAsync("/ogc/collections/teachers/queryables?level=thcs");
        var names = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["level", "year", "method", "publicOnly", "capacityLimited", "gridM"], names.Take(6));
        Assert.Contains("ward_code", names);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("integer", schema.GetProperty("properties").GetProperty("year").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Sites_without_a_level_list_each_levels_candidates_with_their_own_stamp()
    {
        var client = sample.App.Client();
        var (_, all) = await client.GetJsonAsync("/ogc/collections/sites/items?limit=1&top=3");
        var (_, thcs) = await client.GetJsonAsync("/ogc/collections/sites/items?limit=10&top=3&level=thcs");
        Assert.Equal(4, all.GetProperty("stamps").GetArrayLength());
        Assert.Equal(1, thcs.GetProperty("stamps").GetArrayLength());
        Assert.InRange(thcs.GetProperty("numberMatched").GetInt32(), 1, 3);
        Assert.All(thcs.GetProperty("features").EnumerateArray(), f => Assert.StartsWith("thcs:", f.GetProperty("id").GetString(), StringComparison.Ordinal));
        var (status, one) = await client.GetJsonAsync($"/ogc/collections/sites/items/{thcs.GetProperty("features")[0].GetProperty("id").GetString()}?top=3&level=thcs");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Feature", one.GetProperty("type").GetString());
    }

    private static double[] Coordinates(JsonElement c) => c.ValueKind == JsonValueKind.Array && c[0].ValueKind == JsonValueKind.Number
        ? [c[0].GetDouble(), c[1].GetDouble()]
        : Coordinates(c[0]);
}
