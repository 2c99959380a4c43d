using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Catchment;

/// <summary>
/// The catchment method: children cross ward lines. Each ward's pupils are spread over demand points (by settlement
/// weight when there is a settlement layer), linked to the schools of their level within the service radius of the
/// ward's type with a Gaussian decay, scored by the enhanced two-step floating catchment area (E2SFCA), and
/// allocated to schools in proportion to decay × the school's places-per-pupil ratio; pupils beyond every radius go
/// to their nearest school. Pupils are conserved: in = allocated + unserved, and Σ school loads = allocated + the
/// beyond-reach pupils seated at their nearest school (docs/deficit.md).
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
        var inputs = CatchmentInputs.BuildAll(city, norms, options, catchment);
        var coverage = SchoolDataCoverage.Of(city);
        var wardRows = new List<CatchmentWardRow>();
        var schoolRows = new List<CatchmentSchoolRow>();
        foreach (var input in inputs)
        {
            var rows = ComputeLevel(input, catchment);
            wardRows.AddRange(rows.Wards.Select(w => w with { SchoolsInData = coverage.SchoolsInData(w.WardCode, w.Level) }));
            schoolRows.AddRange(rows.Schools);
        }

        var order = Schema.DatasetSchema.Levels.ToList();
        return new CatchmentResult(options, catchment, norms,
            [.. wardRows.OrderBy(r => r.WardCode, StringComparer.Ordinal).ThenBy(r => order.IndexOf(r.Level))],
            [.. schoolRows.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => order.IndexOf(r.Level))],
            inputs.Count > 0 ? inputs[0].Points.Count : 0)
        {
            UniformWards = [.. inputs.SelectMany(i => i.UniformWards).Distinct().Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// The rows of one level from its inputs: links within the service radius, E2SFCA scores, allocation, and the
    /// sums per ward and per school.
    /// </summary>
    /// <param name="inputs">Demand points, pupils, schools and norms of the level (<see cref="CatchmentInputs.Build"/>).</param>
    /// <param name="catchment">Capacity-limited or not, and the number of rounds.</param>
    public static CatchmentLevelRows ComputeLevel(CatchmentInputs inputs, CatchmentOptions catchment)
    {
        var points = inputs.Points;
        var demand = inputs.Demand;
        var schools = inputs.Schools;
        var cap = inputs.ClassCap;
        var ratio = inputs.RoomRatio;
        var links = CatchmentLinks.Build(points, schools, inputs.RadiusMetres);
        var allocation = E2sfcaAllocator.Allocate(links, demand, inputs.Capacity, catchment.CapacityLimited, catchment.MaxIterations);

        var roomsByWard = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var s in schools)
        {
            roomsByWard[s.WardCode] = roomsByWard.GetValueOrDefault(s.WardCode) + s.Classrooms;
        }

        var wardRows = new List<CatchmentWardRow>(inputs.Wards.Count);
        for (var w = 0; w < inputs.Wards.Count; w++)
        {
            var (first, count) = inputs.WardRanges[w];
            double pupils = 0, unserved = 0, access = 0, beyond = 0, far = 0;
            for (var i = first; i < first + count; i++)
            {
                pupils += demand[i];
                unserved += allocation.Unserved[i];
                beyond += allocation.BeyondReach[i];
                far += allocation.FarAssigned[i];
                access += demand[i] * allocation.Accessibility[i];
            }

            var ward = inputs.Wards[w];
            var unservedWhole = (long)Math.Round(unserved, MidpointRounding.AwayFromZero);
            var classes = (unservedWhole + cap - 1) / cap;
            wardRows.Add(new CatchmentWardRow
            {
                WardCode = ward.Code,
                WardName = ward.Name,
                UnitType = ward.UnitType,
                Level = inputs.Level,
                Year = inputs.Year,
                Pupils = pupils,
                Allocated = pupils - unserved,
                Unserved = unserved,
                BeyondReach = beyond,
                FarAssigned = far,
                ClassesNeeded = classes,
                RoomsNeeded = (long)Math.Ceiling(classes * ratio),
                RoomsAvailable = roomsByWard.GetValueOrDefault(ward.Code),
                Accessibility = pupils > 0 ? access / pupils : 0,
            });
        }

        var schoolRows = schools.Select((s, j) => new CatchmentSchoolRow(s.Id, s.Name, inputs.Level, s.WardCode, s.Classrooms, inputs.Capacity[j], allocation.Load[j], s.Pupils)).ToList();
        return new CatchmentLevelRows(wardRows, schoolRows);
    }

    /// <summary>
    /// One level's demand points after allocation (pupils and unserved pupils per point), for site screening.
    /// </summary>
    /// <param name="city">The city.</param>
    /// <param name="norms">Norms.</param>
    /// <param name="options">Year, two sessions, public only.</param>
    /// <param name="catchment">Grid spacing and capacity limit.</param>
    /// <param name="level">The level.</param>
    public static LevelPoints PointsOf(CityModel city, NormsSet norms, DeficitOptions options, CatchmentOptions catchment, string level)
    {
        var inputs = CatchmentInputs.Build(city, norms, options, catchment, level);
        var links = CatchmentLinks.Build(inputs.Points, inputs.Schools, inputs.RadiusMetres);
        var allocation = E2sfcaAllocator.Allocate(links, inputs.Demand, inputs.Capacity, catchment.CapacityLimited, catchment.MaxIterations);
        return new LevelPoints(level, inputs.Points, inputs.WardRanges, inputs.Demand, allocation.Unserved);
    }
}
