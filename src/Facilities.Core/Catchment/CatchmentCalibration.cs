using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Catchment;

/// <summary>
/// The calibration check of the catchment method: the pupils the schools enrol today, placed in their wards like
/// residents, are allocated without capacity limit; a model that puts demand where pupils live and reach as far as
/// they travel sends each school about its own enrolment, so allocated ÷ enrolled clusters around 1. The spread
/// (10th–90th percentile) says how far a single school's allocated ratio can be trusted.
/// </summary>
public static class CatchmentCalibration
{
    /// <summary>One summary per level of <paramref name="options"/> that has schools with enrolled pupils.</summary>
    public static IReadOnlyList<CalibrationSummary> Compute(CityModel city, NormsSet norms, DeficitOptions options, CatchmentOptions catchment)
    {
        var result = CatchmentCalculator.Compute(city, norms, options, catchment with { DemandFromEnrolment = true, CapacityLimited = false });
        var summaries = new List<CalibrationSummary>();
        foreach (var level in options.Levels)
        {
            var ratios = result.Schools.Where(s => s.Level == level && s.Pupils > 0).Select(s => s.Allocated / s.Pupils!.Value).Order().ToArray();
            if (ratios.Length > 0)
            {
                summaries.Add(new CalibrationSummary(level, ratios.Length, Quantile(ratios, 0.1), Quantile(ratios, 0.5), Quantile(ratios, 0.9), result.WithinReachShare(level)));
            }
        }

        return summaries;
    }

    /// <summary>Quantile of sorted values by linear interpolation between closest ranks (R's type 7, numpy's default).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
