using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Catchment;

/// <summary>
/// The catchment method: children cross ward lines. Each ward's pupils are spread over demand points, linked to
/// the schools of their level within the service radius with a Gaussian decay, scored by the enhanced two-step
/// floating catchment area (E2SFCA), and allocated to schools in proportion to decay × the school's
/// places-per-pupil ratio. Pupils are conserved: in = allocated + unserved (docs/deficit.md).
/// </summary>
/// <remarks>
/// POLICY: a school's capacity is classrooms ÷ room ratio × class cap, consistent with the admin method's
/// rooms = classes × room ratio (at 0.6 rooms per class a room seats 1.67 classes in two shifts); with
/// --two-sessions it is classrooms × class cap.
/// </remarks>
public static class CatchmentCalculator
{
    /// <summary>Computes ward and school rows for every level of <paramref name="options"/>.</summary>
    public static CatchmentResult Compute(CityModel city, NormsSet norms, DeficitOptions options, CatchmentOptions catchment)
    {
        var admin = AdminDeficitCalculator.Compute(city, norms, options);
        var points = DemandGrid.Build(city, catchment.GridSpacingMetres, out var ranges);
        var shares = new GrowthShares(city);
        var wardIndex = city.Wards.Select((w, i) => (w.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

        // Growth pupils are placed on the ward's nodes inside the growth area (or the node nearest to it).
        var growthNodes = new Dictionary<(string Growth, int Ward), List<int>>();
        foreach (var g in city.Growth)
        {
            foreach (var (code, _) in shares.Of(g))
            {
                var w = wardIndex[code];
                var inside = DemandGrid.PointsInside(points, ranges[w], g.Area);
                if (inside.Count == 0)
                {
                    var target = g.Area.Intersection(city.Wards[w].Area).InteriorPoint.Coordinate;
                    inside.Add(Enumerable.Range(ranges[w].First, ranges[w].Count)
                        .MinBy(i => ((points.X[i] - target.X) * (points.X[i] - target.X)) + ((points.Y[i] - target.Y) * (points.Y[i] - target.Y))));
                }

                growthNodes[(g.Kind + "/" + g.Id, w)] = inside;
            }
        }

        var wardRows = new List<CatchmentWardRow>();
        var schoolRows = new List<CatchmentSchoolRow>();
        foreach (var level in options.Levels)
        {
            var demand = new double[points.Count];
            foreach (var row in admin.Rows.Where(r => r.Level == level))
            {
                var (first, count) = ranges[wardIndex[row.WardCode]];
                var each = (double)row.ResidentPupils / count;
                for (var i = first; i < first + count; i++)
                {
                    demand[i] += each;
                }
            }

            var perThousand = norms[$"places_per_1000.{level}"];
            foreach (var g in city.Growth)
            {
                var pupils = g.Residents * g.Phase(options.Year) * perThousand / 1000m;
                foreach (var (code, share) in shares.Of(g))
                {
                    var nodes = growthNodes[(g.Kind + "/" + g.Id, wardIndex[code])];
                    var each = (double)(pupils * share) / nodes.Count;
                    nodes.ForEach(i => demand[i] += each);
                }
            }

            var cap = (int)norms[$"class_cap.{level}"];
            var ratio = norms[(options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level];
            var schools = city.Schools.Where(s => s.Level == level && (!options.PublicOnly || s.IsPublic)).ToList();
            var capacity = schools.Select(s => (double)(s.Classrooms / ratio * cap)).ToArray();
            var radius = new[] { (double)norms[$"service_radius_m.{level}.rural"], (double)norms[$"service_radius_m.{level}.urban"] };
            var links = CatchmentLinks.Build(points, schools, radius);
            var allocation = E2sfcaAllocator.Allocate(links, demand, capacity, catchment.CapacityLimited, catchment.MaxIterations);

            for (var w = 0; w < city.Wards.Count; w++)
            {
                var (first, count) = ranges[w];
                double pupils = 0, unserved = 0, access = 0;
                for (var i = first; i < first + count; i++)
                {
                    pupils += demand[i];
                    unserved += allocation.Unserved[i];
                    access += demand[i] * allocation.Accessibility[i];
                }

                var ward = city.Wards[w];
                var unservedWhole = (long)Math.Round(unserved, MidpointRounding.AwayFromZero);
                var classes = (unservedWhole + cap - 1) / cap;
                wardRows.Add(new CatchmentWardRow
                {
                    WardCode = ward.Code,
                    WardName = ward.Name,
                    UnitType = ward.UnitType,
                    Level = level,
                    Year = options.Year,
                    Pupils = pupils,
                    Allocated = pupils - unserved,
                    Unserved = unserved,
                    ClassesNeeded = classes,
                    RoomsNeeded = (long)Math.Ceiling(classes * ratio),
                    RoomsAvailable = schools.Where(s => s.WardCode == ward.Code).Sum(s => s.Classrooms),
                    Accessibility = pupils > 0 ? access / pupils : 0,
                });
            }

            schoolRows.AddRange(schools.Select((s, j) => new CatchmentSchoolRow(s.Id, s.Name, level, s.WardCode, s.Classrooms, capacity[j], allocation.Load[j])));
        }

        var order = Schema.DatasetSchema.Levels.ToList();
        return new CatchmentResult(options, catchment, norms,
            [.. wardRows.OrderBy(r => r.WardCode, StringComparer.Ordinal).ThenBy(r => order.IndexOf(r.Level))],
            [.. schoolRows.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => order.IndexOf(r.Level))],
            points.Count);
    }
}
