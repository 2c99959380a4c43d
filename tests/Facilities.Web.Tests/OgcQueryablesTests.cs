using System.Net;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>Queryables (OGC API – Features Part 3) and the property filters they allow: <c>?level=thcs</c>, <c>?ward_code=…</c>.</summary>
public sealed class OgcQueryablesTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    [Fact]
    public async Task Queryables_list_every_stored_field_of_the_schools_with_its_json_type()
    {
        using var response = await sample.App.Client().GetAsync("/ogc/collections/schools/queryables", TestContext.Current.CancellationToken);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType!.MediaType);
        var schema = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(sample.App.Address + "/ogc/collections/schools/queryables", schema.GetProperty("$id").GetString());
        var layer = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "schools")!;
        var properties = schema.GetProperty("properties").EnumerateObject().ToList();
        Assert.Equal(layer.Fields.Select(f => f.Name), properties.Select(p => p.Name));
        Assert.Equal("string", schema.GetProperty("properties").GetProperty("level").GetProperty("type").GetString());
        Assert.Equal("integer", schema.GetProperty("properties").GetProperty("pupils").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Level_and_ward_code_filters_return_exactly_the_matching_schools_across_pages()
    {
        var schools = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "schools")!.Features;
        var client = sample.App.Client();
        var thcs = schools.Where(s => (string?)s["level"] == "thcs").Select(s => $"{s["id"]}:thcs").Order().ToList();
        Assert.True(thcs.Count > 10);
        var ids = new List<string>();
        string? next = "/ogc/collections/schools/items?level=thcs&limit=10";
        while (next is not null)
        {
            var (status, page) = await client.GetJsonAsync(next);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(thcs.Count, page.GetProperty("numberMatched").GetInt32());
            ids.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next").Select(l => l.GetProperty("href").GetString()).SingleOrDefault();
        }

        Assert.Equal(thcs, ids.Order());

        var ward = (string)schools[0]["ward_code"]!;
        var expected = schools.Count(s => (string?)s["ward_code"] == ward && (string?)s["level"] == "tieu_hoc");
        var (_, both) = await client.GetJsonAsync($"/ogc/collections/schools/items?ward_code={ward}&level=tieu_hoc");
        Assert.Equal(expected, both.GetProperty("numberMatched").GetInt32());
        var pupils = (long)schools[0]["pupils"]!;
        var (_, byNumber) = await client.GetJsonAsync($"/ogc/collections/schools/items?pupils={pupils}");
        Assert.Equal(schools.Count(s => s["pupils"] is long p && p == pupils), byNumber.GetProperty("numberMatched").GetInt32());
    }

    [Theory]
    [InlineData("/ogc/collections/schools/items?pupils=many", "pupils")]
    [InlineData("/ogc/collections/schools/items?levle=thcs", "levle")]
    [InlineData("/ogc/collections/parcels/items?area_m2=big", "area_m2")]
    [InlineData("/ogc/collections/wards/items?bbox-crs=EPSG:4326", "bbox-crs")]
    public async Task A_malformed_or_unknown_parameter_is_a_400_naming_it(string url, string parameter)
    {
        var (status, body) = await sample.App.Client().GetJsonAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"'{parameter}'", body.GetProperty("error").GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Contains($"'{parameter}'", body.GetProperty("error").GetProperty("vi").GetString(), StringComparison.Ordinal);
    }
}
