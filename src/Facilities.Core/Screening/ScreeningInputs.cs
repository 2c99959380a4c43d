using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Screening;

/// <summary>
/// Everything a screening reads besides the parcels and the city's geometry: the thresholds of the hard constraints
/// and the score's references, from the norms, and the demand-grid values the score sums (rooms short and unserved
/// pupils per demand point, from the deficit and catchment engines). <see cref="ParcelScreener"/> screens with it,
/// and the PostGIS mirror (tests/Facilities.PostGisReference, PostGisScreening) loads the very same object, so the two
/// engines differ only in the geometry and the SQL.
/// </summary>
/// <remarks>
/// Arrays indexed by ward type hold the rural value (xã, đặc khu, or outside every ward) at 0 and the urban value
/// (phường) at 1. Minimum site area = min_classes × class_cap × land per pupil (Circular 13/2020 Art. 5, 8, 13, 17 as
/// amended by Circular 23/2024); POLICY: the reduced urban land norm applies in a phường.
/// </remarks>
public sealed class ScreeningInputs
{
    private ScreeningInputs()
    {
    }

    /// <summary>The options the inputs were built for.</summary>
    public required ScreeningOptions Options { get; init; }

    /// <summary>Minimum site area, m²: [rural, urban].</summary>
    public required IReadOnlyList<double> MinAreaM2 { get; init; }

    /// <summary>Service radius, m: [rural, urban].</summary>
    public required IReadOnlyList<double> RadiusM { get; init; }

    /// <summary>Rooms of one minimum-size school (min_classes × room ratio), the rooms-short criterion's half point.</summary>
    public required double ReferenceRooms { get; init; }

    /// <summary>Pupils of one minimum-size school (min_classes × class cap), the unserved criterion's half point.</summary>
    public required double ReferencePupils { get; init; }

    /// <summary>Minimum width across (inscribed circle diameter), m.</summary>
    public required double MinWidthM { get; init; }

    /// <summary>Distance a site keeps from every industrial zone, m.</summary>
    public required double MinIndustrialDistanceM { get; init; }

    /// <summary>Convertible public-land codes in effect (upper case, sorted).</summary>
    public required IReadOnlyList<string> ConvertibleLandUses { get; init; }

    /// <summary>The level's demand points (metric CRS).</summary>
    public required DemandPoints Points { get; init; }

    /// <summary>Rooms short at each demand point: its ward's max(0, admin deficit) spread evenly over the ward's points.</summary>
    public required IReadOnlyList<double> RoomsShort { get; init; }

    /// <summary>Pupils at each demand point that no school takes (catchment method).</summary>
    public required IReadOnlyList<double> Unserved { get; init; }

    /// <summary>The admin deficit of the level (for the norms the run depends on).</summary>
    internal DeficitResult Deficit { get; private init; } = null!;

    /// <summary>Computes the deficit and catchment of the level and reads the thresholds from the norms.</summary>
    /// <param name="city">The city, in its metric CRS (parcels are not read).</param>
    /// <param name="norms">Norms, with the screening.* values.</param>
    /// <param name="options">Level, year and the rest.</param>
    public static ScreeningInputs Build(CityModel city, NormsSet norms, ScreeningOptions options)
    {
        var level = options.Level;
        var deficitOptions = new DeficitOptions(options.Year) { Levels = [level], TwoSessions = options.TwoSessions, PublicOnly = options.PublicOnly };
        var deficit = AdminDeficitCalculator.Compute(city, norms, deficitOptions);
        Diagnostics.PhaseTrace.Mark("screener: deficit");
        var points = CatchmentCalculator.PointsOf(city, norms, deficitOptions,
            new CatchmentOptions { GridSpacingMetres = options.GridSpacingMetres, CapacityLimited = options.CapacityLimited }, level);
        // Rooms short: each ward's positive deficit spread evenly over its demand points, so the sum within a circle
        // is Σ ward shortage × the share of the ward's points inside it (about the share of its area).
        var shortage = new double[points.Points.Count];
        var wardIndex = city.Wards.Select((w, i) => (w.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        foreach (var row in deficit.Rows)
        {
            var (first, count) = points.WardRanges[wardIndex[row.WardCode]];
            for (var i = first; i < first + count; i++)
            {
                shortage[i] = Math.Max(0, row.DeficitRooms) / (double)count;
            }
        }

        Diagnostics.PhaseTrace.Mark("screener: catchment");
        var minClasses = norms[$"min_classes.{level}"];
        var cap = norms[$"class_cap.{level}"];
        var urbanLand = norms.Contains($"land_per_pupil_urban_m2.{level}") ? norms[$"land_per_pupil_urban_m2.{level}"] : norms[$"land_per_pupil_m2.{level}"];
        return new ScreeningInputs
        {
            Options = options,
            MinAreaM2 = [(double)(minClasses * cap * norms[$"land_per_pupil_m2.{level}"]), (double)(minClasses * cap * urbanLand)],
            RadiusM = [(double)norms[$"service_radius_m.{level}.rural"], (double)norms[$"service_radius_m.{level}.urban"]],
            ReferenceRooms = (double)(minClasses * norms[(options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level]),
            ReferencePupils = (double)(minClasses * cap),
            MinWidthM = (double)norms["screening.min_width_m"],
            MinIndustrialDistanceM = (double)norms["screening.min_distance_industrial_m"],
            ConvertibleLandUses = new LandUseRule(norms, options).Convertible,
            Points = points.Points,
            RoomsShort = shortage,
            Unserved = points.Unserved,
            Deficit = deficit,
        };
    }

    /// <summary>Urban (1) in a phường, else rural (0): the index into the arrays by ward type.</summary>
    public static int WardType(WardUnit? ward) => ward?.UnitType == "phuong" ? 1 : 0;
}
