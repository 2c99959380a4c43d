using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Deficit;

/// <summary>
/// The administrative method: the official, exact, per-ward classroom balance (docs/deficit.md).
/// </summary>
/// <remarks>
/// For ward w, level l, year y:
/// P = residents(l, w) × enrolment(l) + Σ growth residents × phase(y) × places per 1,000(l) ÷ 1,000 × area share;
/// C = ceil(P ÷ class cap(l)); R = ceil(C × room ratio(l)); A = classrooms of level-l schools in w; D = R − A.
/// Class caps: Circular 28/2020 and 32/2020; room ratios: Circular 13/2020 (0.6 at THCS/THPT), MOET 4555 (two
/// sessions: 1.0); places per 1,000: QCVN 01:2021/BXD. Every value comes from the <see cref="NormsSet"/>.
/// Arithmetic is decimal so 5 × 0.6 is exactly 3 and ceil never rounds a float error up.
/// </remarks>
public static class AdminDeficitCalculator
{
    /// <summary>Computes one row per ward and level, in ward-code then level order.</summary>
    public static DeficitResult Compute(CityModel city, NormsSet norms, DeficitOptions options)
    {
        var shares = new GrowthShares(city);
        var growthPupils = new Dictionary<(string Ward, string Kind), decimal>();
        var rows = new List<DeficitRow>(city.Wards.Count * options.Levels.Count);
        var coverage = SchoolDataCoverage.Of(city);
        foreach (var level in options.Levels)
        {
            growthPupils.Clear();
            foreach (var g in city.Growth)
            {
                var pupils = GrowthPupils(norms, g, level, options.Year);
                foreach (var (ward, share) in shares.Of(g))
                {
                    growthPupils[(ward, g.Kind)] = growthPupils.GetValueOrDefault((ward, g.Kind)) + (pupils * share);
                }
            }

            // With preschool caps by age the classes come from the caps of the age groups (PreschoolClassesByAge reads
            // them); the single cap is still shown in the row, but the result does not depend on it, so it is not recorded.
            var byAge = level == "mam_non" && options.PreschoolByAge;
            var cap = (int)(byAge ? norms.Unrecorded : norms)[$"class_cap.{level}"];
            var ratio = norms[(options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level];
            var enrolment = norms[$"enrolment_rate.{level}"];
            var subjectNorm = (long)norms[$"subject_rooms_required.{level}"];
            var schoolsByWard = city.Schools.Where(s => s.Level == level && (!options.PublicOnly || s.IsPublic))
                .GroupBy(s => s.WardCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var w in city.Wards)
            {
                var fromData = w.SchoolAgeResidents.TryGetValue(level, out var counted);
                // Read only where a ward has no count of its own, so a stamp lists the share only when a result used it.
                var residents = fromData ? counted : w.Population * norms[$"age_share.{level}"];
                var resident = residents * enrolment;
                var urban = growthPupils.GetValueOrDefault((w.Code, "urban_area"));
                var industrial = growthPupils.GetValueOrDefault((w.Code, "industrial_zone"));
                var pupils = (long)Math.Round(resident + urban + industrial, MidpointRounding.AwayFromZero);
                var classes = byAge ? PreschoolClassesByAge(pupils, norms) : (pupils + cap - 1) / cap;
                var rooms = (long)Math.Ceiling(classes * ratio);
                var schools = schoolsByWard.GetValueOrDefault(w.Code) ?? [];
                rows.Add(new DeficitRow
                {
                    WardCode = w.Code,
                    WardName = w.Name,
                    UnitType = w.UnitType,
                    Level = level,
                    Year = options.Year,
                    SchoolAgeResidents = residents,
                    ResidentsSource = fromData ? "data" : "age_share",
                    ResidentPupils = resident,
                    UrbanAreaPupils = urban,
                    IndustrialZonePupils = industrial,
                    Pupils = pupils,
                    ClassCap = cap,
                    ClassesNeeded = classes,
                    RoomRatio = ratio,
                    RoomsNeeded = rooms,
                    RoomsAvailable = schools.Sum(s => s.Classrooms),
                    Schools = schools.Count,
                    // POLICY: a school whose subject rooms are unknown stays unknown; it is counted, not guessed as zero.
                    SubjectRoomsRequired = subjectNorm * schools.Count(s => s.SubjectRooms is not null),
                    SubjectRoomsAvailable = schools.Sum(s => s.SubjectRooms ?? 0),
                    SubjectRoomsDeficit = schools.Where(s => s.SubjectRooms is long).Sum(s => Math.Max(0, subjectNorm - s.SubjectRooms!.Value)),
                    SubjectRoomsUnknown = schools.Count(s => s.SubjectRooms is null),
                    SchoolsInData = coverage.SchoolsInData(w.Code, level),
                });
            }
        }

        return new DeficitResult(options, norms,
            [.. rows.OrderBy(r => r.WardCode, StringComparer.Ordinal).ThenBy(r => Schema.DatasetSchema.Levels.ToList().IndexOf(r.Level))]);
    }

    /// <summary>
    /// Pupils a growth area adds at <paramref name="level"/> in <paramref name="year"/>: residents × phase × places per
    /// 1,000. The places norm (and, for an industrial zone, the dependants per worker the city turned its workers into
    /// residents with) is recorded as read only when the area adds pupils, so a stamp lists them only when a result
    /// depends on them; the arithmetic is the same either way (a decimal zero keeps the scale of its factors).
    /// </summary>
    public static decimal GrowthPupils(NormsSet norms, GrowthArea g, string level, int year)
    {
        var basis = g.Residents * g.Phase(year);
        var read = basis == 0 ? norms.Unrecorded : norms;
        var pupils = basis * read[$"places_per_1000.{level}"] / 1000m;
        if (pupils != 0 && g.Kind == "industrial_zone")
        {
            _ = norms.Get("dependants_per_worker");
        }

        return pupils;
    }

    /// <summary>
    /// Groups for preschool children split equally over ages 3–4, 4–5 and 5–6 (the remainder to the youngest groups),
    /// each group with its own cap: Σ ceil(children of the age ÷ cap of the age).
    /// </summary>
    /// <remarks>ASSUMPTION: equal thirds; a province with cohort data can give pop_mam_non per age in a later version.</remarks>
    public static long PreschoolClassesByAge(long children, NormsSet norms)
    {
        string[] ages = ["age_3_4", "age_4_5", "age_5_6"];
        long classes = 0;
        for (var i = 0; i < ages.Length; i++)
        {
            var group = (children / 3) + (i < children % 3 ? 1 : 0);
            var cap = (long)norms[$"class_cap.mam_non.{ages[i]}"];
            classes += (group + cap - 1) / cap;
        }

        return classes;
    }
}
