using System.Globalization;
using Facilities.Core.Import;
using Facilities.Core.Model;
using Facilities.Core.Optimisation;
using Facilities.Core.Proposals;

namespace Facilities.Application;

/// <summary>
/// What an urban-area project needs and where its schools could go (<c>facilities propose</c>). The solver is given
/// by the host (OR-Tools lives in its own project, which the application layer does not depend on); null is greedy.
/// </summary>
public static class ProposalComputation
{
    /// <summary>The urban-area project with this id or name (diacritics and case ignored), or null; see <see cref="UrbanAreaLookup"/>.</summary>
    public static GrowthArea? FindArea(DatasetContext d, string key, out IReadOnlyList<GrowthArea> ambiguous) =>
        UrbanAreaLookup.Find(d.City, key, out ambiguous);

    /// <summary>The urban-area projects of the dataset, for a message that lists them.</summary>
    public static IReadOnlyList<GrowthArea> Areas(DatasetContext d) => [.. d.City.Growth.Where(g => g.Kind == "urban_area")];

    /// <summary>Proposes the schools of <paramref name="area"/>, screening the dataset's parcels as streamed from its store; stamped "propose".</summary>
    public static Computed<ProposalResult> Run(
        DatasetContext d, GrowthArea area, ProposalOptions options, ISitingSolver? solver, IProgress<WorkProgress>? progress = null)
    {
        var parcels = d.Store.StreamParcels(d.City.MetricCrs);
        var result = SiteProposer.Propose(d.City, area, parcels, d.Norms, options, solver, progress);
        var describe = string.Create(CultureInfo.InvariantCulture, $"urban_area={area.Id}; solver={solver?.Name ?? "greedy"}; {options.Describe()}");
        return Stamps.Of(d, result, "propose", describe, [.. result.UnconfirmedNormsUsed().Select(n => n.Key)], []);
    }
}
