using NetTopologySuite.Geometries;

namespace Facilities.Core.Model;

/// <summary>
/// A place that brings new residents over time: a new urban area (its planned population) or an industrial zone
/// (its worker housing). Geometry in the metric CRS.
/// </summary>
/// <param name="Kind">"urban_area" or "industrial_zone".</param>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Residents">Residents at completion.</param>
/// <param name="StartYear">First year residents move in (null: already there).</param>
/// <param name="CompletionYear">Year all residents are there (null: already there).</param>
/// <param name="Area">Boundary in the metric CRS.</param>
public sealed record GrowthArea(string Kind, string Id, string Name, decimal Residents, int? StartYear, int? CompletionYear, Geometry Area)
{
    /// <summary>Land the urban-area project reserves for schools, m² (reserved_school_land_m2), when stated.</summary>
    public double? ReservedSchoolLandM2 { get; init; }

    /// <summary>
    /// Share of residents present in <paramref name="year"/>: 0 before the start year, 1 from the completion year,
    /// linear in between. Without a start year, 1; with a start year only, 0 before it and 1 from it.
    /// </summary>
    public decimal Phase(int year)
    {
        if (StartYear is not int start)
        {
            return 1m;
        }

        // With a start year only, everyone arrives in that year.
        var end = CompletionYear ?? start;
        if (year < start)
        {
            return 0m;
        }

        if (year >= end || end <= start)
        {
            return 1m;
        }

        return (decimal)(year - start) / (end - start);
    }
}
