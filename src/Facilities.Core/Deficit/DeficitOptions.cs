namespace Facilities.Core.Deficit;

/// <summary>Options of a deficit run; all of them are written into the result's stamp.</summary>
/// <param name="Year">Target year: urban areas and zones are phased to it.</param>
public sealed record DeficitOptions(int Year)
{
    /// <summary>Levels to compute (all four by default).</summary>
    public IReadOnlyList<string> Levels { get; init; } = Schema.DatasetSchema.Levels;

    /// <summary>Two sessions a day: one room per class at every level (MOET letter 4555/BGDĐT-GDPT, 2025).</summary>
    public bool TwoSessions { get; init; }

    /// <summary>Count only public schools' classrooms as available.</summary>
    public bool PublicOnly { get; init; }

    /// <summary>
    /// Preschool classes per age group (3–4, 4–5, 5–6 years, caps 25 / 30 / 35 from Circular 52/2020 Art. 15(1)) instead
    /// of one cap for all children; the children are split equally over the three groups.
    /// </summary>
    public bool PreschoolByAge { get; init; }

    /// <summary>"admin" (per ward) or "catchment" (E2SFCA across ward lines).</summary>
    public string Method { get; init; } = "admin";

    /// <summary>Options as stable key=value text for the stamp.</summary>
    public string Describe() =>
        $"method={Method}; year={Year}; levels={string.Join(",", Levels)}; two_sessions={(TwoSessions ? "yes" : "no")}; public_only={(PublicOnly ? "yes" : "no")}" + (PreschoolByAge ? "; preschool_by_age=yes" : "");
}
