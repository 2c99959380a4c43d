namespace Facilities.Core.Programme;

/// <summary>The unmet need of one ward at one level in one year before the programme.</summary>
/// <param name="WardCode">Ward.</param>
/// <param name="Level">Level.</param>
/// <param name="Year">School year.</param>
/// <param name="ShortagePupils">Pupils without a place: max(0, pupils − classrooms × pupils per classroom).</param>
/// <param name="PupilsPerClassroom">Places one classroom adds: class cap ÷ rooms per class.</param>
public sealed record NeedCell(string WardCode, string Level, int Year, double ShortagePupils, double PupilsPerClassroom);
