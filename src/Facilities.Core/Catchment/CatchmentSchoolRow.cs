namespace Facilities.Core.Catchment;

/// <summary>One school under the catchment method: the pupils the model sends it, beside the pupils it enrols.</summary>
/// <param name="Id">School id.</param>
/// <param name="Name">Name.</param>
/// <param name="Level">Level.</param>
/// <param name="WardCode">Ward the school lies in.</param>
/// <param name="Classrooms">Classrooms.</param>
/// <param name="Capacity">Pupils it can seat: classrooms ÷ room ratio × class cap.</param>
/// <param name="Allocated">Pupils the catchment model allocates to it (within reach, plus those beyond reach whose nearest school it is).</param>
/// <param name="Pupils">Pupils it enrols according to the data; null when the data does not say.</param>
public sealed record CatchmentSchoolRow(string Id, string Name, string Level, string WardCode, long Classrooms, double Capacity, double Allocated, long? Pupils = null)
{
    /// <summary>Allocated ÷ capacity (above 1: the model sends it more pupils than it seats; 0 when it has no capacity).</summary>
    public double AllocatedRatio => Capacity > 0 ? Allocated / Capacity : 0;

    /// <summary>Enrolled pupils ÷ capacity, the same <c>load_ratio</c> as everywhere else; null when pupils are unknown or it has no seats.</summary>
    public double? LoadRatio => SchoolCapacity.LoadRatio(Pupils, Capacity);
}
