using Facilities.Core.Results;

namespace Facilities.Application.Results;

/// <summary>The tables of a teachers run (CLI outputs, /api/teachers, the OGC collection), with the columns of its method.</summary>
public static class TeachersTables
{
    /// <summary>One row per ward and level (key <c>ward:level</c>), drawn as the ward.</summary>
    public static ResultTable Wards(DatasetContext d, Computed<TeachersRun> run)
    {
        var geometry = d.WardGeometry();
        return ResultTable.Build("teachers", run.Result.Wards, Columns(run.Result), r => r.WardCode + ":" + r.Level, r => geometry.GetValueOrDefault(r.WardCode), run.Stamp);
    }

    /// <summary>One row per school and level (key <c>school:level</c>), drawn as the school.</summary>
    public static ResultTable Schools(DatasetContext d, Computed<TeachersRun> run)
    {
        var geometry = d.SchoolGeometry();
        return ResultTable.Build("teachers_schools", run.Result.Schools, Columns(run.Result), r => r.SchoolId + ":" + r.Level,
            r => geometry.GetValueOrDefault((r.SchoolId ?? "", r.Level)), run.Stamp);
    }

    private static IReadOnlyList<ResultColumn<Core.Teachers.TeacherRow>> Columns(TeachersRun run) => run.Catchment ? TeacherColumns.Catchment : TeacherColumns.All;
}
