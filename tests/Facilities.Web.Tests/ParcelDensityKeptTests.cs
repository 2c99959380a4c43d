using Facilities.Storage.Sqlite.Datasets;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Facilities.Web.Tiles;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Web.Tests;

/// <summary>
/// The parcel count of the densest tile at each zoom (what decides the first zoom the map draws parcels at) is kept in
/// the GeoPackage after it is first counted, read back on the next start, and counted again after any edit of the
/// parcels from another tool; the file stays a valid GeoPackage that QGIS opens.
/// </summary>
public sealed class ParcelDensityKeptTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_counts_are_kept_in_the_file_and_read_back_on_the_next_start_without_counting()
    {
        var path = Generate("city.gpkg", parcels: 3000, seed: 7);
        var index = ParcelIndex.Load(path, hasParcels: true);

        var first = Densest(path, out var counted);
        Assert.True(counted);
        Assert.Equal(Expected(index), first);
        Assert.Equal(1L, Scalar<long>(path, "SELECT COUNT(*) FROM facilities_derived WHERE name = 'tile_density:parcels'"));

        var second = Densest(path, out counted);
        Assert.False(counted);
        Assert.Equal(first, second);
        Assert.Equal(3000, second[0]);
    }

    [Fact]
    public void Keeping_the_counts_and_the_hash_while_serving_does_not_make_the_server_reload_the_dataset_but_an_edit_does()
    {
        var path = Generate("city.gpkg", parcels: 3000, seed: 7);
        Sql(path, "DELETE FROM facilities_derived");
        Sql(path, "UPDATE facilities_state SET content_hash = NULL");
        var dataset = new DatasetService(path, null);
        var tiles = new ParcelTiles(dataset);

        // Counted and kept, then hashed and kept: two writes of our own into the file, neither a change of its data.
        Assert.Equal(14, tiles.MinZoom);
        Assert.Equal(1L, Scalar<long>(path, "SELECT COUNT(*) FROM facilities_derived"));
        _ = dataset.Sha256;
        Assert.IsType<string>(Scalar<object>(path, "SELECT content_hash FROM facilities_state"));
        dataset.Refresh();
        Assert.Equal(0, dataset.Reloads);

        Sql(path, "UPDATE parcels SET area_m2 = area_m2 + 1 WHERE fid = 3");
        dataset.Refresh();
        Assert.Equal(1, dataset.Reloads);
    }

    [Fact]
    public void A_parcel_inserted_far_away_through_plain_sqlite_is_counted_on_the_next_start()
    {
        var path = Generate("city.gpkg", parcels: 3000, seed: 7);
        var before = Densest(path, out _);

        // A 50 m square off Côn Đảo, hundreds of kilometres from the city: a tile of its own at every zoom but 0.
        var far = new GeometryFactory(new PrecisionModel(), 4326).CreatePolygon(
            [new(106.6, 8.7), new(106.6005, 8.7), new(106.6005, 8.7005), new(106.6, 8.7005), new(106.6, 8.7)]);
        var blob = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY }.Write(far);
        Sql(path, "INSERT INTO parcels (geom, id, land_use, area_m2) VALUES ($g, 'far-1', 'DGD', 2500)", ("$g", blob));

        var after = Densest(path, out var counted);
        Assert.True(counted);
        Assert.Equal(Expected(ParcelIndex.Load(path, hasParcels: true)), after);
        Assert.Equal(3001, after[0]);
        Assert.Equal(before[0] + 1, after[0]);
        _ = Densest(path, out counted);
        Assert.False(counted);
    }

    [Fact]
    public void A_parcels_layer_overwritten_by_ogr2ogr_is_counted_again()
    {
        ReferenceTools.Require("ogr2ogr");
        var path = Generate("city.gpkg", parcels: 3000, seed: 7);
        var other = Generate("other.gpkg", parcels: 1200, seed: 9);
        _ = Densest(path, out _);

        ReferenceTools.Run("ogr2ogr", $"-update -overwrite \"{path}\" \"{other}\" parcels");

        // GDAL rebuilt the R-tree with its triggers, so the layer is still read by box; the counter's triggers on
        // parcels are gone with the old table, so the kept counts are not trusted: counted again.
        var after = Densest(path, out var counted);
        Assert.True(counted);
        Assert.Equal(1200, after[0]);
        Assert.Equal(Expected(ParcelIndex.Load(path, hasParcels: true)), after);
        // Once the content hash put the counter's triggers back, the counts are kept again and then read back.
        _ = new GeoPackageStore(path).ContentHash();
        _ = Densest(path, out counted);
        Assert.True(counted);
        Assert.Equal(after, Densest(path, out counted));
        Assert.False(counted);
    }

    [Fact]
    public void A_file_without_the_table_gets_it_and_its_kept_content_hash_stays_kept()
    {
        var path = Generate("city.gpkg", parcels: 3000, seed: 7);
        Sql(path, "DROP TABLE facilities_derived");
        var store = new GeoPackageStore(path);
        var hash = store.ContentHash();

        _ = Densest(path, out var counted);

        Assert.True(counted);
        Assert.Equal(1L, Scalar<long>(path, "SELECT COUNT(*) FROM facilities_derived"));
        // Creating the table moved the schema cookie; the hash, kept under the new one, is read without hashing.
        var cookie = Scalar<long>(path, "PRAGMA schema_version");
        Assert.Equal($"hash v{Facilities.Core.Datasets.ContentHasher.Version}; schema {cookie}", Scalar<string>(path, "SELECT hash_key FROM facilities_state"));
        Assert.Equal(hash, Scalar<string>(path, "SELECT content_hash FROM facilities_state"));
        Assert.Equal(Scalar<long>(path, "SELECT changes FROM facilities_state"), Scalar<long>(path, "SELECT hashed_at FROM facilities_state"));
        Assert.Equal(hash, store.ContentHash());
    }

    [Fact]
    public void A_file_carrying_the_kept_counts_passes_gdals_validator_and_opens_in_qgis()
    {
        var path = Generate("city.gpkg", parcels: 3000, seed: 7);
        _ = Densest(path, out _);
        Assert.Equal(1L, Scalar<long>(path, "SELECT COUNT(*) FROM facilities_derived"));

        GeoPackageValidator.AssertValid(path);
        var opened = QgisScript.Run(QgisScript.In("Facilities.Web.Tests", "open_layer.py"), path, "parcels");
        Assert.True(opened.GetProperty("valid").GetBoolean());
        Assert.Equal(3000, opened.GetProperty("count").GetInt32());
        // QGIS lists the table of kept values among the file's tables, as it lists facilities_state: a plain table.
        var listed = opened.GetProperty("layers").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains("parcels", listed);
        Assert.Contains("facilities_state", listed);
    }

    private static int[] Densest(string path, out bool counted)
    {
        using var boxes = ParcelBoxes.Open(path, out var reason) ?? throw new InvalidOperationException(reason);
        var densest = Enumerable.Range(0, ParcelIndex.DensityZoom + 1).Select(boxes.DensestTile).ToArray();
        counted = boxes.Counted;
        return densest;
    }

    private static int[] Expected(ParcelIndex index) => [.. Enumerable.Range(0, ParcelIndex.DensityZoom + 1).Select(index.DensestTile)];

    private string Generate(string name, int parcels, int seed)
    {
        var path = _dir.File(name);
        CliRun.Ok("generate", "--out", path, "--parcels", parcels.ToString(System.Globalization.CultureInfo.InvariantCulture), "--wards", "4",
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path;
    }

    // Plain SQLite, with only the R-tree triggers' functions that every GeoPackage editor (GDAL, QGIS) provides.
    private static void Sql(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        GeoPackageSqlFunctions.Register(c);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }

    private static T Scalar<T>(string path, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (T)cmd.ExecuteScalar()!;
    }
}
