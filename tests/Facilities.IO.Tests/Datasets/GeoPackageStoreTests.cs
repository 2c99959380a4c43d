using Facilities.Core.Datasets;
using Facilities.Core.Generation;
using Facilities.Core.Spatial;
using Facilities.IO.Datasets;
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
    public void TheContentHashIsTheFilesHashAndChangesWhenALayerIsReplaced()
    {
        var path = _dir.File("city.gpkg");
        IDatasetStore store = new GeoPackageStore(path);
        var layers = City();
        store.ReplaceLayers(layers, new Dictionary<string, string>());
        var before = store.ContentHash();

        var wards = layers.Single(l => l.Name == "wards");
        store.ReplaceLayers([new Core.Features.FeatureLayer("wards", wards.Crs, wards.Fields, [.. wards.Features.Skip(1)])], new Dictionary<string, string>());

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), store.ContentHash());
        Assert.NotEqual(before, store.ContentHash());
        Assert.Equal(wards.Features.Count - 1, store.ReadLayer("wards")!.Features.Count);
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
