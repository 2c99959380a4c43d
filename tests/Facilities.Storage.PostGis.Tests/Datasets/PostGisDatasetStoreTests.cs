using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Storage.Sqlite.Datasets;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Storage.PostGis.Tests.Datasets;

public sealed class PostGisDatasetStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheSampleCityCopiedIntoPostGisAndBackHasTheSameContentHash()
    {
        using var pg = PgDataset.SampleCity();
        var original = new GeoPackageStore(SharedData.SampleCity);
        var back = new GeoPackageStore(_dir.File("back.gpkg"));

        Application.DatasetCopy.Run(pg.Store, back);

        Assert.Equal(original.ContentHash(), pg.Store.ContentHash());
        Assert.Equal(original.ContentHash(), back.ContentHash());
        // The streamed hash is the hash of the layers as read back, not a digest of the store's bytes.
        var read = pg.Store.Describe().Select(d => pg.Store.ReadLayer(d.Name)!).ToList();
        Assert.Equal(ContentHasher.Of(read, pg.Store.Metadata()), pg.Store.ContentHash());
        Assert.Equal(original.Describe().Select(d => (d.Name, d.Count)), pg.Store.Describe().Select(d => (d.Name, d.Count)));
        Assert.All(pg.Store.Describe(), d => Assert.Equal(CrsRegistry.Wgs84Srid, d.Srid));
        Assert.Equal("sample-city.gpkg", pg.Store.Name);
    }

    [Fact]
    public void ASchoolInsertedWithSqlMovesTheChangeTokenAndTheContentHash()
    {
        using var pg = PgDataset.SampleCity();
        var (token, hash) = (pg.Store.ChangeToken(), pg.Store.ContentHash());

        pg.Sql("INSERT INTO {s}.schools (id, name, level, classrooms, ward_code, geom) VALUES ('new-1', 'Trường mới', 'thcs', 40, '99001', ST_SetSRID(ST_MakePoint(106.67, 20.87), 4326))");

        Assert.NotEqual(token, pg.Store.ChangeToken());
        Assert.NotEqual(hash, pg.Store.ContentHash());
        Assert.Equal(263, pg.Store.ReadLayer("schools")!.Features.Count);
        Assert.Equal(40L, pg.Store.ReadLayer("schools")!.Features[^1]["classrooms"]);
    }

    [Fact]
    public void ARolledBackEditLeavesTheChangeTokenWhereItWas()
    {
        using var pg = PgDataset.SampleCity();
        var token = pg.Store.ChangeToken();

        pg.Sql("BEGIN; DELETE FROM {s}.parcels; ROLLBACK;");

        Assert.Equal(token, pg.Store.ChangeToken());
    }

    [Fact]
    public void AnUnchangedDatasetIsNotRehashedItsHashIsKeptBesideTheCounter()
    {
        using var pg = PgDataset.SampleCity();
        var hash = pg.Store.ContentHash();

        // Tamper with the kept hash: an unchanged counter means it is served as kept, without reading the layers.
        pg.Sql("UPDATE {s}.facilities_state SET content_hash = 'kept'");
        Assert.Equal("kept", pg.Store.ContentHash());
        // Any edit moves the counter, and the hash is computed again from the rows.
        pg.Sql("UPDATE {s}.facilities_metadata SET value = value WHERE key = 'generator'");
        Assert.Equal(hash, pg.Store.ContentHash());
    }

    [Fact]
    public void AFailedReplaceLeavesTheDatasetAsItWas()
    {
        using var pg = PgDataset.SampleCity();
        var hash = pg.Store.ContentHash();
        var good = new FeatureLayer("urban_areas", CrsRegistry.Get(4326), [new FieldInfo("id", FieldType.Text)],
            [new FeatureRecord(1, null, new() { ["id"] = "x" })]);
        // A fraction in an integer field cannot be stored in a bigint column: the second layer fails after the first was written.
        var bad = new FeatureLayer("schools", CrsRegistry.Get(4326), [new FieldInfo("classrooms", FieldType.Integer)],
            [new FeatureRecord(1, new Point(106.6, 20.8) { SRID = 4326 }, new() { ["classrooms"] = 1.5 })]);

        Assert.Throws<ArgumentException>(() => pg.Store.ReplaceLayers([good, bad], new Dictionary<string, string> { ["generator"] = "changed" }));

        Assert.Equal(hash, pg.Store.ContentHash());
        Assert.Equal(2, pg.Store.ReadLayer("urban_areas")!.Features.Count);
        Assert.NotEqual("changed", pg.Store.Metadata()["generator"]);
    }

    [Fact]
    public void StreamedParcelsAreTheParcelsOfTheGeoPackageInOrderWithTheSameGeometry()
    {
        using var pg = PgDataset.SampleCity();
        var utm = CrsRegistry.Get(32648);

        var fromPg = pg.Store.StreamParcels(utm).Take(50).Select(p => (p.Id, p.LandUse, p.AreaM2, p.Geometry.ToText())).ToList();
        var fromFile = new GeoPackageStore(SharedData.SampleCity).StreamParcels(utm).Take(50).Select(p => (p.Id, p.LandUse, p.AreaM2, p.Geometry.ToText())).ToList();

        Assert.Equal(fromFile, fromPg);
    }

    [Theory]
    [InlineData("tieu_hoc")]
    [InlineData("thcs")]
    public void ScreeningStreamedWithTheAttributeFilterFromEitherStoreGivesTheSameResult(string level)
    {
        // The GeoPackage reader leaves small rows to SQLite and gives header envelopes to the filter; the PostGIS store
        // filters every row on the client: the same counts and the same candidates either way.
        using var pg = PgDataset.SampleCity();
        var options = new ScreeningOptions(level, 2030) { Top = 0 };
        ScreeningResult Screen(IDatasetStore store)
        {
            var city = Facilities.Storage.Sqlite.DatasetLoader.LoadCity(store, NormsSet.BuiltIn);
            var screener = new ParcelScreener(city, NormsSet.BuiltIn, options);
            var filter = screener.CreateAttributeFilter();
            return screener.Screen(store.StreamParcels(city.MetricCrs, filter), filter);
        }

        var fromFile = Screen(new GeoPackageStore(SharedData.SampleCity));
        var fromPg = Screen(pg.Store);

        Assert.Equal(fromFile.ParcelsScreened, fromPg.ParcelsScreened);
        Assert.Equal(fromFile.RejectedBy.OrderBy(p => p.Key), fromPg.RejectedBy.OrderBy(p => p.Key));
        Assert.Equal(fromFile.Candidates.Select(c => (c.Rank, c.Id, c.Score, c.WidthM)), fromPg.Candidates.Select(c => (c.Rank, c.Id, c.Score, c.WidthM)));
    }
}
