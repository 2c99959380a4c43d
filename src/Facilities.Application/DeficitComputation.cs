using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Norms;

namespace Facilities.Application;

/// <summary>The classroom deficit (<c>facilities deficit</c>, <c>/api/deficit</c>, <c>facilities render</c>).</summary>
public static class DeficitComputation
{
    /// <summary>
    /// The deficit by <paramref name="options"/>' method: admin per ward, or catchment (E2SFCA) with
    /// <paramref name="catchment"/>'s grid and capacity limit; stamped "deficit".
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

        var result = CatchmentCalculator.Compute(d.City, norms, options, catchment);
        return Stamps.Of(d, new DeficitRun(admin, result), "deficit", options.Describe() + "; " + catchment.Describe(), read, result.MissingSchoolDataWarnings());
    }
}
