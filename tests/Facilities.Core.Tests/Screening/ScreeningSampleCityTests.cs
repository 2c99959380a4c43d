using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;

namespace Facilities.Core.Tests.Screening;

public class ScreeningSampleCityTests
{
    private static readonly Lazy<CityModel> Sample = new(() =>
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions());
        return CityModel.FromLayers(city.Layer("wards"), city.Layer("schools"), city.Layer("urban_areas"), city.Layer("industrial_zones"), 0.3m,
            city.Layer("parcels"));
    });

    private static ScreeningOptions Options => new("thcs", 2030) { Top = 0 };

    [Fact]
    public void ParcelsLoadInTheMetricCrsWithTheirStatedArea()
    {
        var city = Sample.Value;

        Assert.Equal(3000, city.Parcels.Count);
        Assert.All(city.Parcels, p => Assert.Equal(city.MetricCrs.Srid, p.Geometry.SRID));
        // The stated area was computed in EPSG:9210 and rounded to 0.01 m²; UTM agrees to far better than 0.1 %.
        Assert.All(city.Parcels, p => Assert.Equal(1, p.Geometry.Area / p.AreaM2, 3));
    }

    [Fact]
    public void RepeatedRunsGiveTheSameRanking()
    {
        var screener = new ParcelScreener(Sample.Value, NormsSet.BuiltIn, Options);

        var first = screener.Screen();
        var second = screener.Screen();

        Assert.NotEmpty(first.Candidates);
        Assert.Equal(first.Candidates.Select(c => (c.Id, c.Score, c.WidthM)), second.Candidates.Select(c => (c.Id, c.Score, c.WidthM)));
    }

    [Fact]
    public void EveryCandidatePassesAndEveryParcelIsCountedOnce()
    {
        var screener = new ParcelScreener(Sample.Value, NormsSet.BuiltIn, Options with { RecordRejections = true });

        var result = screener.Screen();

        var parcels = Sample.Value.Parcels.ToDictionary(p => p.Id);
        Assert.All(result.Candidates.Where(c => !c.IsMerged), c => Assert.Empty(screener.Check(parcels[c.Id])));
        Assert.All(result.Candidates, c => Assert.Equal(c.Score, ScoreWeights.Criteria.Sum(k => c.Breakdown[k])));
        Assert.All(result.Candidates, c => Assert.True(c.WidthM >= 30 && c.AreaM2 >= c.MinAreaM2));
        Assert.Equal(3000, result.ParcelsPassed + result.RejectedBy.Values.Sum());
        Assert.Equal(3000 - result.ParcelsPassed, result.Rejections.Count);
        Assert.All(result.Rejections, r => Assert.Equal(r.Failed, screener.Check(parcels[r.ParcelId])));
    }

    [Fact]
    public void DeferredGeometryIsOnlyProducedForParcelsThatNeedIt()
    {
        var loads = 0;
        var deferred = Sample.Value.Parcels.Select(p => new ParcelUnit(p.Id, p.LandUse, p.PlannedLandUse, p.OwnerType, p.AreaM2, () =>
        {
            Interlocked.Increment(ref loads);
            return p.Geometry;
        })).ToList();
        var screener = new ParcelScreener(Sample.Value, NormsSet.BuiltIn, Options);

        var streamed = screener.Screen(deferred);

        Assert.Equal(screener.Screen().Candidates.Select(c => (c.Id, c.Score)), streamed.Candidates.Select(c => (c.Id, c.Score)));
        Assert.InRange(loads, streamed.ParcelsPassed, deferred.Count / 2);
    }
}
