using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Catchment;

/// <summary>
/// Everything the catchment method computes from for one level: the demand points with their pupils, the schools
/// with their places, the service radii and the class norms. <see cref="CatchmentCalculator"/> builds its inputs
/// here, so another engine (the PostGIS SQL in Facilities.Storage.PostGis) fed with the same object computes from
/// the same numbers.
/// </summary>
public sealed class CatchmentInputs
{
    private CatchmentInputs(
        string level, int year, IReadOnlyList<WardUnit> wards, DemandPoints points, IReadOnlyList<(int First, int Count)> wardRanges,
        double[] demand, IReadOnlyList<SchoolSite> schools, double[] capacity, double[] radiusMetres, int classCap, decimal roomRatio,
        IReadOnlyList<string> uniformWards)
    {
        UniformWards = uniformWards;
        Level = level;
        Year = year;
        Wards = wards;
        Points = points;
        WardRanges = wardRanges;
        Demand = demand;
        Schools = schools;
        Capacity = capacity;
        RadiusMetres = radiusMetres;
        ClassCap = classCap;
        RoomRatio = roomRatio;
    }

    /// <summary>Level: mam_non, tieu_hoc, thcs or thpt.</summary>
    public string Level { get; }

    /// <summary>Target year.</summary>
    public int Year { get; }

    /// <summary>The city's wards, in code order; <see cref="DemandPoints.Ward"/> indexes this list.</summary>
    public IReadOnlyList<WardUnit> Wards { get; }

    /// <summary>Demand points (shared by every level of one run: do not modify).</summary>
    public DemandPoints Points { get; }

    /// <summary>For each ward, the index range of its points: <c>First .. First + Count − 1</c>.</summary>
    public IReadOnlyList<(int First, int Count)> WardRanges { get; }

    /// <summary>
    /// Pupils at each point (fractional): the ward's resident pupils (or, for the calibration, the pupils its schools
    /// enrol) spread over its nodes by settlement weight, or evenly without one, plus growth-area pupils.
    /// </summary>
    public double[] Demand { get; }

    /// <summary>The level's schools counted by the run (all, or public only), in id order.</summary>
    public IReadOnlyList<SchoolSite> Schools { get; }

    /// <summary>Places at each school of <see cref="Schools"/>: classrooms ÷ room ratio × class cap.</summary>
    public double[] Capacity { get; }

    /// <summary>
    /// Wards with pupils whose nodes carry no settlement weight, so their pupils were spread evenly (empty without a
    /// settlement layer: then every ward is).
    /// </summary>
    public IReadOnlyList<string> UniformWards { get; }

    /// <summary>Service radius in metres per <see cref="DemandPoints.RadiusClass"/>: [xã, phường, đặc khu].</summary>
    public double[] RadiusMetres { get; }

    /// <summary>Pupils per class.</summary>
    public int ClassCap { get; }

    /// <summary>Rooms per class (one or two sessions).</summary>
    public decimal RoomRatio { get; }

    /// <summary>The inputs of one level.</summary>
    /// <param name="city">The city, in a metric CRS.</param>
    /// <param name="norms">Norms.</param>
    /// <param name="options">Year, two sessions, public only (the levels are ignored: <paramref name="level"/> is used).</param>
    /// <param name="catchment">Grid spacing.</param>
    /// <param name="level">The level.</param>
    public static CatchmentInputs Build(CityModel city, NormsSet norms, DeficitOptions options, CatchmentOptions catchment, string level) =>
        BuildAll(city, norms, options with { Levels = [level] }, catchment)[0];

    /// <summary>The inputs of every level of <paramref name="options"/>, in that order, sharing one set of demand points.</summary>
    /// <param name="city">The city, in a metric CRS.</param>
    /// <param name="norms">Norms.</param>
    /// <param name="options">Year, levels, two sessions, public only.</param>
    /// <param name="catchment">Grid spacing.</param>
    public static IReadOnlyList<CatchmentInputs> BuildAll(CityModel city, NormsSet norms, DeficitOptions options, CatchmentOptions catchment)
    {
        var admin = AdminDeficitCalculator.Compute(city, norms, options);
        var points = DemandGrid.Build(city, catchment.GridSpacingMetres, out var ranges);
        // The đặc khu radius is read (and stamped) only when the city has a đặc khu.
        var hasSpecialZone = city.Wards.Any(w => DemandGrid.RadiusClassOf(w.UnitType) == 2);
        var weights = DemandGrid.NodeWeights(points, catchment.GridSpacingMetres, catchment.Settlement);
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

        var result = new List<CatchmentInputs>();
        foreach (var level in options.Levels)
        {
            var demand = new double[points.Count];
            var uniform = new List<string>();
            var residents = catchment.DemandFromEnrolment
                ? city.Schools.Where(s => s.Level == level && (!options.PublicOnly || s.IsPublic))
                    .GroupBy(s => s.WardCode).Where(g => wardIndex.ContainsKey(g.Key)).Select(g => (Ward: g.Key, Pupils: (double)g.Sum(s => s.Pupils ?? 0)))
                : admin.Rows.Where(r => r.Level == level).Select(r => (Ward: r.WardCode, Pupils: (double)r.ResidentPupils));
            foreach (var (code, pupils) in residents)
            {
                var (first, count) = ranges[wardIndex[code]];
                var total = 0.0;
                for (var i = first; weights is not null && i < first + count; i++)
                {
                    total += weights[i];
                }

                if (weights is not null && total <= 0 && pupils > 0)
                {
                    uniform.Add(code);
                }

                for (var i = first; i < first + count; i++)
                {
                    demand[i] += total > 0 ? pupils * weights![i] / total : pupils / count;
                }
            }

            foreach (var g in city.Growth.Where(_ => !catchment.DemandFromEnrolment))
            {
                var pupils = AdminDeficitCalculator.GrowthPupils(norms, g, level, options.Year);
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
            var capacity = schools.Select(s => SchoolCapacity.Seats(s.Classrooms, ratio, cap)).ToArray();
            var radius = new[]
            {
                (double)norms[$"service_radius_m.{level}.rural"], (double)norms[$"service_radius_m.{level}.urban"], hasSpecialZone ? (double)norms[$"service_radius_m.{level}.dac_khu"] : 0,
            };
            result.Add(new CatchmentInputs(level, options.Year, city.Wards, points, ranges, demand, schools, capacity, radius, cap, ratio, uniform));
        }

        return result;
    }
}
