using System.Net;
using Facilities.Core.Catchment;
using Facilities.Core.Norms;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>/api/meta, /api/layers and the static client.</summary>
public sealed class LayerEndpointTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    [Fact]
    public async Task Meta_names_the_dataset_its_hash_the_levels_and_the_years()
    {
        var (status, meta) = await sample.App.Client().GetJsonAsync("/api/meta");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sample-city.gpkg", meta.GetProperty("dataset").GetString());
        Assert.Equal(GeoPackageDataset.ContentHash(SharedData.SampleCity), meta.GetProperty("datasetSha256").GetString());
        Assert.Equal(["mam_non", "tieu_hoc", "thcs", "thpt"], meta.GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(2025, meta.GetProperty("years")[0].GetInt32());
        Assert.Equal(14, meta.GetProperty("parcelTiles").GetProperty("minZoom").GetInt32());
        var bbox = meta.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.True(bbox[0] is > 102 and < 110 && bbox[1] is > 8 and < 24 && bbox[0] < bbox[2] && bbox[1] < bbox[3]);
    }

    [Fact]
    public async Task A_request_naming_a_host_other_than_loopback_is_refused()
    {
        // A page elsewhere reaching the app through a DNS name rebound to 127.0.0.1 sends that name as Host.
        using var client = sample.App.Client();
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/meta");
        foreign.Headers.Host = "attacker.example";
        using var refused = await client.SendAsync(foreign, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var local = new HttpRequestMessage(HttpMethod.Get, "/api/meta");
        local.Headers.Host = "localhost";
        using var served = await client.SendAsync(local, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_layer_carries_every_field_of_the_dataset_under_its_own_name()
    {
        var (status, wards) = await sample.App.Client().GetJsonAsync("/api/layers/wards");
        Assert.Equal(HttpStatusCode.OK, status);
        var stored = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "wards")!.Features;
        var features = wards.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(stored.Count, features.Count);
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal((string)stored[i]["code"]!, features[i].GetProperty("id").GetString());
            Assert.Equal((string)stored[i]["name"]!, features[i].GetProperty("properties").GetProperty("name").GetString());
            Assert.Equal((long)stored[i]["population"]!, features[i].GetProperty("properties").GetProperty("population").GetInt64());
        }
    }

    [Fact]
    public async Task A_school_has_its_seats_and_load_from_classrooms_room_ratio_and_class_cap()
    {
        var (_, schools) = await sample.App.Client().GetJsonAsync("/api/layers/schools");
        var thcs = schools.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .First(p => p.GetProperty("level").GetString() == "thcs" && p.GetProperty("pupils").ValueKind == System.Text.Json.JsonValueKind.Number);
        var rooms = thcs.GetProperty("classrooms").GetInt64();
        // Lower secondary: 0.6 rooms per class, 45 pupils per class → rooms / 0.6 × 45 seats.
        var seats = rooms / 0.6 * 45;
        Assert.Equal(Math.Round(seats, 2), thcs.GetProperty("capacity").GetDouble(), 6);
        Assert.Equal(Math.Round(thcs.GetProperty("pupils").GetInt64() / seats, 4), thcs.GetProperty("load_ratio").GetDouble(), 6);
    }

    [Fact]
    public async Task Every_school_serves_the_seats_and_load_core_computes()
    {
        var stored = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "schools")!.Features;
        var (_, schools) = await sample.App.Client().GetJsonAsync("/api/layers/schools");
        var served = schools.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();

        Assert.Equal(stored.Count, served.Count);
        for (var i = 0; i < stored.Count; i++)
        {
            var seats = SchoolCapacity.Of((string)stored[i]["level"]!, stored[i]["classrooms"] as long?, NormsSet.BuiltIn);
            var load = SchoolCapacity.LoadRatio(stored[i]["pupils"] as long?, seats);
            Assert.Equal(seats is double s ? Math.Round(s, 2) : null, Number(served[i].GetProperty("capacity")));
            Assert.Equal(load is double l ? Math.Round(l, 4) : null, Number(served[i].GetProperty("load_ratio")));
        }

        Assert.Contains(served, p => p.GetProperty("load_ratio").ValueKind == System.Text.Json.JsonValueKind.Number);
    }

    [Fact]
    public async Task An_unknown_layer_is_404_and_the_root_serves_the_client_page()
    {
        var client = sample.App.Client();
        var (status, body) = await client.GetJsonAsync("/api/layers/roads");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("roads", body.GetProperty("error").GetProperty("en").GetString(), StringComparison.Ordinal);
        using var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
    }

    private static double? Number(System.Text.Json.JsonElement v) => v.ValueKind == System.Text.Json.JsonValueKind.Null ? null : v.GetDouble();
}
