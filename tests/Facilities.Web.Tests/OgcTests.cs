using System.Net;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Tests;

/// <summary>OGC API – Features as GDAL's OAPIF driver sees it (the way QGIS adds the layers), and its paging.</summary>
public sealed class OgcTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    [Fact]
    public void Ogrinfo_lists_the_five_layers_of_the_running_app()
    {
        var info = ReferenceTools.Run("ogrinfo", $"-ro OAPIF:{sample.App.Address}/ogc");
        foreach (var layer in new[] { "wards", "schools", "urban_areas", "industrial_zones", "parcels" })
        {
            Assert.Contains($": {layer} ", info, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ogrinfo_reads_every_ward_with_its_vietnamese_name()
    {
        var info = ReferenceTools.Run("ogrinfo", $"-ro -al -q OAPIF:{sample.App.Address}/ogc wards");
        var wards = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "wards")!.Features;
        Assert.Equal(wards.Count, info.Split('\n').Count(l => l.StartsWith("OGRFeature(wards):", StringComparison.Ordinal)));
        foreach (var w in wards)
        {
            Assert.Contains($"name (String) = {w["name"]}", info, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ogrinfo_pages_through_all_3000_parcels()
    {
        var info = ReferenceTools.Run("ogrinfo", $"-ro -al -q OAPIF:{sample.App.Address}/ogc parcels");
        Assert.Equal(3000, info.Split('\n').Count(l => l.StartsWith("OGRFeature(parcels):", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Items_filter_by_bbox_and_link_the_next_page()
    {
        var parcels = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "parcels")!.Features;
        var c = parcels[0].Geometry!.Centroid;
        var box = new Envelope(c.X - 0.005, c.X + 0.005, c.Y - 0.005, c.Y + 0.005);
        var inside = parcels.Count(p => p.Geometry!.EnvelopeInternal.Intersects(box));
        var bbox = string.Join(',', new[] { box.MinX, box.MinY, box.MaxX, box.MaxY }.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var client = sample.App.Client();

        var (status, page) = await client.GetJsonAsync($"/ogc/collections/parcels/items?limit=7&bbox={bbox}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(inside > 7);
        Assert.Equal(inside, page.GetProperty("numberMatched").GetInt32());
        Assert.Equal(7, page.GetProperty("numberReturned").GetInt32());
        var next = page.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next").GetProperty("href").GetString()!;
        Assert.Contains("offset=7", next, StringComparison.Ordinal);

        var (_, last) = await client.GetJsonAsync($"/ogc/collections/parcels/items?limit=7&offset={inside - 2}&bbox={bbox}");
        Assert.Equal(2, last.GetProperty("numberReturned").GetInt32());
        Assert.DoesNotContain(last.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "next");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetJsonAsync("/ogc/collections/parcels/items?bbox=1,2,3")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetJsonAsync("/ogc/collections/parcels/items?bbox=NaN,NaN,NaN,NaN")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetJsonAsync("/ogc/collections/roads/items")).Status);

        var id = (string)parcels[0]["id"]!;
        var (one, feature) = await client.GetJsonAsync($"/ogc/collections/parcels/items/{id}");
        Assert.Equal(HttpStatusCode.OK, one);
        Assert.Equal(id, feature.GetProperty("id").GetString());
    }
}
