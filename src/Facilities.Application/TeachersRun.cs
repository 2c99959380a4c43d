using Facilities.Core.Teachers;
using Facilities.IO.Results;

namespace Facilities.Application;

/// <summary>A teachers run: rows per ward and level and per school, and the columns of its method.</summary>
/// <param name="Wards">One row per ward and level.</param>
/// <param name="Schools">One row per school and level.</param>
/// <param name="Catchment">Whether classes came from the catchment method.</param>
public sealed record TeachersRun(IReadOnlyList<TeacherRow> Wards, IReadOnlyList<TeacherRow> Schools, bool Catchment)
{
    /// <summary>The columns of the method's outputs.</summary>
    public IReadOnlyList<ResultColumn<TeacherRow>> Columns => Catchment ? TeacherColumns.Catchment : TeacherColumns.All;
}
