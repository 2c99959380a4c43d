using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Storage.Sqlite;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OnADenseCity_TheStreamCountsEveryFirstFailureAsEveryTestRunOnEveryParcelWould(bool merge)
    {
        // 4,000 parcels over 8 km × 8 km, as dense as the benchmark city: many parcels lie between the phường minimum (2,100 m²)
        // and the xã one (3,500 m²), where the ward decides which failure counts first (issue 15).
        var path = Dataset(new SampleCityOptions { Parcels = 4000, WidthMetres = 8_000, HeightMetres = 8_000 });
        var options = new ScreeningOptions("tieu_hoc", 2030) { Top = 0, MergeAdjacent = merge };
        var inMemory = InMemoryCity(path);
        var reference = new ParcelScreener(inMemory, NormsSet.BuiltIn, options);
        var firsts = inMemory.Parcels.Select(reference.Check).Where(f => f.Count > 0).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.LongCount());
        var city = DatasetLoader.LoadCity(path, NormsSet.BuiltIn);
        var screener = new ParcelScreener(city, NormsSet.BuiltIn, options);
        var filter = screener.CreateAttributeFilter();

        var streamed = screener.Screen(DatasetLoader.StreamParcels(path, city.MetricCrs, filter), filter);

        Assert.Equal(HardConstraintCodes.All.Select(c => firsts.GetValueOrDefault(c)), HardConstraintCodes.All.Select(c => streamed.RejectedBy[c]));
        Assert.Equal(inMemory.Parcels.Count - firsts.Values.Sum(), streamed.ParcelsPassed);
        AssertSame(reference.Screen(), streamed);
        Assert.True(inMemory.Parcels.Count(p => p.AreaM2 is >= 2100 and < 3500 && !reference.LandUse.Allows(p)) > 100);
    }

    [Fact]
    public void RowsWithAnAreaOrOwnerThatIsNotANumberOrTextAreReadAndJudgedAsBefore()
    {
        // The SQL that leaves small rows to SQLite keeps every row whose area is not a number or whose owner is not
        // text, and the filter judges them as it always did: an area in text ('2500 m2') is read as its leading number, a
        // blob as 0.
        var path = Dataset();
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var update = c.CreateCommand();
            // The R-tree triggers on any update call the GeoPackage SQL functions, which only the store registers; these
            // rows keep their geometry, so the triggers are dropped for this edit.
            update.CommandText = """
                DROP TRIGGER rtree_parcels_geom_update3;
                DROP TRIGGER rtree_parcels_geom_update4;
                UPDATE parcels SET area_m2 = CAST(CAST(area_m2 AS INTEGER) AS TEXT) || ' m2' WHERE fid % 7 = 0;
                UPDATE parcels SET area_m2 = X'00' WHERE fid % 11 = 0;
                UPDATE parcels SET owner_type = CAST('state' AS BLOB) WHERE fid % 13 = 0;
                UPDATE parcels SET area_m2 = NULL WHERE fid % 17 = 0;
                """;
            update.ExecuteNonQuery();
        }

        var options = new ScreeningOptions("tieu_hoc", 2030) { Top = 0 };
        var city = DatasetLoader.LoadCity(path, NormsSet.BuiltIn);
        var screener = new ParcelScreener(city, NormsSet.BuiltIn, options);
        var filter = screener.CreateAttributeFilter();

        var streamed = screener.Screen(DatasetLoader.StreamParcels(path, city.MetricCrs, filter), filter);
        var everyRow = screener.Screen(DatasetLoader.StreamParcels(path, city.MetricCrs));

        AssertSame(everyRow, streamed);
        Assert.Equal(4002, streamed.ParcelsScreened);
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
    private string Dataset(SampleCityOptions? city = null)
    {
        var generated = SampleCityGenerator.Generate(city ?? new SampleCityOptions { Parcels = 4000 });
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
