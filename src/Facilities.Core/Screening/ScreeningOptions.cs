using System.Globalization;

namespace Facilities.Core.Screening;

/// <summary>Options of a parcel screening run; all of them are written into the result's stamp.</summary>
/// <param name="Level">The school level sites are sought for.</param>
/// <param name="Year">Target year of the deficit and catchment the score reads.</param>
public sealed record ScreeningOptions(string Level, int Year)
{
    /// <summary>How many candidates to keep, best first (0: all).</summary>
    public int Top { get; init; } = 100;

    /// <summary>
    /// Also accept residential plots (ODT, ONT) of any owner. Off by default: a household's home is never proposed
    /// unless the city configures it.
    /// </summary>
    public bool AllowResidential { get; init; }

    /// <summary>
    /// Land-use codes of public land that may be converted to a school site; null takes the codes whose norm
    /// <c>screening.convertible.&lt;code&gt;</c> is 1. DGD (education land) is always allowed.
    /// </summary>
    public IReadOnlyList<string>? ConvertibleLandUses { get; init; }

    /// <summary>Weights of the soft score.</summary>
    public ScoreWeights Weights { get; init; } = ScoreWeights.Default;

    /// <summary>Propose groups of touching small state parcels that together reach the minimum area.</summary>
    public bool MergeAdjacent { get; init; } = true;

    /// <summary>Largest number of parcels a merged site may assemble; larger groups are not proposed.</summary>
    public int MaxMergeParcels { get; init; } = 10;

    /// <summary>Two sessions a day: one room per class in the deficit the score reads.</summary>
    public bool TwoSessions { get; init; }

    /// <summary>Count only public schools (deficit, catchment, nearest school).</summary>
    public bool PublicOnly { get; init; }

    /// <summary>Catchment: no school takes more pupils than its capacity, so turned-away pupils count as unserved.</summary>
    public bool CapacityLimited { get; init; }

    /// <summary>Spacing of the demand grid the score sums over, in metres.</summary>
    public double GridSpacingMetres { get; init; } = 250;

    /// <summary>Keep every rejected parcel with all the constraints it fails (slower: every test runs).</summary>
    public bool RecordRejections { get; init; }

    /// <summary>Options as stable key=value text for the stamp.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"level={Level}; year={Year}; top={Top}; allow_residential={YesNo(AllowResidential)}; convertible={(ConvertibleLandUses is null ? "norms" : string.Join(",", ConvertibleLandUses))}; " +
        $"merge={YesNo(MergeAdjacent)}; max_merge={MaxMergeParcels}; two_sessions={YesNo(TwoSessions)}; public_only={YesNo(PublicOnly)}; " +
        $"capacity_limited={YesNo(CapacityLimited)}; grid_m={GridSpacingMetres}; weights={Weights.Describe()}");

    private static string YesNo(bool b) => b ? "yes" : "no";
}
