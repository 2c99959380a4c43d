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

    /// <summary>The norms this run read that are marked unconfirmed, so outputs can say so.</summary>
    public IReadOnlyList<NormValue> UnconfirmedNormsUsed()
    {
        var prefixes = new List<string> { "class_cap.", "enrolment_rate.", "age_share.", "places_per_1000.", "subject_rooms_required." };
        prefixes.Add(Options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.");
        return [.. Norms.Values.Where(v => v.IsUnconfirmed
            && prefixes.Exists(p => v.Key.StartsWith(p, StringComparison.Ordinal))
            && Options.Levels.Any(l => v.Key.EndsWith("." + l, StringComparison.Ordinal)))];
    }
}
