using System.Globalization;
using System.Net;
using System.Text.Json;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>
/// OGC API – Features Part 2 (CRS by reference): answers in VN-2000 and UTM checked against GDAL's own
/// reprojection of the stored layer (ogr2ogr, PROJ), EPSG:4326 in its latitude-first axis order, bbox-crs, and the
/// 400 for a CRS the app does not serve.
/// </summary>
public sealed class OgcCrsTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    private static readonly string[] Uris =
    [
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        "http://www.opengis.net/def/crs/EPSG/0/4326",
        "http://www.opengis.net/def/crs/EPSG/0/9210",
        "http://www.opengis.net/def/crs/EPSG/0/9209",
        "http://www.opengis.net/def/crs/EPSG/0/3405",
        "http://www.opengis.net/def/crs/EPSG/0/3406",
    ];

    [Theory]
    [InlineData(9210)]
    [InlineData(9209)]
    [InlineData(3405)]
    [InlineData(3406)]
    public async Task Schools_asked_in_a_vn2000_crs_sit_where_gdal_puts_them(int epsg)
    {
        var reference = GdalSchools(epsg);
        var uri = $"http://www.opengis.net/def/crs/EPSG/0/{epsg}";
        using var response = await sample.App.Client().GetAsync($"/ogc/collections/schools/items?limit=1000&crs={Uri.EscapeDataString(uri)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"<{uri}>", response.Headers.GetValues("Content-Crs").Single());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var features = body.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(reference.Count, features.Count);
        foreach (var f in features)
        {
            var (e, n) = Point(f);
            var (re, rn) = reference[f.GetProperty("id").GetString()!];
            Assert.True(Math.Abs(e - re) < 0.01 && Math.Abs(n - rn) < 0.01, $"{f.GetProperty("id")}: app {e:F3} {n:F3}, GDAL {re:F3} {rn:F3}");
        }
    }

    [Fact]
    public async Task Epsg_4326_answers_latitude_first_and_crs84_longitude_first()
    {
        var client = sample.App.Client();
        var (_, crs84) = await client.GetJsonAsync("/ogc/collections/schools/items?limit=20");
        using var response = await client.GetAsync("/ogc/collections/schools/items?limit=20&crs=EPSG:4326", TestContext.Current.CancellationToken);
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4326>", response.Headers.GetValues("Content-Crs").Single());
        var latLon = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var stored = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "schools")!.Features;
        for (var i = 0; i < 20; i++)
        {
            var (lon, lat) = Point(crs84.GetProperty("features")[i]);
            Assert.Equal((stored[i].Geometry!.Coordinate.X, stored[i].Geometry!.Coordinate.Y), (lon, lat));
            Assert.Equal((lat, lon), Point(latLon.GetProperty("features")[i]));
        }

        using var plain = await client.GetAsync("/ogc/collections/schools/items?limit=1", TestContext.Current.CancellationToken);
        Assert.Equal("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", plain.Headers.GetValues("Content-Crs").Single());
    }

    [Fact]
    public async Task A_bbox_in_epsg_4326_lat_lon_selects_the_same_parcels_as_the_crs84_one()
    {
        var parcels = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "parcels")!.Features;
        var c = parcels[0].Geometry!.Centroid;
        var (w, s, e, n) = (c.X - 0.004, c.Y - 0.004, c.X + 0.004, c.Y + 0.004);
        var expected = parcels.Where(p => p.Geometry!.EnvelopeInternal.Intersects(new NetTopologySuite.Geometries.Envelope(w, e, s, n))).Select(p => (string)p["id"]!).Order().ToList();
        Assert.True(expected.Count > 5);
        var client = sample.App.Client();

        var (_, lonLat) = await client.GetJsonAsync($"/ogc/collections/parcels/items?limit=1000&bbox={F(w)},{F(s)},{F(e)},{F(n)}");
        var (_, latLon) = await client.GetJsonAsync($"/ogc/collections/parcels/items?limit=1000&bbox={F(s)},{F(w)},{F(n)},{F(e)}&bbox-crs=EPSG:4326");
        var (_, crs84) = await client.GetJsonAsync($"/ogc/collections/parcels/items?limit=1000&bbox={F(w)},{F(s)},{F(e)},{F(n)}&bbox-crs={Uri.EscapeDataString(Uris[0])}");
        Assert.Equal(expected, Ids(lonLat));
        Assert.Equal(expected, Ids(latLon));
        Assert.Equal(expected, Ids(crs84));
    }

    [Fact]
    public async Task A_bbox_in_vn2000_metres_selects_the_schools_gdal_puts_inside_it()
    {
        var reference = GdalSchools(9210);
        // Edges half-way between two schools' coordinates, so rounding cannot move a school across one.
        var es = reference.Values.Select(v => v.E).Distinct().Order().ToList();
        var ns = reference.Values.Select(v => v.N).Distinct().Order().ToList();
        double Between(List<double> v, int i) => (v[i] + v[i + 1]) / 2;
        var (minE, maxE, minN, maxN) = (Between(es, es.Count / 4), Between(es, es.Count * 3 / 4), Between(ns, ns.Count / 4), Between(ns, ns.Count * 3 / 4));
        var expected = reference.Where(r => r.Value.E >= minE && r.Value.E <= maxE && r.Value.N >= minN && r.Value.N <= maxN).Select(r => r.Key).Order().ToList();
        Assert.InRange(expected.Count, 10, reference.Count - 10);

        var (status, body) = await sample.App.Client().GetJsonAsync(
            $"/ogc/collections/schools/items?limit=1000&bbox={F(minE)},{F(minN)},{F(maxE)},{F(maxN)}&bbox-crs={Uri.EscapeDataString(Uris[2])}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, Ids(body));
    }

    [Theory]
    [InlineData("crs", "http://www.opengis.net/def/crs/EPSG/0/32648")]
    [InlineData("crs", "EPSG:3857")]
    [InlineData("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/4756")]
    public async Task An_unsupported_crs_is_a_400_listing_the_supported_ones(string parameter, string value)
    {
        var (status, body) = await sample.App.Client().GetJsonAsync($"/ogc/collections/wards/items?bbox=100,10,110,30&{parameter}={Uri.EscapeDataString(value)}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        foreach (var text in new[] { body.GetProperty("error").GetProperty("vi").GetString()!, body.GetProperty("error").GetProperty("en").GetString()! })
        {
            Assert.Contains(value, text, StringComparison.Ordinal);
            Assert.All(Uris, u => Assert.Contains(u, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Collections_list_their_crs_and_one_feature_answers_in_the_asked_crs()
    {
        var client = sample.App.Client();
        var (_, collections) = await client.GetJsonAsync("/ogc/collections");
        foreach (var c in collections.GetProperty("collections").EnumerateArray())
        {
            Assert.Equal(Uris, c.GetProperty("crs").EnumerateArray().Select(u => u.GetString()));
            Assert.Equal(Uris[0], c.GetProperty("storageCrs").GetString());
        }

        var school = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "schools")!.Features[0];
        var id = $"{school["id"]}:{school["level"]}";
        var reference = GdalSchools(9210)[id];
        using var response = await client.GetAsync($"/ogc/collections/schools/items/{Uri.EscapeDataString(id)}?crs=EPSG:9210", TestContext.Current.CancellationToken);
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/9210>", response.Headers.GetValues("Content-Crs").Single());
        var (e, n) = Point(JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement);
        Assert.True(Math.Abs(e - reference.E) < 0.01 && Math.Abs(n - reference.N) < 0.01);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetJsonAsync($"/ogc/collections/schools/items/{Uri.EscapeDataString(id)}?crs=EPSG:2000")).Status);
    }

    /// <summary>The sample's schools reprojected by ogr2ogr (PROJ), by feature id (id:level), easting and northing.</summary>
    private static Dictionary<string, (double E, double N)> GdalSchools(int epsg)
    {
        using var dir = new TempDir();
        var output = dir.File("schools.geojson");
        ReferenceTools.Run("ogr2ogr", $"-f GeoJSON -t_srs EPSG:{epsg} -lco COORDINATE_PRECISION=4 \"{output}\" \"{SharedData.SampleCity}\" schools");
        var doc = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
        return doc.GetProperty("features").EnumerateArray().ToDictionary(
            f => f.GetProperty("properties").GetProperty("id").GetString() + ":" + f.GetProperty("properties").GetProperty("level").GetString(),
            Point);
    }

    private static (double X, double Y) Point(JsonElement feature)
    {
        // The first position of any geometry (a school is a Point or a one-point MultiPoint).
        var c = feature.GetProperty("geometry").GetProperty("coordinates");
        while (c[0].ValueKind == JsonValueKind.Array)
        {
            c = c[0];
        }

        return (c[0].GetDouble(), c[1].GetDouble());
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order()];

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
