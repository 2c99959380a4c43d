using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Norms;
using Facilities.Core.Teachers;

namespace Facilities.Application;

/// <summary>The teacher shortfall (<c>facilities teachers</c>, <c>/api/teachers</c>).</summary>
public static class TeachersComputation
{
    /// <summary>
    /// Teachers needed per ward, level and school for the classes of <paramref name="options"/>' method (admin, or
    /// the pupils the catchment method sends to each school); every level of the options is computed and stamped.
    /// </summary>
    public static Computed<TeachersRun> Run(DatasetContext d, DeficitOptions options, CatchmentOptions catchment)
    {
        var read = new NormsReadLog();
        var norms = d.Norms.RecordingInto(read);
        var byCatchment = options.Method == "catchment";
        // The admin deficit is computed only for the admin method: the catchment path does not use it.
        var (wards, schools) = byCatchment
            ? TeacherCalculator.ComputeCatchment(d.City, CatchmentCalculator.Compute(d.City, norms, options, catchment))
            : TeacherCalculator.Compute(d.City, AdminDeficitCalculator.Compute(d.City, norms, options));
        var describe = byCatchment ? options.Describe() + "; " + catchment.Describe() : options.Describe();
        return Stamps.Of(d, new TeachersRun(wards, schools, byCatchment), "teachers", describe, read, TeacherCalculator.MissingSchoolDataWarnings(wards));
    }
}
