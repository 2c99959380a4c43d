using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.IO.Store;
using Facilities.Testing;

namespace Facilities.IO.Tests;

/// <summary>
/// The sites command's path (city without parcels, parcels streamed from the GeoPackage, rows rejected on their
/// attributes left unread) gives the same screening as the parcels held in memory.
/// </summary>
public sealed class StreamedScreeningTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("tieu_hoc", false)]
    [InlineData("thcs", false)]
    [InlineData("mam_non", true)]
    public void FilteredStream_GivesTheSameCandidatesAndCountsAsInMemory(string level, bool allowResidential)
    {
        var path = Dataset();
        var options = new ScreeningOptions(level, 2030) { Top = 0, AllowResidential = allowResidential };
        var inMemory = InMemoryCity(path);
        var city = DatasetLoader.LoadCity(path, NormsSet.BuiltIn);

        var expected = new ParcelScreener(inMemory, NormsSet.BuiltIn, options).Screen();
        var screener = new ParcelScreener(city, NormsSet.BuiltIn, options);
        var filter = screener.CreateAttributeFilter();
        var streamed = screener.Screen(DatasetLoader.StreamParcels(path, city.MetricCrs, filter), filter);
        var unfiltered = screener.Screen(DatasetLoader.StreamParcels(path, city.MetricCrs));

        AssertSame(expected, streamed);
        AssertSame(expected, unfiltered);
        // Most rows were decided on their attributes, and the touching pair below made a merged site.
        Assert.True(filter.RejectedOnArea > 1000, $"{filter.RejectedOnArea} rejected on area by the filter");
        Assert.True(filter.RejectedOnArea + filter.RejectedOnLandUse < 4002);
        Assert.Equal(1, streamed.MergedPassed);
        Assert.Contains(streamed.Candidates, c => c.Id == "merged:Q1");
    }

    [Fact]
    public void RecordingRejections_TheFilterSkipsNothingAndEveryFailureIsListed()
    {
        var path = Dataset();
        var options = new ScreeningOptions("tieu_hoc", 2030) { Top = 0, RecordRejections = true };
        var city = DatasetLoader.LoadCity(path, NormsSet.BuiltIn);
        var expected = new ParcelScreener(InMemoryCity(path), NormsSet.BuiltIn, options).Screen();
        var screener = new ParcelScreener(city, NormsSet.BuiltIn, options);
        var filter = screener.CreateAttributeFilter();

        var streamed = screener.Screen(DatasetLoader.StreamParcels(path, city.MetricCrs, filter), filter);

        Assert.Equal(0, filter.RejectedOnArea + filter.RejectedOnLandUse);
        AssertSame(expected, streamed);
        Assert.Equal(expected.Rejections.Select(r => (r.ParcelId, string.Join(",", r.Failed))), streamed.Rejections.Select(r => (r.ParcelId, string.Join(",", r.Failed))));
    }

    [Fact]
    public void AFilterFromAnotherScreenerIsRefused()
    {
        var path = Dataset();
        var city = DatasetLoader.LoadCity(path, NormsSet.BuiltIn);
        var options = new ScreeningOptions("tieu_hoc", 2030);
        var other = new ParcelScreener(city, NormsSet.BuiltIn, options).CreateAttributeFilter();

        Assert.Throws<ArgumentException>(() => new ParcelScreener(city, NormsSet.BuiltIn, options).Screen([], other));
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

    private static CityModel InMemoryCity(string path)
    {
        FeatureLayer Layer(string name) => GeoPackageDataset.ReadLayer(path, name)!;
        return CityModel.FromLayers(Layer("wards"), Layer("schools"), Layer("urban_areas"), Layer("industrial_zones"),
            NormsSet.BuiltIn["dependants_per_worker"], Layer("parcels"));
    }

    // The sample city with 4,000 parcels (seed 20250701), plus two touching 30 m × 60 m state DGD parcels (1,800 m²
    // each: each below every minimum, together a 60 m square site) in a quiet spot of the city.
    private string Dataset()
    {
        var generated = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 4000 });
        var parcels = generated.Layer("parcels");
        var utm = CrsRegistry.Get(32648);
        var wgs = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var (x0, y0) = Reprojector.Transform(106.615, 20.86, wgs, utm);
        var features = new List<FeatureRecord>(parcels.Features);
        for (var i = 0; i < 2; i++)
        {
            var rect = Wkt.Read(string.Create(CultureInfo.InvariantCulture,
                $"MULTIPOLYGON((({x0 + (30 * i)} {y0}, {x0 + (30 * (i + 1))} {y0}, {x0 + (30 * (i + 1))} {y0 + 60}, {x0 + (30 * i)} {y0 + 60}, {x0 + (30 * i)} {y0})))"), 32648);
            features.Add(new FeatureRecord(features.Count + 1, Reprojector.Transform(rect, utm, wgs), new Dictionary<string, object?>
            {
                ["id"] = "Q" + (i + 1).ToString(CultureInfo.InvariantCulture),
                ["land_use"] = "DGD",
                ["planned_land_use"] = "DGD",
                ["owner_type"] = "state",
                ["area_m2"] = 1800.0,
            }));
        }

        var layers = generated.Layers.Select(l => l.Name == "parcels" ? new FeatureLayer(l.Name, l.Crs, [.. l.Fields], features) : l).ToList();
        var path = _dir.File("city.gpkg");
        GeoPackageDataset.ReplaceLayers(path, layers, new Dictionary<string, string>());
        return path;
    }
}
