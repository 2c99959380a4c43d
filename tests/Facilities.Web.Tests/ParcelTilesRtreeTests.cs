using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Facilities.Web.Tiles;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Tests;

/// <summary>
/// Parcel tiles read through the GeoPackage's R-tree are the tiles cut from the in-memory index: byte for byte, at
/// every zoom served, on tiles straddling ward edges; the same first zoom; and the new parcels after the file is rewritten.
/// </summary>
public sealed class ParcelTilesRtreeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Tiles_read_through_the_rtree_are_byte_for_byte_the_in_memory_tiles_across_ward_edges_at_zooms_14_to_18()
    {
        var path = Generate("city.gpkg", seed: 7);
        var dataset = new DatasetService(path, null);
        var byBox = new ParcelTiles(dataset);
        var inMemory = new ParcelTiles(dataset, inMemory: true);
        Assert.True(byBox.ReadsByBox);
        Assert.False(inMemory.ReadsByBox);

        var compared = 0;
        var straddling = 0;
        foreach (var (z, x, y) in WardEdgeTiles(path))
        {
            var expected = inMemory.Tile(z, x, y);
            Assert.Equal(expected, byBox.Tile(z, x, y));
            compared += expected is null ? 0 : 1;
            straddling += expected is not null && WardsMet(path, z, x, y) > 1 ? 1 : 0;
        }

        // Tiles with parcels were compared, many of them holding parcels of two wards or more.
        Assert.True(compared >= 50, $"{compared} tiles with parcels");
        Assert.True(straddling >= 25, $"{straddling} tiles across a ward edge");
    }

    [Fact]
    public void Tiles_asked_for_at_once_from_eight_threads_are_the_tiles_asked_for_one_by_one()
    {
        var path = Generate("city.gpkg", seed: 7);
        var dataset = new DatasetService(path, null);
        var tiles = new ParcelTiles(dataset);
        var addresses = WardEdgeTiles(path);
        var inMemory = new ParcelTiles(dataset, inMemory: true);
        var expected = addresses.Select(a => inMemory.Tile(a.Z, a.X, a.Y)).ToList();
        var got = new byte[]?[addresses.Count];
        Parallel.For(0, addresses.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (z, x, y) = addresses[i % addresses.Count];
            got[i % addresses.Count] = tiles.Tile(z, x, y);
        });

        Assert.Equal(expected, got);
    }

    [Fact]
    public void A_parcels_layer_stored_in_vn2000_gives_the_same_tiles_through_its_rtree_as_from_memory()
    {
        var source = Generate("city.gpkg", seed: 7);
        var vn2000 = Facilities.Core.Spatial.CrsRegistry.Get(Facilities.Core.Spatial.CrsRegistry.Tm3SridForCentralMeridian(105.75)!.Value);
        var parcels = GeoPackageDataset.ReadLayer(source, "parcels")!;
        foreach (var f in parcels.Features)
        {
            f.Geometry = Facilities.Core.Spatial.Reprojector.Transform(f.Geometry!, parcels.Crs ?? Facilities.Core.Spatial.CrsRegistry.Get(4326), vn2000);
        }

        parcels.Crs = vn2000;
        var path = _dir.File("vn2000.gpkg");
        GeoPackageDataset.ReplaceLayers(path, [parcels], new Dictionary<string, string>(), fresh: true);

        var dataset = new DatasetService(path, null);
        var byBox = new ParcelTiles(dataset);
        var inMemory = new ParcelTiles(dataset, inMemory: true);
        Assert.True(byBox.ReadsByBox);
        var compared = 0;
        foreach (var (z, x, y) in WardEdgeTiles(source))
        {
            var expected = inMemory.Tile(z, x, y);
            Assert.Equal(expected, byBox.Tile(z, x, y));
            compared += expected is null ? 0 : 1;
        }

        Assert.True(compared >= 50, $"{compared} tiles with parcels");
    }

    [Fact]
    public void The_densest_tile_of_every_zoom_counted_from_the_rtree_leaves_is_the_in_memory_count()
    {
        var path = Generate("city.gpkg", seed: 7);
        using var boxes = ParcelBoxes.Open(path, out var reason);
        Assert.NotNull(boxes);
        Assert.Equal("", reason);
        var index = ParcelIndex.Load(path, hasParcels: true);
        for (var z = 0; z <= ParcelIndex.DensityZoom; z++)
        {
            Assert.Equal(index.DensestTile(z), boxes.DensestTile(z));
        }

        // Every parcel is in the zoom-0 tile.
        Assert.Equal(index.Count, boxes.DensestTile(0));
    }

    [Fact]
    public void Without_an_rtree_the_tiles_come_from_memory_the_same_and_a_line_says_so()
    {
        var path = Generate("foreign.gpkg", seed: 7);
        using (var c = new SqliteConnection($"Data Source={path}"))
        {
            c.Open();
            using var tx = c.BeginTransaction();
            GeoPackageRtree.Drop(c, tx, "parcels", "geom");
            tx.Commit();
        }

        SqliteConnection.ClearAllPools();
        var dataset = new DatasetService(path, null);
        var said = new List<string>();
        var tiles = new ParcelTiles(dataset) { Log = said.Add };
        Assert.False(tiles.ReadsByBox);
        var line = Assert.Single(said);
        Assert.Contains("rtree_parcels_geom", line, StringComparison.Ordinal);
        Assert.Contains("in-memory index", line, StringComparison.Ordinal);

        var reference = new ParcelTiles(new DatasetService(Generate("city.gpkg", seed: 7), null));
        Assert.True(reference.ReadsByBox);
        foreach (var (z, x, y) in WardEdgeTiles(path).Take(40))
        {
            Assert.Equal(reference.Tile(z, x, y), tiles.Tile(z, x, y));
        }

        Assert.Equal(reference.MinZoom, tiles.MinZoom);
    }

    [Fact]
    public void After_the_file_is_rewritten_the_server_tiles_the_new_parcels()
    {
        var path = Generate("city.gpkg", seed: 7);
        var dataset = new DatasetService(path, null);
        var tiles = new ParcelTiles(dataset);
        var (z, x, y) = WardEdgeTiles(path).First(t => tiles.Tile(t.Z, t.X, t.Y) is not null);
        var before = tiles.Tile(z, x, y);

        CliRun.Ok("generate", "--out", path, "--parcels", "3000", "--wards", "4", "--seed", "8");
        dataset.Refresh();

        Assert.Equal(1, dataset.Reloads);
        Assert.True(tiles.ReadsByBox);
        var after = tiles.Tile(z, x, y);
        Assert.NotEqual(before, after);
        Assert.Equal(new ParcelTiles(dataset, inMemory: true).Tile(z, x, y), after);
    }

    private string Generate(string name, int seed)
    {
        var path = _dir.File(name);
        if (!File.Exists(path))
        {
            CliRun.Ok("generate", "--out", path, "--parcels", "3000", "--wards", "4", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return path;
    }

    /// <summary>Tiles at zooms 14–18 holding a point of a ward's boundary (points every ~0.002°, about 200 m; deduplicated).</summary>
    private static List<(int Z, int X, int Y)> WardEdgeTiles(string path)
    {
        var tiles = new List<(int Z, int X, int Y)>();
        foreach (var ward in GeoPackageDataset.ReadLayer(path, "wards")!.Features)
        {
            var vertices = NetTopologySuite.Densify.Densifier.Densify(ward.Geometry!.Boundary, 0.002).Coordinates;
            for (var i = 0; i < vertices.Length; i++)
            {
                foreach (var z in new[] { 14, 15, 16, 17, 18 })
                {
                    var tile = (z, ParcelIndex.TileX(vertices[i].X, z), ParcelIndex.TileY(vertices[i].Y, z));
                    if (!tiles.Contains(tile))
                    {
                        tiles.Add(tile);
                    }
                }
            }
        }

        return tiles;
    }

    private static int WardsMet(string path, int z, int x, int y)
    {
        var tile = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z);
        var box = new GeometryFactory().ToGeometry(new Envelope(tile.Left, tile.Right, tile.Bottom, tile.Top));
        return GeoPackageDataset.ReadLayer(path, "wards")!.Features.Count(w => w.Geometry!.Intersects(box));
    }
}
