using Facilities.Application.Import;
using Facilities.Formats.Writers;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.IO.Tests;

/// <summary>The real 114 Hải Phòng units (../shared/data/haiphong); skipped when that folder is absent.</summary>
public sealed class HaiPhongDataTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void RealWardsImportValidateAndSumToTheResolutionPopulation()
    {
        var source = SharedData.HaiPhong("communes_2025.geojson");
        var dataset = _dir.File("haiphong.gpkg");

        var outcome = DatasetImporter.Import(new ImportRequest(source, "wards", dataset));

        Assert.True(outcome.Written, string.Join("\n", outcome.Issues.Items));
        var wards = GeoPackageDataset.ReadLayer(dataset, "wards")!;
        Assert.Equal(114, wards.Features.Count);
        Assert.Equal(4_664_124L, wards.Features.Sum(w => (long)w["population"]!));
        var byType = wards.Features.GroupBy(w => (string)w["unit_type"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal((45, 67, 2), (byType["phuong"], byType["xa"], byType["dac_khu"]));
        Assert.All(wards.Features, w => Assert.Matches("^[0-9]{5}$", (string)w["code"]!));
        Assert.False(DatasetValidator.Validate(dataset).HasErrors);
    }

    [Fact]
    public void RealWardAreasAddUpToTheMappedLandArea()
    {
        var dataset = _dir.File("haiphong.gpkg");
        DatasetImporter.Import(new ImportRequest(SharedData.HaiPhong("communes_2025.geojson"), "wards", dataset));

        var total = GeoPackageDataset.ReadLayer(dataset, "wards")!.Features.Sum(w => (double)w["area_m2"]!);

        // SOURCES.md: the union is about 3,088 km² (the official 3,194.72 km² includes water).
        Assert.InRange(total / 1e6, 3_060, 3_110);
    }

    [Fact]
    public void RealWardsExportToGeoJsonThatGdalReads()
    {
        var dataset = _dir.File("haiphong.gpkg");
        DatasetImporter.Import(new ImportRequest(SharedData.HaiPhong("communes_2025.geojson"), "wards", dataset));
        var output = _dir.File("wards.geojson");

        GeoJsonLayerWriter.Write(GeoPackageDataset.ReadLayer(dataset, "wards")!, output);

        var info = ReferenceTools.Run("ogrinfo", $"-so -al \"{output}\"");
        Assert.Contains("Feature Count: 114", info, StringComparison.Ordinal);
        Assert.Contains("Geometry: Multi Polygon", info, StringComparison.Ordinal);
    }
}
