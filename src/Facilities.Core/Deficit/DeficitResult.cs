using Facilities.Core.Norms;

namespace Facilities.Core.Deficit;

/// <summary>Rows of a deficit run, with the options and norms that made them.</summary>
/// <param name="Options">Run options.</param>
/// <param name="Norms">Norms used.</param>
/// <param name="Rows">One row per ward and level.</param>
public sealed record DeficitResult(DeficitOptions Options, NormsSet Norms, IReadOnlyList<DeficitRow> Rows)
{
    /// <summary>Totals per level: pupils, classes, rooms needed and available, net deficit and gross shortage.</summary>
    public IReadOnlyList<DeficitTotal> TotalsByLevel() =>
        [.. Options.Levels.Select(l => DeficitTotal.Of(l, Rows.Where(r => r.Level == l)))];

    /// <summary>City total over every level.</summary>
    public DeficitTotal CityTotal() => DeficitTotal.Of("all", Rows);

    /// <summary>One warning per level with wards that have no school of the level in the data (their shortage may be missing data).</summary>
    public IReadOnlyList<Validation.LocalizedText> MissingSchoolDataWarnings() => SchoolDataStatus.Warnings(
        Rows.Where(r => r.SchoolsInData == 0).Select(r => (r.Level, r.WardCode)),
        SchoolDataStatus.ShortageMayBeMissingData.Vi, SchoolDataStatus.ShortageMayBeMissingData.En);

    /// <summary>The norms this run read that are marked unconfirmed, so outputs can say so.</summary>
    public IReadOnlyList<NormValue> UnconfirmedNormsUsed()
    {
        var used = new List<string>();
        foreach (var level in Options.Levels)
        {
            var rows = Rows.Where(r => r.Level == level).ToList();
            used.Add($"class_cap.{level}");
            used.Add($"enrolment_rate.{level}");
            used.Add((Options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level);
            used.Add($"subject_rooms_required.{level}");
            if (rows.Exists(r => r.ResidentsSource == "age_share"))
            {
                used.Add($"age_share.{level}");
            }

            if (rows.Exists(r => r.UrbanAreaPupils != 0 || r.IndustrialZonePupils != 0))
            {
                used.Add($"places_per_1000.{level}");
            }
        }

        if (Rows.Any(r => r.IndustrialZonePupils != 0))
        {
            used.Add("dependants_per_worker");
        }

        return [.. Norms.Values.Where(v => v.IsUnconfirmed && used.Contains(v.Key))];
    }
}
