using System.Globalization;
using Facilities.Core.Compliance;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Proposals;
using Facilities.Core.Screening;

namespace Facilities.Core.Programme;

/// <summary>The actions a programme may choose, from the screening, the compliance check and the urban-area projects.</summary>
public static class ProgrammeCandidates
{
    /// <summary>
    /// Size options of a new school of <paramref name="level"/> on a screened site: the norm's smallest, middle and
    /// largest school (min_classes, their mean, max_classes), each as classrooms = ⌈classes × rooms per class⌉, land =
    /// classes × class cap × m² per pupil; an option whose land exceeds the site is left out. The options of a site
    /// share its group (one school per site, whatever its level).
    /// </summary>
    public static IEnumerable<ProgrammeAction> NewSchools(CandidateSite site, string level, NormsSet norms, ProgrammeCosts costs, LandReadiness land, bool twoSessions)
    {
        var min = (int)norms[$"min_classes.{level}"];
        var max = (int)norms[$"max_classes.{level}"];
        var cap = norms[$"class_cap.{level}"];
        var ratio = norms[(twoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level];
        var urban = site.UnitType == "phuong";
        var perPupil = urban && norms.Contains($"land_per_pupil_urban_m2.{level}") ? norms[$"land_per_pupil_urban_m2.{level}"] : norms[$"land_per_pupil_m2.{level}"];
        foreach (var classes in new[] { min, (min + max) / 2, max }.Distinct())
        {
            var rooms = (int)Math.Ceiling(classes * ratio);
            var landM2 = (double)(classes * cap * perPupil);
            if (rooms <= 0 || landM2 > site.AreaM2)
            {
                continue;
            }
            yield return new ProgrammeAction(
                string.Create(CultureInfo.InvariantCulture, $"new:{site.Id}:{level}:{classes}"), ActionKind.NewSchool,
                string.Create(CultureInfo.InvariantCulture, $"Trường mới {classes} lớp, {site.WardName} / new school, {classes} classes"),
                site.WardCode, level, rooms, costs.Construction(level, rooms) + costs.Land(landM2, site.OwnerType), landM2,
                land.EarliestStart, costs.BuildYears(rooms))
            {
                Group = "site:" + site.Id,
                LandStatus = land.Status + (site.OwnerType == "state" ? "" : "; đất không thuộc Nhà nước / land not the State's"),
                LandOverdue = land.Overdue,
                Location = site.Geometry.InteriorPoint,
            };
        }
    }

    /// <summary>
    /// An extension of a school within its land headroom: the site's surplus over the norm (site_area check,
    /// actual − required) ÷ m² per pupil gives the extra pupils, ÷ pupils per classroom the classrooms (rounded down),
    /// but not beyond the norm's largest school. No extension when the site area is unknown or short.
    /// </summary>
    public static ProgrammeAction? Extension(SchoolSite school, ComplianceRow check, NormsSet norms, ProgrammeCosts costs, LandReadiness land, bool twoSessions)
    {
        var site = check["site_area"];
        if (site.Gap is not double gap || gap <= 0)
        {
            return null;
        }
        var level = school.Level;
        var cap = norms[$"class_cap.{level}"];
        var ratio = norms[(twoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level];
        var perPupil = (double)norms[site.NormKey];
        var perRoom = (double)(cap / ratio);
        var byLand = (int)Math.Floor(gap / perPupil / perRoom);
        var bySize = (int)Math.Ceiling(norms[$"max_classes.{level}"] * ratio) - (int)school.Classrooms;
        var rooms = Math.Min(byLand, bySize);
        if (rooms <= 0)
        {
            return null;
        }
        return new ProgrammeAction(
            $"ext:{school.Id}:{level}", ActionKind.Extension,
            string.Create(CultureInfo.InvariantCulture, $"Mở rộng {school.Name} (+{rooms} phòng) / extension, +{rooms} rooms"),
            school.WardCode, level, rooms, costs.Construction(level, rooms), 0, land.EarliestStart, costs.BuildYears(rooms))
        {
            LandStatus = land.Status,
            LandOverdue = land.Overdue,
            Location = school.Location,
        };
    }

    /// <summary>
    /// Rebuilding a school's temporary and degraded rooms (fields temporary_rooms, degraded_rooms) as standard
    /// classrooms: the programme does not count those rooms as places (docs/programme.md, "Temporary and degraded
    /// rooms"), so rebuilding them adds them back; its cost is new construction of as many classrooms (demolition is
    /// not counted), on the school's own land, so it starts when the school's land does. Null when there is nothing to
    /// replace.
    /// </summary>
    public static ProgrammeAction? Replacement(SchoolSite school, long rooms, ProgrammeCosts costs, LandReadiness land)
    {
        var n = (int)Math.Min(rooms, school.Classrooms);
        if (n <= 0)
        {
            return null;
        }
        return new ProgrammeAction(
            $"replace:{school.Id}:{school.Level}", ActionKind.Replacement,
            string.Create(CultureInfo.InvariantCulture, $"Xây thay {n} phòng học tạm/xuống cấp, {school.Name} / rebuild {n} temporary or degraded rooms"),
            school.WardCode, school.Level, n, costs.Construction(school.Level, n), 0, land.EarliestStart, costs.BuildYears(n))
        {
            LandStatus = land.Status,
            LandOverdue = land.Overdue,
            Location = school.Location,
        };
    }

    /// <summary>
    /// The schools an urban-area project's investor must build and hand over, one action per level with the project's
    /// own need at completion (NeedsCalculator), handed over in the first year half its residents live there (the
    /// usual phasing of a project's social infrastructure; POLICY, docs/programme.md), in the ward holding the
    /// project's centre. Only projects that reserve school land are counted on.
    /// </summary>
    public static IEnumerable<ProgrammeAction> Handovers(CityModel city, GrowthArea area, NormsSet norms, IReadOnlyList<string> levels, int toYear, bool twoSessions)
    {
        if (area.Kind != "urban_area" || area.ReservedSchoolLandM2 is not > 0 || area.StartYear is not int start)
        {
            yield break;
        }
        var year = Enumerable.Range(start, Math.Max(1, (area.CompletionYear ?? start) - start + 1)).FirstOrDefault(y => area.Phase(y) >= 0.5m, area.CompletionYear ?? start);
        var centre = area.Area.InteriorPoint;
        var ward = city.Wards.FirstOrDefault(w => w.Area.Contains(centre))?.Code ?? "";
        if (year > toYear || ward.Length == 0)
        {
            yield break;
        }
        var needs = NeedsCalculator.Compute(city, area, norms, area.CompletionYear ?? start, levels, twoSessions);
        foreach (var n in needs.Levels.Where(n => n.Classrooms > 0))
        {
            yield return new ProgrammeAction(
                $"handover:{area.Id}:{n.Level}", ActionKind.Handover,
                string.Create(CultureInfo.InvariantCulture, $"Trường của dự án {area.Name} (chủ đầu tư bàn giao) / investor's school, {area.Name}"),
                ward, n.Level, (int)n.Classrooms, 0, (double)n.LandM2, year, 0)
            {
                LandStatus = "đất dự án dành cho trường / school land reserved by the project",
                Location = centre,
                NeedSource = "dự án đô thị / urban-area project",
            };
        }
    }
}
