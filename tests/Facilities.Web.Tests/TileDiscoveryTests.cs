using System.Globalization;
using System.Net;
using System.Text.Json;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Facilities.Web.Tests;

/// <summary>
/// Tile discovery and style: the TileJSON leads to real tiles that GDAL and NTS decode, and style.json holds together
/// (version 8, every source exists, every source-layer is one the TileJSON lists) and colours the wards as the app does.
/// </summary>
public sealed class TileDiscoveryTests(SampleCityApp sample) : IClassFixture<SampleCityApp>, IDisposable
{
    private static readonly string[] LayerTypes = ["background", "fill", "line", "symbol", "circle", "raster", "fill-extrusion", "heatmap", "hillshade"];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_TileJSON_template_fetches_a_tile_that_GDAL_and_NTS_decode_with_the_fields_it_lists()
    {
        var parcels = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "parcels")!.Features;
        var extent = new Envelope();
        parcels.ForEach(p => extent.ExpandToInclude(p.Geometry!.EnvelopeInternal));
        var meta = await Get("/api/meta");

        var tileJson = await Get("/tiles/parcels.json");

        Assert.Equal("3.0.0", tileJson.GetProperty("tilejson").GetString());
        Assert.Equal("xyz", tileJson.GetProperty("scheme").GetString());
        var minZoom = meta.GetProperty("parcelTiles").GetProperty("minZoom").GetInt32();
        Assert.Equal((minZoom, meta.GetProperty("parcelTiles").GetProperty("maxZoom").GetInt32()), (tileJson.GetProperty("minzoom").GetInt32(), tileJson.GetProperty("maxzoom").GetInt32()));
        Assert.Equal([extent.MinX, extent.MinY, extent.MaxX, extent.MaxY], tileJson.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()));
        var layer = Assert.Single(tileJson.GetProperty("vector_layers").EnumerateArray());
        Assert.Equal("parcels", layer.GetProperty("id").GetString());
        var fields = layer.GetProperty("fields").EnumerateObject().Select(f => f.Name).Order().ToList();

        // The template, as a client fills it, for the tile of the first parcel's centre at the first zoom served.
        var centre = parcels[0].Geometry!.Centroid;
        var (x, y) = (Web.Tiles.ParcelIndex.TileX(centre.X, minZoom), Web.Tiles.ParcelIndex.TileY(centre.Y, minZoom));
        var url = Assert.Single(tileJson.GetProperty("tiles").EnumerateArray()).GetString()!
            .Replace("{z}", minZoom.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{x}", x.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{y}", y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.StartsWith(sample.App.Address, url, StringComparison.Ordinal);
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(url), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        var tile = new VtTile(x, y, minZoom);
        var decoded = Assert.Single(new MapboxTileReader(new GeometryFactory(new PrecisionModel(), 4326)).Read(new MemoryStream(bytes), tile).Layers);
        Assert.Equal("parcels", decoded.Name);
        Assert.Contains(decoded.Features, f => (string)f.Attributes["id"] == (string)parcels[0]["id"]!);
        Assert.All(decoded.Features, f => Assert.Equal(fields, f.Attributes.GetNames().Order()));
        var box = new Envelope(tile.Left, tile.Right, tile.Bottom, tile.Top);
        Assert.Equal(parcels.Count(p => p.Geometry!.EnvelopeInternal.Intersects(box)), decoded.Features.Count);

        // GDAL's MVT driver, an independent decoder, reads as many parcels with the same fields.
        var file = Path.Combine(_dir.Path, minZoom.ToString(CultureInfo.InvariantCulture), x.ToString(CultureInfo.InvariantCulture), $"{y}.pbf");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);
        var info = ReferenceTools.Run("ogrinfo", $"-ro -al -q \"{file}\"");
        Assert.Equal(decoded.Features.Count, info.Split('\n').Count(l => l.StartsWith("OGRFeature(parcels):", StringComparison.Ordinal)));
        Assert.All(fields, f => Assert.Contains($"  {f} (", info, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/tiles/style.json")]
    [InlineData("/tiles/parcels/style.json")]
    public async Task The_style_is_version_8_and_every_layer_has_its_source_and_a_source_layer_the_TileJSON_lists(string path)
    {
        var style = await Get(path);

        Assert.Equal(8, style.GetProperty("version").GetInt32());
        var sources = style.GetProperty("sources").EnumerateObject().ToDictionary(s => s.Name, s => s.Value);
        var layers = style.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(layers.Count, layers.Select(l => l.GetProperty("id").GetString()).Distinct().Count());
        Assert.Contains(layers, l => l.GetProperty("source").GetString() == "parcels");
        foreach (var l in layers)
        {
            Assert.Contains(l.GetProperty("type").GetString(), LayerTypes);
            var source = sources[l.GetProperty("source").GetString()!];
            if (source.GetProperty("type").GetString() == "vector")
            {
                // A vector source's layers must name their tile layer, and the TileJSON must list it.
                var tileJson = await GetAbsolute(source.GetProperty("url").GetString()!);
                var listed = tileJson.GetProperty("vector_layers").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
                Assert.Contains(l.GetProperty("source-layer").GetString(), listed);
                Assert.True(l.GetProperty("minzoom").GetInt32() >= tileJson.GetProperty("minzoom").GetInt32());
            }
            else
            {
                Assert.Equal("geojson", source.GetProperty("type").GetString());
                Assert.False(l.TryGetProperty("source-layer", out _), $"{l.GetProperty("id")} has a source-layer on a GeoJSON source");
            }
        }

        // Every GeoJSON source is an answer of the app (a FeatureCollection), never a broken link.
        foreach (var (name, source) in sources.Where(s => s.Value.GetProperty("type").GetString() == "geojson"))
        {
            var data = await GetAbsolute(source.GetProperty("data").GetString()!);
            Assert.True(data.GetProperty("type").GetString() == "FeatureCollection", name);
            Assert.NotEqual(0, data.GetProperty("features").GetArrayLength());
        }
    }

    [Theory]
    [InlineData("thcs", 2030)]
    [InlineData("mam_non", 2025)]
    public async Task The_styles_ward_colour_of_every_ward_is_the_apps_colour_for_the_same_deficit_answer(string level, int year)
    {
        var style = await Get($"/tiles/style.json?level={level}&year={year}");
        var wardsUrl = style.GetProperty("sources").GetProperty("wards").GetProperty("data").GetString()!;
        Assert.Contains($"level={level}&year={year}", wardsUrl, StringComparison.Ordinal);
        var wards = (await GetAbsolute(wardsUrl)).GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var fill = style.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "wards-fill").GetProperty("paint").GetProperty("fill-color");

        var app = ClientRamp.Run(new { wards, field = "deficit_rooms" }).GetProperty("wardColours").EnumerateArray().Select(c => c.GetString()).ToList();

        Assert.Equal(app, wards.Select(p => Evaluate(fill, p).GetString()));
        Assert.True(app.Distinct().Count() > 2, "the answer should need more than two colours to prove anything");
    }

    private async Task<JsonElement> Get(string path)
    {
        using var response = await sample.App.Client().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private async Task<JsonElement> GetAbsolute(string url)
    {
        Assert.StartsWith(sample.App.Address, url, StringComparison.Ordinal);
        return await Get(url[sample.App.Address.TrimEnd('/').Length..]);
    }

    /// <summary>The few GL expression operators the style's colours use (case, ==, !=, &lt;, &lt;=, typeof, get), as the style specification defines them.</summary>
    private static JsonElement Evaluate(JsonElement e, JsonElement properties)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            return e;
        }

        var a = e.EnumerateArray().ToList();
        JsonElement Arg(int i) => Evaluate(a[i], properties);
        static JsonElement Json(object? v) => JsonSerializer.SerializeToElement(v);
        switch (a[0].GetString())
        {
            case "get":
                return properties.TryGetProperty(a[1].GetString()!, out var v) ? v : Json(null);
            case "typeof":
                return Json(Arg(1).ValueKind switch { JsonValueKind.Number => "number", JsonValueKind.String => "string", JsonValueKind.Null => "null", _ => "other" });
            case "==" or "!=":
                var equal = Arg(1).ToString() == Arg(2).ToString() && Arg(1).ValueKind == Arg(2).ValueKind;
                return Json(a[0].GetString() == "==" ? equal : !equal);
            case "<" or "<=":
                var (l, r) = (Arg(1).GetDouble(), Arg(2).GetDouble());
                return Json(a[0].GetString() == "<" ? l < r : l <= r);
            case "case":
                for (var i = 1; i + 1 < a.Count; i += 2)
                {
                    if (Arg(i).GetBoolean())
                    {
                        return Arg(i + 1);
                    }
                }

                return Arg(a.Count - 1);
            default:
                throw new InvalidOperationException($"operator {a[0]} not evaluated by this test");
        }
    }
}
