namespace Facilities.Core.Programme;

/// <summary>
/// The unmet need of one ward at one level in one year before the programme; under the catchment method, of one
/// group of demand points of the ward that the same candidate actions can reach (<see cref="ServedBy"/>).
/// </summary>
/// <param name="WardCode">Ward.</param>
/// <param name="Level">Level.</param>
/// <param name="Year">School year.</param>
/// <param name="ShortagePupils">Pupils without a place: max(0, pupils − classrooms × pupils per classroom).</param>
/// <param name="PupilsPerClassroom">Places one classroom adds: class cap ÷ rooms per class.</param>
public sealed record NeedCell(string WardCode, string Level, int Year, double ShortagePupils, double PupilsPerClassroom)
{
    /// <summary>
    /// Catchment method: the ids of the actions whose site lies within the service radius of this cell's pupils (their
    /// new places may seat them, shared with the other cells they reach); null under the admin method, where an action
    /// seats its own ward's pupils of its level only.
    /// </summary>
    public IReadOnlyList<string>? ServedBy { get; init; }
}
