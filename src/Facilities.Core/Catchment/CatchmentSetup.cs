using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Catchment;

/// <summary>
/// What every level of a catchment run shares: the admin rows, the demand grid and the nodes each growth area's
/// pupils go to. <see cref="Run"/> spreads one level's pupils and allocates them.
/// </summary>
internal sealed class CatchmentSetup
{
    private readonly CityModel _city;
    private readonly NormsSet _norms;
    private readonly DeficitOptions _options;
    private readonly CatchmentOptions _catchment;
    private readonly DeficitResult _admin;
    private readonly GrowthShares _shares;
    private readonly Dictionary<string, int> _wardIndex;
    private readonly Dictionary<(string Growth, int Ward), List<int>> _growthNodes = [];

    public CatchmentSetup(CityModel city, NormsSet norms, DeficitOptions options, CatchmentOptions catchment)
    {
        _city = city;
        _norms = norms;
        _options = options;
        _catchment = catchment;
        _admin = AdminDeficitCalculator.Compute(city, norms, options);
        Points = DemandGrid.Build(city, catchment.GridSpacingMetres, out var ranges);
        Ranges = ranges;
        _shares = new GrowthShares(city);
        _wardIndex = city.Wards.Select((w, i) => (w.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

        // Growth pupils are placed on the ward's nodes inside the growth area (or the node nearest to it).
        foreach (var g in city.Growth)
        {
            foreach (var (code, _) in _shares.Of(g))
            {
                var w = _wardIndex[code];
                var inside = DemandGrid.PointsInside(Points, ranges[w], g.Area);
                if (inside.Count == 0)
                {
                    var target = g.Area.Intersection(city.Wards[w].Area).InteriorPoint.Coordinate;
                    inside.Add(Enumerable.Range(ranges[w].First, ranges[w].Count)
                        .MinBy(i => ((Points.X[i] - target.X) * (Points.X[i] - target.X)) + ((Points.Y[i] - target.Y) * (Points.Y[i] - target.Y))));
                }

                _growthNodes[(g.Kind + "/" + g.Id, w)] = inside;
            }
        }
    }

    public DemandPoints Points { get; }

    public (int First, int Count)[] Ranges { get; }

    /// <summary>Spreads one level's pupils over the points and allocates them to the level's schools.</summary>
    public LevelRun Run(string level)
    {
        var demand = new double[Points.Count];
        foreach (var row in _admin.Rows.Where(r => r.Level == level))
        {
            var (first, count) = Ranges[_wardIndex[row.WardCode]];
            var each = (double)row.ResidentPupils / count;
            for (var i = first; i < first + count; i++)
            {
                demand[i] += each;
            }
        }

        var perThousand = _norms[$"places_per_1000.{level}"];
        foreach (var g in _city.Growth)
        {
            var pupils = g.Residents * g.Phase(_options.Year) * perThousand / 1000m;
            foreach (var (code, share) in _shares.Of(g))
            {
                var nodes = _growthNodes[(g.Kind + "/" + g.Id, _wardIndex[code])];
                var each = (double)(pupils * share) / nodes.Count;
                nodes.ForEach(i => demand[i] += each);
            }
        }

        var cap = (int)_norms[$"class_cap.{level}"];
        var ratio = _norms[(_options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level];
        var schools = _city.Schools.Where(s => s.Level == level && (!_options.PublicOnly || s.IsPublic)).ToList();
        var capacity = schools.Select(s => (double)(s.Classrooms / ratio * cap)).ToArray();
        var radius = new[] { (double)_norms[$"service_radius_m.{level}.rural"], (double)_norms[$"service_radius_m.{level}.urban"] };
        var links = CatchmentLinks.Build(Points, schools, radius);
        var allocation = E2sfcaAllocator.Allocate(links, demand, capacity, _catchment.CapacityLimited, _catchment.MaxIterations);
        return new LevelRun(schools, capacity, demand, allocation);
    }

    /// <summary>One level's allocation.</summary>
    public sealed record LevelRun(List<SchoolSite> Schools, double[] Capacity, double[] Demand, E2sfcaAllocator.Allocation Allocation);
}
