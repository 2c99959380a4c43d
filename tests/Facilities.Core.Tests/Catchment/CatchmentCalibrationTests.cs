using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Tests.Catchment;

/// <summary>The calibration check on the generated sample city: with today's enrolment as demand, loads come back.</summary>
public class CatchmentCalibrationTests
{
    private static readonly CityModel SampleCity = Load();

    private static CityModel Load()
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 0 });
        return CityModel.FromLayers(city.Layer("wards"), city.Layer("schools"), city.Layer("urban_areas"), city.Layer("industrial_zones"), 0.3m);
    }

    [Theory]
    [InlineData("mam_non")]
    [InlineData("tieu_hoc")]
    [InlineData("thcs")]
    [InlineData("thpt")]
    public void EveryEnrolledPupilIsAllocatedSoTheEnrolmentWeightedRatioIsOne(string level)
    {
        var options = new DeficitOptions(2025) { Levels = [level] };

        var result = CatchmentCalculator.Compute(SampleCity, NormsSet.BuiltIn, options, new CatchmentOptions { DemandFromEnrolment = true });

        // Every ward with pupils of the level has a school of it (the enrolment comes from its schools), so no pupil is
        // left out: Σ allocated = Σ enrolled, i.e. the enrolment-weighted mean of allocated ÷ enrolled is exactly 1.
        var enrolled = SampleCity.Schools.Where(s => s.Level == level).Sum(s => s.Pupils ?? 0);
        Assert.Equal(enrolled, result.Schools.Sum(s => s.Allocated), 6);
    }

    [Theory]
    [InlineData("mam_non")]
    [InlineData("tieu_hoc")]
    [InlineData("thcs")]
    [InlineData("thpt")]
    public void TheMedianSchoolGetsAboutItsOwnEnrolment(string level)
    {
        var summary = Assert.Single(CatchmentCalibration.Compute(SampleCity, NormsSet.BuiltIn, new DeficitOptions(2025) { Levels = [level] }, new CatchmentOptions()));

        // The band comes from the model, not from a run. The generator puts a ward's schools at random points with
        // about equal enrolments, and a pupil beyond reach goes to the nearest school, so a school's allocation ÷ its
        // enrolment behaves like the area of its Poisson–Voronoi cell ÷ the mean cell area: a gamma law of shape ≈ 3.5
        // (Ferenc & Néda 2007, Physica A 385), whose median is ≈ 0.91 of its mean (1, by conservation). The E2SFCA
        // split within reach evens loads out (places per competing pupil), which moves the median towards 1. With
        // 25–121 schools the median's sampling error is about 1.25 × 0.53 ÷ √n ≤ 0.13: so 0.91 − 0.13 to 1 + 0.13.
        Assert.InRange(summary.Median, 0.78, 1.13);
        Assert.True(summary.P10 < summary.Median && summary.Median < summary.P90);
    }
}
