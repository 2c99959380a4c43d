using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Norms;
using Facilities.Core.Validation;

namespace Facilities.Application;

/// <summary>The classroom deficit (<c>facilities deficit</c>, <c>/api/deficit</c>, <c>facilities render</c>).</summary>
public static class DeficitComputation
{
    /// <summary>
    /// The deficit by <paramref name="options"/>' method: admin per ward, or catchment (E2SFCA) with
    /// <paramref name="catchment"/>'s grid and capacity limit; stamped "deficit". The catchment grid is weighted by
    /// the caller's settlement points, else by the dataset's residential parcels when it has any (<see cref="Settlement"/>),
    /// and the stamp's options and a warning name the weighting used.
    /// </summary>
    public static Computed<DeficitRun> Run(DatasetContext d, DeficitOptions options, CatchmentOptions catchment)
    {
        var read = new NormsReadLog();
        var norms = d.Norms.RecordingInto(read);
        var admin = AdminDeficitCalculator.Compute(d.City, norms, options);
        if (options.Method != "catchment")
        {
            return Stamps.Of(d, new DeficitRun(admin, null), "deficit", options.Describe(), read, admin.MissingSchoolDataWarnings());
        }

        catchment = catchment with { Settlement = catchment.Settlement ?? Settlement.FromParcels(d) };
        var result = CatchmentCalculator.Compute(d.City, norms, options, catchment);
        var calibration = CatchmentCalibration.Compute(d.City, norms.Unrecorded, options, catchment);
        var own = new List<LocalizedText>(result.MissingSchoolDataWarnings()) { WeightingWarning(catchment, result) };
        own.AddRange(ReachWarnings(result));
        return Stamps.Of(d, new DeficitRun(admin, result) { Calibration = calibration }, "deficit", options.Describe() + "; " + catchment.Describe(), read, own);
    }

    /// <summary>Which demand weighting the run used, and how many wards fell back to an even spread.</summary>
    private static LocalizedText WeightingWarning(CatchmentOptions catchment, CatchmentResult result)
    {
        if (catchment.Settlement is null)
        {
            return new(
                "Cầu được rải đều trên toàn diện tích mỗi phường/xã (không có lớp dân cư: thửa đất ở ODT/ONT hoặc điểm dân số), kể cả ruộng và mặt nước: phần học sinh ngoài bán kính phục vụ có thể bị thổi phồng.",
                "Demand is spread evenly over each ward's whole area (no settlement layer: residential ODT/ONT parcels or population points), fields and water included: the pupils beyond the service radius may be overstated.");
        }

        var uniform = result.UniformWards.Count;
        var source = catchment.Settlement.Source == "parcels_residential" ? ("diện tích thửa đất ở (ODT/ONT)", "residential parcel area (ODT/ONT)") : ("điểm dân số", "population points");
        return new(
            $"Cầu được đặt theo {source.Item1}" + (uniform > 0 ? $"; {uniform} phường/xã không có dữ liệu dân cư nên rải đều ({string.Join(", ", result.UniformWards.Take(10))})." : "."),
            $"Demand is weighted by {source.Item2}" + (uniform > 0 ? $"; {uniform} wards have no settlement data and are spread evenly ({string.Join(", ", result.UniformWards.Take(10))})." : "."));
    }

    /// <summary>One line per level: the share of its pupils within reach of some school.</summary>
    private static IEnumerable<LocalizedText> ReachWarnings(CatchmentResult result) => result.Options.Levels.Select(l =>
    {
        var share = result.WithinReachShare(l).ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
        return new LocalizedText(
            $"{l}: {share} học sinh ở trong bán kính phục vụ của ít nhất một trường; số còn lại được gán cho trường gần nhất và tính là chưa được phục vụ trong bán kính (cột beyond_reach).",
            $"{l}: {share} of pupils are within the service radius of some school; the rest are assigned to their nearest school and counted as unserved within the radius (column beyond_reach).");
    });
}
