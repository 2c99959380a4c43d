using Facilities.Core.Teachers;

namespace Facilities.Application;

/// <summary>A teachers run: rows per ward and level and per school (their columns: <see cref="Results.TeachersTables"/>).</summary>
/// <param name="Wards">One row per ward and level.</param>
/// <param name="Schools">One row per school and level.</param>
/// <param name="Catchment">Whether classes came from the catchment method.</param>
public sealed record TeachersRun(IReadOnlyList<TeacherRow> Wards, IReadOnlyList<TeacherRow> Schools, bool Catchment);
