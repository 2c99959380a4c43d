using System.Globalization;
using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Programme;

namespace Facilities.Application;

/// <summary>
/// The need of the programme under the catchment method (docs/programme.md, "Catchment method"): per year and level,
/// the pupils today's schools within reach do not seat (E2SFCA, capacity-limited, the grid weighted by the dataset's
/// residential parcels when it has any, as <c>facilities deficit --method catchment</c>), grouped into cells by ward
/// and by the candidate actions within their service radius.
/// </summary>
internal static class ProgrammeCatchment
{
    /// <summary>The catchment parameters the programme uses (written into the stamp).</summary>
    public static CatchmentOptions Options(DatasetContext d) => new() { CapacityLimited = true, Settlement = Settlement.FromParcels(d) };

    /// <summary>The need cells of every year and level (schools of <paramref name="city"/> with their standard classrooms), each listing the actions that can reach it.</summary>
    public static IReadOnlyList<NeedCell> Cells(CityModel city, NormsSet norms, ProgrammeOptions options, CatchmentOptions catchment, IReadOnlyList<ProgrammeAction> actions)
    {
        var cells = new List<NeedCell>();
        for (var year = options.FromYear; year <= options.ToYear; year++)
        {
            var deficit = new DeficitOptions(year) { Levels = options.Levels, TwoSessions = options.TwoSessions, PublicOnly = options.PublicOnly, Method = "catchment" };
            foreach (var inputs in CatchmentInputs.BuildAll(city, norms, deficit, catchment))
            {
                var links = CatchmentLinks.Build(inputs.Points, inputs.Schools, inputs.RadiusMetres);
                var allocation = E2sfcaAllocator.Allocate(links, inputs.Demand, inputs.Capacity, catchment.CapacityLimited, catchment.MaxIterations);
                var p = inputs.Points;
                var points = Enumerable.Range(0, p.Count).Where(i => allocation.Unserved[i] > 0).Select(i => new NeedPoint(
                    inputs.Wards[p.Ward[i]].Code, p.X[i], p.Y[i], inputs.RadiusMetres[Math.Min(p.RadiusClass[i], inputs.RadiusMetres.Length - 1)], allocation.Unserved[i]));
                cells.AddRange(CatchmentNeeds.Cells(inputs.Level, year, points, actions, (double)(inputs.ClassCap / inputs.RoomRatio)));
            }
        }
        return cells;
    }

    /// <summary>The actions some unserved pupils can reach (and the handovers), each with where its need comes from.</summary>
    public static List<ProgrammeAction> Reached(IReadOnlyList<ProgrammeAction> actions, IReadOnlyList<NeedCell> cells, int lastYear)
    {
        var pupils = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in cells.Where(c => c.Year == lastYear))
        {
            foreach (var id in c.ServedBy ?? [])
            {
                pupils[id] = pupils.GetValueOrDefault(id) + c.ShortagePupils;
            }
        }
        var reached = cells.SelectMany(c => c.ServedBy ?? []).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. actions.Where(a => a.Kind == ActionKind.Handover || reached.Contains(a.Id)).Select(a => a.NeedSource.Length > 0 ? a : a with
            {
                NeedSource = string.Create(CultureInfo.InvariantCulture,
                    $"{pupils.GetValueOrDefault(a.Id):0} học sinh thiếu chỗ trong bán kính phục vụ năm {lastYear} / {pupils.GetValueOrDefault(a.Id):0} unserved pupils within reach in {lastYear}"),
            }),
        ];
    }
}
