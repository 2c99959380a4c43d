using Facilities.Core.Generation;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Storage.Sqlite;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

namespace Facilities.IO.Tests;

/// <summary>
/// The parcels layer's attribute indexes (issue 15): written at import, created on the first screening of a
/// GeoPackage made elsewhere, and the screening the same with or without them, before and after an edit made with
/// plain SQL (as QGIS or the sqlite3 shell would).
/// </summary>
public sealed class ParcelAttributeIndexTests : IDisposable
{
    private static readonly string[] IndexNames = ["facilities_parcels_area", "facilities_parcels_land_use", "facilities_parcels_planned_land_use"];
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AnImportWritesTheIndexesAndTheFileStaysAValidGeoPackage()
    {
        var path = Dataset();

        Assert.Equal(IndexNames, Indexes(path));
        GeoPackageValidator.AssertValid(path);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFileWrittenByOgr2ogrScreensTheSameWithoutAndWithTheIndexesWhichItsFirstScreeningCreates(bool merge)
    {
        var ours = Dataset();
        var copy = _dir.File("ogr.gpkg");
        ReferenceTools.Run("ogr2ogr", $"-f GPKG \"{copy}\" \"{ours}\"");
        Assert.Empty(Indexes(copy));
        var options = new ScreeningOptions("tieu_hoc", 2030) { Top = 0, MergeAdjacent = merge };
        var (reference, firsts, count) = EveryTestOnEveryParcel(copy, options);

        // Another writer holds the file: the screening cannot add the indexes and reads without them.
        ScreeningResult without;
        using (var writer = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            writer.Open();
            using var tx = writer.BeginTransaction(deferred: false);
            using (var touch = writer.CreateCommand())
            {
                touch.Transaction = tx;
                touch.CommandText = "CREATE TABLE held (x INTEGER)";
                touch.ExecuteNonQuery();
            }

            without = Screen(copy, options);
            Assert.Empty(Indexes(copy));
        }

        var with = Screen(copy, options);

        Assert.Equal(IndexNames, Indexes(copy));
        foreach (var result in new[] { without, with })
        {
            Assert.Equal(HardConstraintCodes.All.Select(c => firsts.GetValueOrDefault(c)), HardConstraintCodes.All.Select(c => result.RejectedBy[c]));
            Assert.Equal(count - firsts.Values.Sum(), result.ParcelsPassed);
            AssertSame(reference, result);
        }

        GeoPackageValidator.AssertValid(copy);
    }

    [Fact]
    public void ASmallFileMadeElsewhereIsLeftAsItIs()
    {
        // 4,000 parcels, below the 50,000 rows from which a first screening adds the indexes: read by a scan, unchanged.
        var copy = _dir.File("ogr-small.gpkg");
        ReferenceTools.Run("ogr2ogr", $"-f GPKG \"{copy}\" \"{Dataset()}\"");
        var before = File.ReadAllBytes(copy);
        var city = DatasetLoader.LoadCity(copy, NormsSet.BuiltIn);
        var screener = new ParcelScreener(city, NormsSet.BuiltIn, new ScreeningOptions("tieu_hoc", 2030) { Top = 0 });
        var filter = screener.CreateAttributeFilter();

        var result = screener.Screen(DatasetLoader.StreamParcels(copy, city.MetricCrs, filter), filter);

        Assert.Equal(4000, result.ParcelsScreened);
        Assert.Empty(Indexes(copy));
        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Fact]
    public void CreatingTheIndexesKeepsTheContentHashTheFileKeeps()
    {
        var path = Dataset();
        Execute(path, string.Join(";", IndexNames.Select(n => $"DROP INDEX {n}")));
        var hash = GeoPackageDataset.ContentHash(path); // computed and kept in facilities_state
        var kept = State(path);

        Screen(path, new ScreeningOptions("tieu_hoc", 2030) { Top = 0 });

        Assert.Equal(IndexNames, Indexes(path));
        var now = State(path);
        Assert.Equal(kept.Hash, now.Hash);
        Assert.Equal(hash, now.Hash);
        Assert.NotEqual(kept.Key, now.Key); // the schema cookie moved, and the hash was stored again under the new key
        Assert.Equal($"hash v1; schema {now.Cookie}", now.Key);
        Assert.Equal(hash, GeoPackageDataset.ContentHash(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnEditWithPlainSqlAfterTheIndexesScreensAsEveryTestOnEveryParcel(bool merge)
    {
        var path = Dataset();
        var options = new ScreeningOptions("tieu_hoc", 2030) { Top = 0, MergeAdjacent = merge };
        Screen(path, options);
        // Codes typed by hand (lower case, spaces), large parcels turned to education land now or in the plan, areas
        // moved between the two minimums and below them, a row added by copying another: SQLite keeps the indexes up
        // to date, and the codes that may pass are listed from the values stored now. The R-tree triggers call the
        // GeoPackage SQL functions only the store registers; these edits keep every geometry, so they are dropped.
        Execute(path, """
            DROP TRIGGER rtree_parcels_geom_update3;
            DROP TRIGGER rtree_parcels_geom_update4;
            DROP TRIGGER rtree_parcels_geom_insert;
            UPDATE parcels SET land_use = ' dgd' WHERE fid % 5 = 0 AND area_m2 >= 3500;
            UPDATE parcels SET planned_land_use = 'Dgd ' WHERE fid % 7 = 0;
            UPDATE parcels SET owner_type = 'state', land_use = 'TSC' WHERE fid % 9 = 0;
            UPDATE parcels SET area_m2 = 2800 WHERE fid % 11 = 0;
            UPDATE parcels SET area_m2 = 900 WHERE fid % 13 = 0;
            INSERT INTO parcels (geom, id, land_use, planned_land_use, owner_type, area_m2)
              SELECT geom, id || '-copy', 'DGD', NULL, 'state', 5000 FROM parcels WHERE fid = 17;
            """);
        var (reference, firsts, count) = EveryTestOnEveryParcel(path, options);

        var result = Screen(path, options);

        Assert.Equal(IndexNames, Indexes(path));
        Assert.Equal(HardConstraintCodes.All.Select(c => firsts.GetValueOrDefault(c)), HardConstraintCodes.All.Select(c => result.RejectedBy[c]));
        Assert.Equal(count - firsts.Values.Sum(), result.ParcelsPassed);
        AssertSame(reference, result);
        Assert.Equal(4001, result.ParcelsScreened); // the 4,000 generated and the copy
    }

    private static ScreeningResult Screen(string path, ScreeningOptions options)
    {
        var city = DatasetLoader.LoadCity(path, NormsSet.BuiltIn);
        var screener = new ParcelScreener(city, NormsSet.BuiltIn, options);
        var filter = screener.CreateAttributeFilter();
        return screener.Screen(DatasetLoader.StreamParcels(path, city.MetricCrs, filter, createIndexesFrom: 0), filter);
    }

    // The screening of every row with no filter, and the first failure of every parcel with every test run on it.
    private static (ScreeningResult Reference, Dictionary<HardConstraint, long> Firsts, int Count) EveryTestOnEveryParcel(string path, ScreeningOptions options)
    {
        var city = DatasetLoader.LoadCity(path, NormsSet.BuiltIn);
        var screener = new ParcelScreener(city, NormsSet.BuiltIn, options);
        var parcels = DatasetLoader.StreamParcels(path, city.MetricCrs).ToList();
        var firsts = parcels.Select(screener.Check).Where(f => f.Count > 0).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.LongCount());
        return (screener.Screen(parcels), firsts, parcels.Count);
    }

    private static void AssertSame(ScreeningResult expected, ScreeningResult actual)
    {
        Assert.Equal(expected.ParcelsScreened, actual.ParcelsScreened);
        Assert.Equal(expected.ParcelsPassed, actual.ParcelsPassed);
        Assert.Equal(expected.MergedPassed, actual.MergedPassed);
        Assert.Equal(expected.RejectedBy.OrderBy(p => p.Key), actual.RejectedBy.OrderBy(p => p.Key));
        Assert.Equal(expected.Candidates.Select(c => (c.Rank, c.Id, c.Score, c.WidthM, c.AreaM2, c.WardCode)),
            actual.Candidates.Select(c => (c.Rank, c.Id, c.Score, c.WidthM, c.AreaM2, c.WardCode)));
    }

    private static List<string> Indexes(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'parcels' AND name LIKE 'facilities%' ORDER BY name";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    private static (string Hash, string Key, long Cookie) State(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT content_hash, hash_key, (SELECT schema_version FROM pragma_schema_version) FROM facilities_state";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        return (r.GetString(0), r.GetString(1), r.GetInt64(2));
    }

    private static void Execute(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    // A city as dense as the benchmark's (many parcels between the two minimums), imported by the store.
    private string Dataset()
    {
        var generated = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 4000, WidthMetres = 8_000, HeightMetres = 8_000 });
        var path = _dir.File("city.gpkg");
        GeoPackageDataset.ReplaceLayers(path, generated.Layers, new Dictionary<string, string>());
        return path;
    }
}
