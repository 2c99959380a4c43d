namespace Facilities.Core.Catchment;

/// <summary>One school's load under the catchment method.</summary>
/// <param name="Id">School id.</param>
/// <param name="Name">Name.</param>
/// <param name="Level">Level.</param>
/// <param name="WardCode">Ward the school lies in.</param>
/// <param name="Classrooms">Classrooms.</param>
/// <param name="Capacity">Pupils it can seat: classrooms ÷ room ratio × class cap.</param>
/// <param name="Load">Pupils allocated to it.</param>
public sealed record CatchmentSchoolRow(string Id, string Name, string Level, string WardCode, long Classrooms, double Capacity, double Load)
{
    /// <summary>Load ÷ capacity (above 1: over capacity; 0 when it has no capacity).</summary>
    public double LoadRatio => Capacity > 0 ? Load / Capacity : 0;
}
