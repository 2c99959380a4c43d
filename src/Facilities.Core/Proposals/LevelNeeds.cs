namespace Facilities.Core.Proposals;

/// <summary>What an urban-area project needs at one level, by the norms (docs/sites.md, "Needs").</summary>
/// <param name="Level">mam_non, tieu_hoc, thcs or thpt.</param>
/// <param name="Pupils">Pupils: residents × places per 1,000 ÷ 1,000, rounded up to whole pupils.</param>
/// <param name="Classes">Classes: pupils ÷ class cap, rounded up.</param>
/// <param name="Classrooms">Classrooms: classes × rooms per class, rounded up.</param>
/// <param name="Schools">Schools: classes ÷ the largest school's classes, rounded up (at least 1 when there are pupils).</param>
/// <param name="LandPerPupilM2">m² of site per pupil applied (the reduced urban value in a phường).</param>
/// <param name="MinSiteM2">Smallest school site: minimum classes × class cap × m² per pupil.</param>
/// <param name="LandM2">Land: pupils × m² per pupil, but at least one minimum site per school.</param>
public sealed record LevelNeeds(
    string Level, long Pupils, long Classes, long Classrooms, int Schools, decimal LandPerPupilM2, decimal MinSiteM2, decimal LandM2)
{
    /// <summary>Classes per school when the classes are shared evenly (0 without schools).</summary>
    public decimal ClassesPerSchool => Schools == 0 ? 0 : Math.Round((decimal)Classes / Schools, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Land for one school when the land is shared evenly (0 without schools): a site smaller than this cannot hold
    /// the school the proposal counts on, even though it passed the screening's minimum-size test.
    /// </summary>
    public decimal LandPerSchoolM2 => Schools == 0 ? 0 : Math.Round(LandM2 / Schools, 0, MidpointRounding.AwayFromZero);

    /// <summary>Whether even one school would have fewer classes than the norm's minimum.</summary>
    public bool BelowMinimumSize { get; init; }
}
