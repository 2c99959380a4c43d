using Facilities.Core.Model;

namespace Facilities.Core.Proposals;

/// <summary>An urban-area project's needs per level and its reserved school land set against them.</summary>
/// <param name="Area">The project.</param>
/// <param name="Year">Year the needs are for (residents phased in by then).</param>
/// <param name="Residents">Residents in <paramref name="Year"/>: planned population × phase.</param>
/// <param name="Urban">Whether the project lies mostly in a phường (urban land norm and radius).</param>
/// <param name="Levels">Needs per level, in schema order.</param>
public sealed record ProjectNeeds(GrowthArea Area, int Year, decimal Residents, bool Urban, IReadOnlyList<LevelNeeds> Levels)
{
    /// <summary>Land needed over the levels, m².</summary>
    public decimal LandM2 => Levels.Sum(l => l.LandM2);

    /// <summary>Land reserved for schools by the project, m² (null when the data does not say).</summary>
    public decimal? ReservedM2 => Area.ReservedSchoolLandM2 is double r ? (decimal)r : null;

    /// <summary>Reserved minus needed, m²: positive a surplus, negative a shortfall (null when nothing is stated).</summary>
    public decimal? BalanceM2 => ReservedM2 - LandM2;
}
