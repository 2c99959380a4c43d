using Facilities.Core.Deficit;
using Facilities.Core.Norms;

namespace Facilities.Core.Catchment;

/// <summary>Catchment rows per ward and per school, with what made them.</summary>
/// <param name="Options">Run options.</param>
/// <param name="Catchment">Catchment parameters.</param>
/// <param name="Norms">Norms used.</param>
/// <param name="Wards">One row per ward and level.</param>
/// <param name="Schools">One row per school and level.</param>
/// <param name="DemandPointCount">Number of demand points.</param>
public sealed record CatchmentResult(
    DeficitOptions Options, CatchmentOptions Catchment, NormsSet Norms, IReadOnlyList<CatchmentWardRow> Wards,
    IReadOnlyList<CatchmentSchoolRow> Schools, int DemandPointCount)
{
    /// <summary>Wards whose pupils were spread evenly for want of settlement weight (any level), in code order.</summary>
    public IReadOnlyList<string> UniformWards { get; init; } = [];

    /// <summary>
    /// Largest |Σ (pupils − unserved + beyond reach seated) − Σ school allocations| over levels: what was allocated
    /// really arrived at schools.
    /// </summary>
    public double ConservationError => Options.Levels.Count == 0 ? 0 : Options.Levels.Max(l =>
        Math.Abs(Wards.Where(w => w.Level == l).Sum(w => w.Pupils - w.Unserved + w.FarAssigned) - Schools.Where(s => s.Level == l).Sum(s => s.Allocated)));

    /// <summary>Share of the level's pupils within reach of some school (1 without pupils), for the stamp and the console.</summary>
    public double WithinReachShare(string level)
    {
        var pupils = Wards.Where(w => w.Level == level).Sum(w => w.Pupils);
        return pupils > 0 ? 1 - (Wards.Where(w => w.Level == level).Sum(w => w.BeyondReach) / pupils) : 1;
    }

    /// <summary>Keys of the service radii of its levels (urban and rural) that the norms mark unconfirmed, for the stamp.</summary>
    public IEnumerable<string> UnconfirmedServiceRadii() => Options.Levels
        .SelectMany(l => new[] { $"service_radius_m.{l}.urban", $"service_radius_m.{l}.rural", $"service_radius_m.{l}.dac_khu" })
        .Where(k => Norms.Contains(k) && Norms.Get(k).IsUnconfirmed);

    /// <summary>One warning per level with wards that have no school of the level in the data.</summary>
    public IReadOnlyList<Validation.LocalizedText> MissingSchoolDataWarnings() => Deficit.SchoolDataStatus.Warnings(
        Wards.Where(r => r.SchoolsInData == 0).Select(r => (r.Level, r.WardCode)),
        Deficit.SchoolDataStatus.ShortageMayBeMissingData.Vi, Deficit.SchoolDataStatus.ShortageMayBeMissingData.En);
}
