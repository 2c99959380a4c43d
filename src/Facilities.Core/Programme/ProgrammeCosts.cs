using Facilities.Core.Norms;

namespace Facilities.Core.Programme;

/// <summary>
/// Unit costs and construction times from the norms' <c>cost.*</c> section (docs/programme.md, "Costs"): floor per
/// classroom and VND per m² of floor by level (the Ministry of Construction's published unit investment rates), VND
/// per m² of land that is not state land, and the size from which construction takes two years.
/// </summary>
/// <param name="Norms">Norms (recording, so the stamp lists the unconfirmed costs read).</param>
public sealed record ProgrammeCosts(NormsSet Norms)
{
    /// <summary>The norm keys this model reads for <paramref name="level"/>.</summary>
    public static IReadOnlyList<string> Keys(string level) =>
        [$"cost.floor_m2_per_classroom.{level}", $"cost.vnd_per_m2_floor.{level}", "cost.land_vnd_per_m2", "cost.two_year_build_classrooms"];

    /// <summary>Construction cost of <paramref name="classrooms"/> classrooms: classrooms × floor per classroom × VND per m² of floor.</summary>
    public decimal Construction(string level, int classrooms) =>
        classrooms * Norms[$"cost.floor_m2_per_classroom.{level}"] * Norms[$"cost.vnd_per_m2_floor.{level}"];

    /// <summary>Land cost: the area × VND per m² unless the land is the State's already (owner_type "state").</summary>
    public decimal Land(double landM2, string ownerType) => ownerType == "state" ? 0 : (decimal)landM2 * Norms["cost.land_vnd_per_m2"];

    /// <summary>Construction years: 2 from the norm's number of classrooms on, 1 below it.</summary>
    public int BuildYears(int classrooms) => classrooms >= Norms["cost.two_year_build_classrooms"] ? 2 : 1;
}
