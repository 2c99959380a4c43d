using Facilities.Core.Datasets;
using Facilities.Core.Generation;
using Facilities.Core.Spatial;
using Facilities.Storage.Sqlite.Datasets;
using Facilities.Testing;

namespace Facilities.IO.Tests.Datasets;

public sealed class GeoPackageStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static IReadOnlyList<Core.Features.FeatureLayer> City() => SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 60, Seed = 7 }).Layers;

    [Fact]
    public void TheStoreDescribesTheLayersItWroteWithTheirCountsAndCrs()
    {
        IDatasetStore store = new GeoPackageStore(_dir.File("city.gpkg"));
        var layers = City();

        store.ReplaceLayers(layers, new Dictionary<string, string> { ["source"] = "test" });

        var described = store.Describe();
        Assert.Equal(layers.Select(l => (l.Name, (long)l.Features.Count)).Order(), described.Select(d => (d.Name, d.Count)).Order());
        Assert.All(described, d => Assert.Equal(CrsRegistry.Wgs84Srid, d.Srid));
        Assert.True(store.HasLayer("parcels"));
        Assert.False(store.HasLayer("roads"));
        Assert.Equal("test", store.Metadata()["source"]);
        Assert.Equal("city.gpkg", store.Name);
    }

    [Fact]
    public void TheContentHashIsTheHashOfTheContentAndChangesWhenALayerIsReplaced()
    {
        var path = _dir.File("city.gpkg");
        IDatasetStore store = new GeoPackageStore(path);
        var layers = City();
        store.ReplaceLayers(layers, new Dictionary<string, string>());
        var before = store.ContentHash();

        var wards = layers.Single(l => l.Name == "wards");
        store.ReplaceLayers([new Core.Features.FeatureLayer("wards", wards.Crs, wards.Fields, [.. wards.Features.Skip(1)])], new Dictionary<string, string>());

        // The streamed hash equals the hash of the layers and metadata as read back, whatever the file's bytes.
        var read = store.Describe().Select(d => store.ReadLayer(d.Name)!).ToList();
        Assert.Equal(ContentHasher.Of(read, store.Metadata()), store.ContentHash());
        Assert.NotEqual(before, store.ContentHash());
        Assert.Equal(wards.Features.Count - 1, store.ReadLayer("wards")!.Features.Count);
    }

    [Fact]
    public void TheContentHashIsTheSameForTheSameDataWrittenTwiceIntoDifferentFiles()
    {
        var layers = City();
        var a = new GeoPackageStore(_dir.File("a.gpkg"));
        var b = new GeoPackageStore(_dir.File("b.gpkg"));
        a.ReplaceLayers(layers, new Dictionary<string, string> { ["generator"] = "x" });
        // Written in another order, with another layout version: not part of the content.
        b.ReplaceLayers([.. layers.AsEnumerable().Reverse()], new Dictionary<string, string> { ["generator"] = "x", ["schema_version"] = "0" });

        Assert.Equal(a.ContentHash(), b.ContentHash());
        Assert.Equal(ContentHasher.Of(layers, new Dictionary<string, string> { ["generator"] = "x" }), a.ContentHash());
        b.ReplaceLayers([], new Dictionary<string, string> { ["generator"] = "y" });
        Assert.NotEqual(a.ContentHash(), b.ContentHash());
    }

    [Fact]
    public void TheChangeTokenChangesWhenTheFileIsRewritten()
    {
        var store = new GeoPackageStore(_dir.File("a.gpkg"));
        store.ReplaceLayers(City(), new Dictionary<string, string>());
        var before = store.ChangeToken();

        store.ReplaceLayers([], new Dictionary<string, string> { ["generator"] = "y" });

        Assert.NotEqual(before, store.ChangeToken());
    }

    [Fact]
    public void StreamedParcelsAreTheParcelsLayerInOrder()
    {
        IDatasetStore store = new GeoPackageStore(_dir.File("city.gpkg"));
        var layers = City();
        store.ReplaceLayers(layers, new Dictionary<string, string>());

        var ids = store.StreamParcels(CrsRegistry.Get(32648)).Select(p => p.Id).ToList();

        Assert.Equal(layers.Single(l => l.Name == "parcels").Features.Select(f => (string)f["id"]!), ids);
    }
}
