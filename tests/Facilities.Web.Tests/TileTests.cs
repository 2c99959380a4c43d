using System.Net;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Facilities.Web.Tests;

/// <summary>Parcel vector tiles: the right parcels in the right place, read back by GDAL's MVT driver and by NTS.</summary>
public sealed class TileTests(SampleCityApp sample) : IClassFixture<SampleCityApp>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_tile_holds_every_parcel_that_meets_it_with_its_id_land_use_and_area_where_it_lies()
    {
        var parcels = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "parcels")!.Features;
        var first = parcels[0];
        var centre = first.Geometry!.Centroid;
        const int z = 16;
        var (x, y) = TileOf(centre.X, centre.Y, z);
        var tile = new VtTile(x, y, z);
        var box = new Envelope(tile.Left, tile.Right, tile.Bottom, tile.Top);
        var expected = parcels.Where(p => p.Geometry!.EnvelopeInternal.Intersects(box)).ToDictionary(p => (string)p["id"]!);

        using var response = await sample.App.Client().GetAsync($"/tiles/parcels/{z}/{x}/{y}.mvt", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        // NTS reads it back: same ids, attributes, and each polygon within a tile unit (~0.15 m at z16) of the parcel.
        var decoded = new MapboxTileReader(new GeometryFactory(new PrecisionModel(), 4326)).Read(new MemoryStream(bytes), tile);
        var layer = Assert.Single(decoded.Layers);
        Assert.Equal("parcels", layer.Name);
        Assert.Equal(expected.Keys.Order(), layer.Features.Select(f => (string)f.Attributes["id"]).Order());
        foreach (var f in layer.Features)
        {
            var source = expected[(string)f.Attributes["id"]];
            Assert.Equal(source["land_use"], f.Attributes["land_use"]);
            Assert.Equal(Math.Round((double)source["area_m2"]!, 1), (double)f.Attributes["area_m2"], 6);
            Assert.True(f.Geometry.Centroid.Distance(source.Geometry!.Centroid) < 1e-5, $"{f.Attributes["id"]} moved");
        }

        // GDAL's MVT driver (an independent decoder) reads the same features from z/x/y.pbf.
        var file = Path.Combine(_dir.Path, z.ToString(System.Globalization.CultureInfo.InvariantCulture), x.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{y}.pbf");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);
        var info = ReferenceTools.Run("ogrinfo", $"-ro -al -q \"{file}\"");
        Assert.Equal(expected.Count, info.Split('\n').Count(l => l.StartsWith("OGRFeature(parcels):", StringComparison.Ordinal)));
        Assert.Contains($"id (String) = {first["id"]}", info, StringComparison.Ordinal);
    }

    [Fact]
    public void The_direct_encoder_and_netTopologySuites_writer_give_the_same_features()
    {
        var dataset = new DatasetService(SharedData.SampleCity, null);
        var direct = new Web.Tiles.ParcelTiles(dataset);
        var nts = new Web.Tiles.ParcelTiles(dataset) { Writer = Web.Tiles.TileWriter.NetTopologySuite };
        var centre = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "parcels")!.Features[10].Geometry!.Centroid;
        foreach (var z in new[] { 14, 15, 17 })
        {
            var (x, y) = TileOf(centre.X, centre.Y, z);
            var tile = new VtTile(x, y, z);
            var reader = new MapboxTileReader(new GeometryFactory(new PrecisionModel(), 4326));
            var a = reader.Read(new MemoryStream(direct.Tile(z, x, y)!), tile).Layers.Single().Features.OrderBy(f => (string)f.Attributes["id"]).ToList();
            var b = reader.Read(new MemoryStream(nts.Tile(z, x, y)!), tile).Layers.Single().Features.OrderBy(f => (string)f.Attributes["id"]).ToList();
            Assert.Equal(b.Select(f => f.Attributes["id"]), a.Select(f => f.Attributes["id"]));
            for (var i = 0; i < a.Count; i++)
            {
                Assert.Equal(b[i].Attributes["land_use"], a[i].Attributes["land_use"]);
                Assert.Equal(b[i].Attributes["area_m2"], a[i].Attributes["area_m2"]);
                // MapboxTileWriter (and the reader) map latitude linearly across a tile; the encoder uses Web Mercator, as the
                // specification does: the two differ by well under a metre at these zooms.
                Assert.True(a[i].Geometry.Centroid.Distance(b[i].Geometry.Centroid) < 1e-5, $"{a[i].Attributes["id"]} at z{z}");
            }
        }
    }

    [Theory]
    [InlineData(13, 0, 0)]      // below the parcels' zoom: never sent
    [InlineData(16, 0, 0)]      // far from the city: no parcel
    public async Task A_tile_without_parcels_or_below_zoom_14_is_204(int z, int x, int y)
    {
        if (z == 13)
        {
            var centre = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "parcels")!.Features[0].Geometry!.Centroid;
            (x, y) = TileOf(centre.X, centre.Y, z);
        }

        using var response = await sample.App.Client().GetAsync($"/tiles/parcels/{z}/{x}/{y}.mvt", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_tile_address_outside_its_zoom_is_404()
    {
        using var response = await sample.App.Client().GetAsync("/tiles/parcels/3/8/0.mvt", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var r = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n);
        return (x, y);
    }
}
