using System.Globalization;
using System.Text.Json;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using NetTopologySuite.Geometries;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Facilities.Web.Tests;

/// <summary>
/// The parcel tiles as QGIS's "Vector Tiles" connection opens them with the app's style URL (python3-qgis headless):
/// the layer is valid, QGIS converts the GL style's parcel layers, and fetches, decodes and draws a real tile. Skips when
/// python3-qgis is absent, fails under FACILITIES_REQUIRE_TOOLS=1.
/// </summary>
public sealed class TileDiscoveryQgisTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    [Fact]
    public async Task Qgis_opens_the_parcel_tiles_with_the_style_url_and_draws_a_tile_of_parcels()
    {
        using var doc = JsonDocument.Parse(await sample.App.Client().GetStringAsync("/tiles/parcels.json", TestContext.Current.CancellationToken));
        var tileJson = doc.RootElement;
        var template = tileJson.GetProperty("tiles")[0].GetString()!;
        var (zmin, zmax) = (tileJson.GetProperty("minzoom").GetInt32(), tileJson.GetProperty("maxzoom").GetInt32());
        var parcels = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "parcels")!.Features;
        var centre = parcels[0].Geometry!.Centroid;
        var (x, y) = (Web.Tiles.ParcelIndex.TileX(centre.X, zmin), Web.Tiles.ParcelIndex.TileY(centre.Y, zmin));
        var tile = new VtTile(x, y, zmin);
        var box = new Envelope(tile.Left, tile.Right, tile.Bottom, tile.Top);
        var expected = parcels.Where(p => p.Geometry!.EnvelopeInternal.Intersects(box)).Select(p => (string)p["id"]!).Order(StringComparer.Ordinal).ToList();

        var result = Run(template, zmin, zmax, sample.App.Address.TrimEnd('/') + "/tiles/parcels/style.json", zmin, x, y);

        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        Assert.True(result.GetProperty("style_loaded").GetBoolean(), result.GetProperty("style_message").GetString());
        // QGIS keeps the styles of vector-tile layers only: the parcels' fill and line, on the "parcels" tile layer.
        var styles = result.GetProperty("styles").EnumerateArray().ToList();
        Assert.Equal(["parcels-fill", "parcels-line"], styles.Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(styles, s => Assert.Equal("parcels", s.GetProperty("layer").GetString()));
        // QGIS fetched the tile through the template, decoded it and drew its parcels (a z14 tile holds hundreds).
        Assert.NotEmpty(expected);
        Assert.True(result.GetProperty("drawn_pixels").GetInt32() > 1000, result.ToString());
    }

    private static JsonElement Run(string template, int zmin, int zmax, string styleUrl, int z, int x, int y) =>
        QgisScript.Run(
            QgisScript.In("Facilities.Web.Tests", "vector_tiles_check.py"),
            [.. new object[] { template, zmin, zmax, styleUrl, z, x, y }.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)!)]);
}
