using System.Text.RegularExpressions;
using Facilities.Core.Generation;
using Facilities.Formats;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.IO.Tests;

public sealed partial class GeoPackageDatasetTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Generated(int parcels = 120)
    {
        var path = _dir.File("city.gpkg");
        GeoPackageDataset.ReplaceLayers(path, SampleCityGenerator.Generate(new SampleCityOptions { Parcels = parcels }).Layers, new Dictionary<string, string>());
        return path;
    }

    [Fact]
    public void GdalOpensTheDatasetWithLayerNamesCountsAndCrs()
    {
        var path = Generated();
        var city = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 120 });

        var info = ReferenceTools.Run("ogrinfo", $"-so -al \"{path}\"");

        foreach (var layer in city.Layers)
        {
            var block = LayerBlock().Matches(info).Single(m => m.Groups["name"].Value == layer.Name).Value;
            Assert.Contains($"Feature Count: {layer.Features.Count}\n", block, StringComparison.Ordinal);
            Assert.Contains("ID[\"EPSG\",4326]", block, StringComparison.Ordinal);
        }

        Assert.Contains("Geometry: Multi Polygon", LayerBlock().Matches(info).Single(m => m.Groups["name"].Value == "wards").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void GdalReadsVietnameseTextAndGeometryBack()
    {
        var path = Generated();
        var ward = GeoPackageDataset.ReadLayer(path, "wards")!.Features[0];

        var info = ReferenceTools.Run("ogrinfo", $"-q \"{path}\" wards -where \"code='{ward["code"]}'\"");

        Assert.Contains($"name (String) = {ward["name"]}", info, StringComparison.Ordinal);
        Assert.Contains("MULTIPOLYGON (((", info, StringComparison.Ordinal);
        Assert.DoesNotContain("nan", info, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBackGivesTheSameFeatures()
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 120 });
        var path = Generated();

        foreach (var layer in city.Layers)
        {
            var back = GeoPackageDataset.ReadLayer(path, layer.Name)!;
            Assert.Equal(layer.Features.Count, back.Features.Count);
            for (var i = 0; i < layer.Features.Count; i++)
            {
                Assert.True(layer.Features[i].Geometry!.EqualsExact(back.Features[i].Geometry!), $"{layer.Name} #{i + 1}");
                foreach (var (k, v) in layer.Features[i].Attributes)
                {
                    Assert.Equal(v, back.Features[i][k]);
                }
            }
        }
    }

    [Fact]
    public void ReplacingOneLayerKeepsTheOthers()
    {
        var path = Generated();
        var wards = GeoPackageDataset.ReadLayer(path, "wards")!;
        wards.Features.RemoveAt(0);

        GeoPackageDataset.ReplaceLayers(path, [wards], new Dictionary<string, string> { ["k"] = "v" });

        var tables = GeoPackageDataset.Describe(path).ToDictionary(t => t.Table.Name, t => t.Count);
        Assert.Equal(11, tables["wards"]);
        Assert.Equal(120, tables["parcels"]);
        Assert.Equal("v", GeoPackageDataset.Metadata(path)["k"]);
    }

    [Fact]
    public void AFileThatIsNotAGeoPackageIsRefusedAndLeftAlone()
    {
        var path = _dir.Write("notes.gpkg", "not a database");
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<DataFileException>(() =>
            GeoPackageDataset.ReplaceLayers(path, SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 5 }).Layers, new Dictionary<string, string>()));

        Assert.Equal("file-not-geopackage", e.Issue.Code);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void SampleDatasetInTheRepositoryIsTheGeneratorsOutput()
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions());

        foreach (var layer in city.Layers)
        {
            var stored = GeoPackageDataset.ReadLayer(SharedData.SampleCity, layer.Name)!;
            Assert.Equal(layer.Features.Count, stored.Features.Count);
            for (var i = 0; i < layer.Features.Count; i++)
            {
                Assert.True(layer.Features[i].Geometry!.EqualsExact(stored.Features[i].Geometry!, 1e-9), $"{layer.Name} #{i + 1}: regenerate gis-data/sample-city.gpkg");
            }
        }
    }

    [GeneratedRegex(@"Layer name: (?<name>\w+)\n(?:(?!Layer name:)[\s\S])*")]
    private static partial Regex LayerBlock();
}
