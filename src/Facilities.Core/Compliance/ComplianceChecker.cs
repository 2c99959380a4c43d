using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Compliance;

/// <summary>
/// Checks every existing school against the facility norms of Circular 13/2020/TT-BGDĐT (as amended by Circular
/// 23/2024): site area per pupil, classrooms for its classes, subject rooms, play and sports ground, standard
/// toilets. Missing data gives "unknown", never a pass or a fail.
/// </summary>
/// <remarks>
/// POLICY: schools in a phường use the reduced urban land norm (land_per_pupil_urban_m2), schools in a xã or đặc khu
/// the general one; that split is our reading of "urban areas class III and above" (docs/norms.md §1.1).
/// </remarks>
public static class ComplianceChecker
{
    /// <summary>Check keys in output order.</summary>
    public static readonly IReadOnlyList<string> CheckNames = ["site_area", "classrooms", "subject_rooms", "sports_ground", "toilets"];

    /// <summary>One row per school of the levels given.</summary>
    /// <param name="city">The city.</param>
    /// <param name="norms">Norms.</param>
    /// <param name="levels">Levels to check.</param>
    /// <param name="twoSessions">Use the two-sessions room ratio (one room per class).</param>
    public static IReadOnlyList<ComplianceRow> Check(CityModel city, NormsSet norms, IReadOnlyList<string> levels, bool twoSessions = false)
    {
        var urbanWards = city.Wards.Where(w => w.UnitType == "phuong").Select(w => w.Code).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. city.Schools.Where(s => levels.Contains(s.Level)).Select(s => new ComplianceRow(s.Id, s.Name, s.Level, s.WardCode,
            [
                SiteArea(s, norms, urbanWards.Contains(s.WardCode)),
                Classrooms(s, norms, twoSessions),
                AtLeast("subject_rooms", s.SubjectRooms, norms, $"subject_rooms_required.{s.Level}", "rooms"),
                PerPupil("sports_ground", s.SportsGroundM2, s.Pupils, norms, $"sports_ground_m2_per_pupil.{s.Level}", "m²"),
                Toilets(s, norms),
            ])),
        ];
    }

    /// <summary>
    /// One warning per level with wards that have no school of the level in the data: nothing there was checked, which
    /// is not the same as nothing failing.
    /// </summary>
    public static IReadOnlyList<Validation.LocalizedText> MissingSchoolDataWarnings(CityModel city, IReadOnlyList<string> levels)
    {
        var coverage = Deficit.SchoolDataCoverage.Of(city);
        return Deficit.SchoolDataStatus.Warnings(
            levels.SelectMany(l => city.Wards.Where(w => coverage.SchoolsInData(w.Code, l) == 0).Select(w => (l, w.Code))),
            "không có trường nào ở đó để kiểm tra chuẩn cơ sở vật chất", "no school there could be checked against the facility norms");
    }

    private static ComplianceCheck SiteArea(SchoolSite s, NormsSet norms, bool urban)
    {
        var key = (urban ? "land_per_pupil_urban_m2." : "land_per_pupil_m2.") + s.Level;
        return PerPupil("site_area", s.SiteAreaM2, s.Pupils, norms, key, "m²");
    }

    private static ComplianceCheck Classrooms(SchoolSite s, NormsSet norms, bool twoSessions)
    {
        var key = (twoSessions ? "room_ratio_two_sessions." : "room_ratio.") + s.Level;
        if (s.Classes is not long classes)
        {
            return new ComplianceCheck("classrooms", CheckStatus.Unknown, s.Classrooms, null, "rooms", key);
        }

        var required = (double)Math.Ceiling(classes * norms[key]);
        return new ComplianceCheck("classrooms", s.Classrooms >= required ? CheckStatus.Pass : CheckStatus.Fail, s.Classrooms, required, "rooms", key);
    }

    private static ComplianceCheck Toilets(SchoolSite s, NormsSet norms)
    {
        var key = $"pupils_per_standard_toilet.{s.Level}";
        if (!Has(norms, key))
        {
            return new ComplianceCheck("toilets", CheckStatus.NotApplicable, s.StandardToilets, null, "toilets", key);
        }

        if (s.StandardToilets is not long toilets || s.Pupils is not long pupils)
        {
            return new ComplianceCheck("toilets", CheckStatus.Unknown, s.StandardToilets, null, "toilets", key);
        }

        var required = Math.Ceiling(pupils / (double)norms[key]);
        return new ComplianceCheck("toilets", toilets >= required ? CheckStatus.Pass : CheckStatus.Fail, toilets, required, "toilets", key);
    }

    private static ComplianceCheck AtLeast(string name, long? actual, NormsSet norms, string key, string unit)
    {
        var required = (double)norms[key];
        if (required <= 0)
        {
            return new ComplianceCheck(name, CheckStatus.NotApplicable, actual, null, unit, key);
        }

        return actual is long a
            ? new ComplianceCheck(name, a >= required ? CheckStatus.Pass : CheckStatus.Fail, a, required, unit, key)
            : new ComplianceCheck(name, CheckStatus.Unknown, null, required, unit, key);
    }

    private static ComplianceCheck PerPupil(string name, double? actual, long? pupils, NormsSet norms, string key, string unit)
    {
        if (!Has(norms, key))
        {
            return new ComplianceCheck(name, CheckStatus.NotApplicable, actual, null, unit, key);
        }

        if (actual is not double a || pupils is not long p)
        {
            return new ComplianceCheck(name, CheckStatus.Unknown, actual, pupils is long q ? q * (double)norms[key] : null, unit, key);
        }

        var required = p * (double)norms[key];
        return new ComplianceCheck(name, a >= required ? CheckStatus.Pass : CheckStatus.Fail, a, required, unit, key);
    }

    private static bool Has(NormsSet norms, string key) => norms.Contains(key);
}
