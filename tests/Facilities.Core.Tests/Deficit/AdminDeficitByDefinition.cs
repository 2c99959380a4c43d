using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Schema;

namespace Facilities.Core.Tests.Deficit;

/// <summary>
/// The admin deficit written as its definition reads (docs/deficit.md): group the schools by ward for each level,
/// build the rows, sort them. This was <see cref="AdminDeficitCalculator.Compute"/> until the one-pass version
/// replaced it for speed at national scale; it is kept here as the oracle the fast version must equal row for row.
/// </summary>
internal static class AdminDeficitByDefinition
{
    /// <summary>The rows, one per ward and level, in ward-code then level order.</summary>
    public static IReadOnlyList<DeficitRow> Compute(CityModel city, NormsSet norms, DeficitOptions options)
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
                var pupils = AdminDeficitCalculator.GrowthPupils(norms, g, level, options.Year);
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
                var classes = byAge ? AdminDeficitCalculator.PreschoolClassesByAge(pupils, norms) : (pupils + cap - 1) / cap;
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

        return
            [.. rows.OrderBy(r => r.WardCode, StringComparer.Ordinal).ThenBy(r => DatasetSchema.Levels.ToList().IndexOf(r.Level))];
    }
}
