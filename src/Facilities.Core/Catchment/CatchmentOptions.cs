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

    /// <summary>Options as key=value text.</summary>
    public string Describe() => System.FormattableString.Invariant(
        $"grid_m={GridSpacingMetres}; capacity_limited={(CapacityLimited ? "yes" : "no")}; decay=gaussian(d0=service radius)");
}
