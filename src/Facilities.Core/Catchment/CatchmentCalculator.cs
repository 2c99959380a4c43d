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
        var setup = new CatchmentSetup(city, norms, options, catchment);
        var points = setup.Points;
        var wardRows = new List<CatchmentWardRow>();
        var schoolRows = new List<CatchmentSchoolRow>();
        foreach (var level in options.Levels)
        {
            var run = setup.Run(level);
            var cap = (int)norms[$"class_cap.{level}"];
            var ratio = norms[(options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level];
            for (var w = 0; w < city.Wards.Count; w++)
            {
                var (first, count) = setup.Ranges[w];
                double pupils = 0, unserved = 0, access = 0;
                for (var i = first; i < first + count; i++)
                {
                    pupils += run.Demand[i];
                    unserved += run.Allocation.Unserved[i];
                    access += run.Demand[i] * run.Allocation.Accessibility[i];
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
                    RoomsAvailable = run.Schools.Where(s => s.WardCode == ward.Code).Sum(s => s.Classrooms),
                    Accessibility = pupils > 0 ? access / pupils : 0,
                });
            }

            schoolRows.AddRange(run.Schools.Select((s, j) => new CatchmentSchoolRow(s.Id, s.Name, level, s.WardCode, s.Classrooms, run.Capacity[j], run.Allocation.Load[j])));
        }

        var order = Schema.DatasetSchema.Levels.ToList();
        return new CatchmentResult(options, catchment, norms,
            [.. wardRows.OrderBy(r => r.WardCode, StringComparer.Ordinal).ThenBy(r => order.IndexOf(r.Level))],
            [.. schoolRows.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => order.IndexOf(r.Level))],
            points.Count);
    }

    /// <summary>
    /// The demand points of one level with their pupils and the pupils left unserved: those no school reaches within
    /// the service radius (and, capacity-limited, those every reachable school turned away). Parcel screening sums
    /// these around a candidate site.
    /// </summary>
    /// <param name="city">The city.</param>
    /// <param name="norms">Norms.</param>
    /// <param name="options">Run options (year, two sessions, public only); its levels are ignored.</param>
    /// <param name="catchment">Grid spacing and capacity limit.</param>
    /// <param name="level">The level.</param>
    public static LevelPoints PointsOf(CityModel city, NormsSet norms, DeficitOptions options, CatchmentOptions catchment, string level)
    {
        var setup = new CatchmentSetup(city, norms, options with { Levels = [level] }, catchment);
        var run = setup.Run(level);
        return new LevelPoints(level, setup.Points, setup.Ranges, run.Demand, run.Allocation.Unserved);
    }
}
