using System.Globalization;
using Facilities.Core.Optimisation;

namespace Facilities.Core.Proposals;

/// <summary>Options of a site proposal for an urban-area project; all of them go into the stamp.</summary>
/// <param name="Year">Year of the needs and of the demand grid (residents phased in by then).</param>
public sealed record ProposalOptions(int Year)
{
    /// <summary>Levels to propose for, in this order (a parcel chosen for one level is not offered to the next).</summary>
    public IReadOnlyList<string> Levels { get; init; } = Schema.DatasetSchema.Levels;

    /// <summary>The model whose solution becomes the proposal; the other is reported beside it.</summary>
    public SitingModel Model { get; init; } = SitingModel.MaximalCovering;

    /// <summary>Two sessions a day: one room per class.</summary>
    public bool TwoSessions { get; init; }

    /// <summary>Count only public schools in the catchment that says which pupils are unserved.</summary>
    public bool PublicOnly { get; init; }

    /// <summary>Accept household residential plots as candidates (the screening's --allow-residential).</summary>
    public bool AllowResidential { get; init; }

    /// <summary>
    /// Weigh demand points by the pupils no existing school has room for (catchment method, capacity-limited)
    /// instead of all pupils.
    /// </summary>
    public bool UnservedOnly { get; init; }

    /// <summary>
    /// Solve the levels jointly (one covering model in which they share the candidate sites) when there are several
    /// levels and the model is covering; off: one level after another, a parcel chosen for one level not offered to
    /// the next. The other way is always computed as the comparison.
    /// </summary>
    public bool Joint { get; init; } = true;

    /// <summary>Let the joint model place combined schools (<see cref="CombinedSchools.Allowed"/>) on sites large enough.</summary>
    public bool AllowCombined { get; init; } = true;

    /// <summary>Spacing of the demand grid, m.</summary>
    public double GridSpacingMetres { get; init; } = 250;

    /// <summary>Limits of the exact solver.</summary>
    public SolverLimits Limits { get; init; } = new();

    /// <summary>Options as stable key=value text for the stamp.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"year={Year}; levels={string.Join(",", Levels)}; model={ModelName(Model)}; two_sessions={YesNo(TwoSessions)}; public_only={YesNo(PublicOnly)}; " +
        $"allow_residential={YesNo(AllowResidential)}; demand={(UnservedOnly ? "unserved" : "all")}; grid_m={GridSpacingMetres}; joint={YesNo(Joint)}; combined={YesNo(AllowCombined)}; {Limits.Describe()}");

    /// <summary>The model's name on the command line and in stamps: covering or median.</summary>
    public static string ModelName(SitingModel model) => model == SitingModel.MaximalCovering ? "covering" : "median";

    private static string YesNo(bool b) => b ? "yes" : "no";
}
