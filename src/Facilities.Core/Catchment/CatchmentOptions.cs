namespace Facilities.Core.Catchment;

/// <summary>Parameters of the catchment method (docs/deficit.md), all written into the stamp.</summary>
public sealed record CatchmentOptions
{
    /// <summary>Spacing of the demand grid laid over each ward, in metres.</summary>
    public double GridSpacingMetres { get; init; } = 250;

    /// <summary>No school receives more pupils than its capacity; the rest stay unserved.</summary>
    public bool CapacityLimited { get; init; }

    /// <summary>Rounds of re-allocating pupils a full school turned away (capacity-limited only).</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>Where people live, to weight the demand grid; null spreads each ward's pupils evenly over its nodes.</summary>
    public SettlementPoints? Settlement { get; init; }

    /// <summary>
    /// Demand = the pupils the schools of each ward enrol today, not the projected residents: the calibration run,
    /// whose school loads should come close to each school's own enrolment.
    /// </summary>
    public bool DemandFromEnrolment { get; init; }

    /// <summary>The demand weighting, as the stamp names it: <c>uniform</c> or the settlement's source.</summary>
    public string Weighting => Settlement?.Source ?? "uniform";

    /// <summary>Options as key=value text.</summary>
    public string Describe() => System.FormattableString.Invariant(
        $"grid_m={GridSpacingMetres}; capacity_limited={(CapacityLimited ? "yes" : "no")}; demand_weighting={Weighting}; decay=gaussian(d0=service radius by ward type); beyond_reach=nearest school")
        + (DemandFromEnrolment ? "; demand=enrolment" : "");
}
