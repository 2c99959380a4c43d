using Facilities.Core.Generation;
using Facilities.Core.Import;
using Facilities.Core.Schema;
using Facilities.Core.Validation;
using NetTopologySuite.Index.Strtree;

namespace Facilities.Core.Tests.Generation;

public class SampleCityGeneratorTests
{
    private static readonly GeneratedCity City = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 800 });

    [Fact]
    public void SameSeedGivesTheSameCity()
    {
        var again = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 800 });

        foreach (var layer in City.Layers)
        {
            var other = again.Layer(layer.Name);
            Assert.Equal(layer.Features.Count, other.Features.Count);
            for (var i = 0; i < layer.Features.Count; i++)
            {
                Assert.True(layer.Features[i].Geometry!.EqualsExact(other.Features[i].Geometry!), $"{layer.Name} #{i + 1}");
                Assert.Equal(layer.Features[i].Attributes, other.Features[i].Attributes);
            }
        }
    }

    [Fact]
    public void DifferentSeedGivesADifferentCity()
    {
        var other = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 800, Seed = 7 });

        Assert.False(City.Layer("wards").Features[0].Geometry!.EqualsExact(other.Layer("wards").Features[0].Geometry!));
    }

    [Fact]
    public void EveryLayerPassesImportValidationWithoutWarnings()
    {
        var wards = City.Layer("wards");
        foreach (var layer in City.Layers)
        {
            var result = LayerImporter.Import(layer, new ImportOptions(DatasetSchema.Get(layer.Name), "generated") { Wards = wards });

            Assert.Empty(result.Issues.Items.Select(i => i.Render(Language.En)));
        }
    }

    [Fact]
    public void HasWhatTheSampleMustShow()
    {
        Assert.Equal(12, City.Layer("wards").Features.Count);
        Assert.Equal(800, City.Layer("parcels").Features.Count);
        Assert.Equal(2, City.Layer("urban_areas").Features.Count);
        Assert.Equal(2, City.Layer("industrial_zones").Features.Count);
        var levels = City.Layer("schools").Features.Select(f => (string)f["level"]!).ToHashSet();
        Assert.Equal(DatasetSchema.Levels.ToHashSet(), levels);
        Assert.Contains(City.Layer("wards").Features, w => (string)w["unit_type"]! == "phuong");
        Assert.Contains(City.Layer("wards").Features, w => (string)w["unit_type"]! == "xa");
        Assert.Contains(City.Layer("wards").Features, w => w["pop_tieu_hoc"] is null);
        Assert.Contains(City.Layer("wards").Features, w => w["pop_tieu_hoc"] is long);
    }

    [Fact]
    public void ParcelsNeverOverlap()
    {
        var parcels = City.Layer("parcels").Features.Select(f => f.Geometry!).ToList();
        var index = new STRtree<int>();
        for (var i = 0; i < parcels.Count; i++)
        {
            index.Insert(parcels[i].EnvelopeInternal, i);
        }

        for (var i = 0; i < parcels.Count; i++)
        {
            foreach (var j in index.Query(parcels[i].EnvelopeInternal))
            {
                Assert.True(j == i || !parcels[i].Overlaps(parcels[j]), $"parcels {i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void WardsTileTheCityWithoutOverlap()
    {
        var wards = City.Layer("wards").Features.Select(f => f.Geometry!).ToList();
        for (var i = 0; i < wards.Count; i++)
        {
            for (var j = i + 1; j < wards.Count; j++)
            {
                Assert.True(wards[i].Intersection(wards[j]).Area < 1e-10, $"wards {i} and {j} overlap");
            }
        }
    }
}
