using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Proposals;

/// <summary>
/// Schools, classes, classrooms and land an urban-area project needs per level, by the norms, in decimal
/// arithmetic (hand-checkable). docs/sites.md, "Needs".
/// </summary>
/// <remarks>
/// pupils = ⌈residents × places_per_1000 ÷ 1000⌉ (the planning ratio QCVN 01 gives for new residential areas, as the
/// deficit engines place growth pupils); classes = ⌈pupils ÷ class_cap⌉; classrooms = ⌈classes × room ratio⌉;
/// schools = ⌈classes ÷ max_classes⌉, at least 1; land = max(pupils × m² per pupil, schools × minimum site), the
/// minimum site being min_classes × class_cap × m² per pupil. POLICY, as in the screening: the reduced urban land
/// norm applies when the project lies mostly in a phường.
/// </remarks>
public static class NeedsCalculator
{
    /// <summary>Norm key prefixes the needs read (with the level appended).</summary>
    public static readonly IReadOnlyList<string> KeyPrefixes =
        ["places_per_1000.", "class_cap.", "max_classes.", "min_classes.", "land_per_pupil_m2.", "land_per_pupil_urban_m2."];

    /// <summary>Computes the needs of <paramref name="area"/> in <paramref name="year"/>.</summary>
    /// <param name="city">The city (to tell whether the project lies mostly in a phường).</param>
    /// <param name="area">The urban-area project.</param>
    /// <param name="norms">Norms.</param>
    /// <param name="year">Year; residents are phased in linearly from the start to the completion year.</param>
    /// <param name="levels">Levels, in the order wanted.</param>
    /// <param name="twoSessions">Two sessions a day: one room per class.</param>
    public static ProjectNeeds Compute(CityModel city, GrowthArea area, NormsSet norms, int year, IReadOnlyList<string> levels, bool twoSessions = false)
    {
        var urban = IsUrban(city, area);
        var residents = area.Residents * area.Phase(year);
        var rows = levels.Select(l => Level(norms, l, residents, urban, twoSessions)).ToList();
        return new ProjectNeeds(area, year, residents, urban, rows);
    }

    /// <summary>One level's needs for <paramref name="residents"/>.</summary>
    public static LevelNeeds Level(NormsSet norms, string level, decimal residents, bool urban, bool twoSessions)
    {
        var pupils = (long)Math.Ceiling(residents * norms[$"places_per_1000.{level}"] / 1000m);
        var cap = (long)norms[$"class_cap.{level}"];
        var classes = (pupils + cap - 1) / cap;
        var ratio = norms[(twoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level];
        var rooms = (long)Math.Ceiling(classes * ratio);
        var max = (long)norms[$"max_classes.{level}"];
        var min = (long)norms[$"min_classes.{level}"];
        var schools = classes == 0 ? 0 : (int)Math.Max(1, (classes + max - 1) / max);
        var perPupil = urban && norms.Contains($"land_per_pupil_urban_m2.{level}") ? norms[$"land_per_pupil_urban_m2.{level}"] : norms[$"land_per_pupil_m2.{level}"];
        var minSite = min * cap * perPupil;
        var land = Math.Max(pupils * perPupil, schools * minSite);
        return new LevelNeeds(level, pupils, classes, rooms, schools, perPupil, minSite, land)
        {
            BelowMinimumSize = schools > 0 && classes < min,
        };
    }

    /// <summary>Whether the larger part of the project lies in phường (by area share over the wards it overlaps).</summary>
    public static bool IsUrban(CityModel city, GrowthArea area)
    {
        var shares = new GrowthShares(CityModel.Of(city.MetricCrs, city.Wards, [], [area]));
        var types = city.Wards.ToDictionary(w => w.Code, w => w.UnitType, StringComparer.Ordinal);
        return shares.Of(area).Where(s => types[s.WardCode] == "phuong").Sum(s => s.Share) > 0.5m;
    }
}
