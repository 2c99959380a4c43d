using Facilities.Core.Datasets;
using Facilities.Core.Generation;
using Facilities.Storage.Sqlite.Datasets;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

namespace Facilities.IO.Tests.Datasets;

/// <summary>
/// The content hash kept in the GeoPackage beside its change counter: served while nothing changed, computed again
/// after any edit through SQLite (ours, plain SQL, QGIS, GDAL), and always equal to the hash of the content as read.
/// </summary>
public sealed class GeoPackageHashCacheTests : IDisposable
{
    private const string Fake = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private GeoPackageStore City(string name = "city.gpkg")
    {
        var store = new GeoPackageStore(_dir.File(name));
        store.ReplaceLayers(SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 40, Seed = 11 }).Layers, new Dictionary<string, string> { ["source"] = "test" });
        return store;
    }

    // The definition, from the layers and metadata as read back (no cache involved).
    private static string Recomputed(GeoPackageStore store) =>
        ContentHasher.Of([.. store.Describe().Select(d => store.ReadLayer(d.Name)!)], store.Metadata());

    // Plain SQLite, with only the R-tree triggers' functions that every GeoPackage editor (GDAL, QGIS) provides.
    private static void Sql(string path, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        GeoPackageSqlFunctions.Register(c);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
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

    [Fact]
    public void TheFirstHashIsComputedAndKeptAndTheNextIsReadFromTheFile()
    {
        var store = City();
        Assert.IsType<DBNull>(Scalar<object>(store.Path, "SELECT content_hash FROM facilities_state"));

        var first = store.ContentHash();

        Assert.Equal(Recomputed(store), first);
        Assert.Equal(first, Scalar<string>(store.Path, "SELECT content_hash FROM facilities_state"));
        // A value put in the cache by hand (the state table has no trigger) is what the next call returns: it reads
        // the cache and no row.
        Sql(store.Path, $"UPDATE facilities_state SET content_hash = '{Fake}'");
        Assert.Equal(Fake, store.ContentHash());
    }

    [Theory]
    [InlineData("UPDATE parcels SET area_m2 = area_m2 + 1 WHERE fid = 3")]
    [InlineData("DELETE FROM parcels WHERE fid = 5")]
    [InlineData("INSERT INTO schools (geom, id, name, level, classrooms) SELECT geom, id || '-b', name, level, classrooms FROM schools WHERE fid = 1")]
    [InlineData("UPDATE wards SET name = 'Phường Mới' WHERE fid = 2")]
    [InlineData("INSERT OR REPLACE INTO facilities_metadata (key, value) VALUES ('source', 'edited')")]
    public void AnEditThroughPlainSqliteMovesTheCounterAndTheHashIsComputedAgain(string edit)
    {
        var store = City();
        var before = store.ContentHash();
        Sql(store.Path, $"UPDATE facilities_state SET content_hash = '{Fake}'");
        var changes = Scalar<long>(store.Path, "SELECT changes FROM facilities_state");

        Sql(store.Path, edit);

        Assert.True(Scalar<long>(store.Path, "SELECT changes FROM facilities_state") > changes);
        var after = store.ContentHash();
        Assert.NotEqual(Fake, after);
        Assert.NotEqual(before, after);
        Assert.Equal(Recomputed(store), after);
        Assert.Equal(after, Scalar<string>(store.Path, "SELECT content_hash FROM facilities_state"));
    }

    [Fact]
    public void KeepingTheHashDoesNotMoveTheChangeTokenButTheNextEditDoes()
    {
        var store = City();
        var token = store.ChangeToken();

        store.ContentHash();

        // The map app compares tokens before each request: the hash written into the file is no change of content.
        Assert.Equal(token, store.ChangeToken());
        Sql(store.Path, "DELETE FROM parcels WHERE fid = 4");
        Assert.NotEqual(token, store.ChangeToken());
    }

    [Fact]
    public void ARolledBackEditLeavesTheCounterAndTheKeptHashAsTheyWere()
    {
        var store = City();
        var hash = store.ContentHash();
        var changes = Scalar<long>(store.Path, "SELECT changes FROM facilities_state");

        Sql(store.Path, "BEGIN; DELETE FROM parcels; ROLLBACK;");

        Assert.Equal(changes, Scalar<long>(store.Path, "SELECT changes FROM facilities_state"));
        Assert.Equal(hash, store.ContentHash());
    }

    [Fact]
    public void AnEditMadeAfterOurTriggersWereDroppedIsNeverServedAStaleHashAndTheTriggersComeBack()
    {
        var store = City();
        store.ContentHash();
        Sql(store.Path, $"UPDATE facilities_state SET content_hash = '{Fake}'");

        // What a tool that knows nothing of the counter may leave: the table without our triggers, edited, and the
        // counter never moved (only the schema cookie did).
        Sql(store.Path, """
            DROP TRIGGER facilities_changes_wards_insert; DROP TRIGGER facilities_changes_wards_update; DROP TRIGGER facilities_changes_wards_delete;
            DELETE FROM wards WHERE fid = 1;
            """);
        var hash = store.ContentHash();

        Assert.NotEqual(Fake, hash);
        Assert.Equal(Recomputed(store), hash);
        // Put back, so the next edit counts again.
        Assert.Equal(3L, Scalar<long>(store.Path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'wards' AND name LIKE 'facilities_changes_%'"));
        Sql(store.Path, "DELETE FROM wards WHERE fid = 2");
        Assert.Equal(Recomputed(store), store.ContentHash());
    }

    [Fact]
    public void ALayerOverwrittenByOgr2OgrIsHashedAgain()
    {
        ReferenceTools.Require("ogr2ogr");
        var store = City();
        var other = City("other.gpkg");
        Sql(other.Path, "DELETE FROM schools WHERE fid > 2");
        var before = store.ContentHash();
        Sql(store.Path, $"UPDATE facilities_state SET content_hash = '{Fake}'");

        ReferenceTools.Run("ogr2ogr", $"-update -overwrite \"{store.Path}\" \"{other.Path}\" schools");

        var after = store.ContentHash();
        Assert.NotEqual(Fake, after);
        Assert.NotEqual(before, after);
        Assert.Equal(Recomputed(store), after);
        Assert.Equal(2, store.ReadLayer("schools")!.Features.Count);
    }

    [Fact]
    public void AnEditingSessionInQgisMovesTheCounterAndTheHashIsComputedAgain()
    {
        var store = City();
        var before = store.ContentHash();
        Sql(store.Path, $"UPDATE facilities_state SET content_hash = '{Fake}'");
        var count = store.ReadLayer("schools")!.Features.Count;

        var edit = QgisScript.Run(QgisScript.In("Facilities.IO.Tests", "edit_schools.py"), store.Path);

        Assert.True(edit.GetProperty("valid").GetBoolean());
        Assert.True(edit.GetProperty("committed").GetBoolean(), edit.GetProperty("errors").ToString());
        var schools = store.ReadLayer("schools")!;
        Assert.Equal(count, schools.Features.Count);
        Assert.Contains(schools.Features, f => (string?)f["name"] == "Trường sửa trong QGIS");
        var after = store.ContentHash();
        Assert.NotEqual(Fake, after);
        Assert.NotEqual(before, after);
        Assert.Equal(Recomputed(store), after);
    }

    [Fact]
    public void WhileAnotherWriterHoldsTheFileTheHashIsComputedButNotKept()
    {
        var store = City();
        using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Path, Pooling = false }.ToString());
        writer.Open();
        using var tx = writer.BeginTransaction();

        var hash = store.ContentHash();

        Assert.Equal(Recomputed(store), hash);
        Assert.IsType<DBNull>(Scalar<object>(store.Path, "SELECT content_hash FROM facilities_state"));
    }

    [Fact]
    public void AGeoPackageWithoutTheStateTableIsHashedEveryTimeAndLeftUntouched()
    {
        var store = City();
        var hash = store.ContentHash();
        var triggers = new List<string>();
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Path, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'facilities_changes_%'";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                triggers.Add(r.GetString(0));
            }
        }

        Assert.Equal(18, triggers.Count);
        Sql(store.Path, string.Concat(triggers.Select(t => $"DROP TRIGGER {t};")) + "DROP TABLE facilities_state;");
        var schema = Scalar<long>(store.Path, "PRAGMA schema_version");

        Assert.Equal(hash, store.ContentHash());
        Assert.Equal(schema, Scalar<long>(store.Path, "PRAGMA schema_version"));
        Assert.Equal(0L, Scalar<long>(store.Path, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'facilities_changes_%' OR name = 'facilities_state'"));
    }

    [Fact]
    public void TheFileWithTheCounterAndAKeptHashPassesGdalsValidator()
    {
        var store = City();
        store.ContentHash();
        Sql(store.Path, "UPDATE parcels SET geom = geom WHERE fid = 1");

        GeoPackageValidator.AssertValid(store.Path);
        // The R-tree triggers still run beside ours: the index has one box per parcel.
        Assert.Equal(Scalar<long>(store.Path, "SELECT COUNT(*) FROM parcels"), Scalar<long>(store.Path, "SELECT COUNT(*) FROM rtree_parcels_geom"));
    }
}
