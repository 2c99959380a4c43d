using System.Runtime.CompilerServices;
using Facilities.Core.Model;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Facilities.Core.Screening;

/// <summary>
/// Places a site in its ward (which sets its minimum area and service radius) and scores it on the five criteria
/// of docs/sites.md. Read-only after construction, so parallel workers share it.
/// </summary>
/// <remarks>
/// Fractions, each in [0, 1]: rooms short x within the radius → x ÷ (x + rooms of one minimum-size school);
/// unserved pupils u → u ÷ (u + pupils of one minimum-size school), so one school's worth scores half and more
/// keeps adding less; distance d to the nearest school of the level → min(1, d ÷ radius) (1 when the level has no
/// school); owner type → its land-status value; area → min(1, area ÷ minimum − 1). Points = weight × fraction.
/// Minimum site area = min_classes × class_cap × land per pupil (Circular 13/2020 Art. 5, 8, 13, 17 as amended by
/// Circular 23/2024). POLICY, as in ComplianceChecker: the reduced urban land norm applies in a phường.
/// </remarks>
internal sealed class SiteScorer
{
    private readonly CityModel _city;
    private readonly ScreeningOptions _options;
    private readonly ServiceSurface _roomsShort;
    private readonly ServiceSurface _unserved;
    // PERF (issue 15): the ward locators depend on the wards alone, and a server screens one city many times: built
    // once per city, dropped with it; read-only once built, so screeners on parallel requests share them.
    private static readonly ConditionalWeakTable<CityModel, STRtree<(int Ward, IndexedPointInAreaLocator Locator)>> WardLocators = [];
    private readonly STRtree<(int Ward, IndexedPointInAreaLocator Locator)> _wards;
    private readonly NearestPoint _schools;
    private readonly double[] _minArea;
    private readonly double[] _radius;
    private readonly double _referenceRooms;
    private readonly double _referencePupils;

    public SiteScorer(CityModel city, ScreeningInputs inputs)
    {
        _city = city;
        _options = inputs.Options;
        _roomsShort = new ServiceSurface(inputs.Points, inputs.RoomsShort, _options.GridSpacingMetres);
        _unserved = new ServiceSurface(inputs.Points, inputs.Unserved, _options.GridSpacingMetres);
        var level = _options.Level;
        _minArea = [.. inputs.MinAreaM2];
        _radius = [.. inputs.RadiusM];
        _referenceRooms = inputs.ReferenceRooms;
        _referencePupils = inputs.ReferencePupils;

        _wards = WardLocators.GetValue(city, Locators);
        _schools = new NearestPoint(city.Schools.Where(s => s.Level == level && (!_options.PublicOnly || s.IsPublic)).Select(s => s.Location.Coordinate), _radius.Max());
    }

    private static STRtree<(int Ward, IndexedPointInAreaLocator Locator)> Locators(CityModel city)
    {
        var tree = new STRtree<(int Ward, IndexedPointInAreaLocator Locator)>();
        for (var w = 0; w < city.Wards.Count; w++)
        {
            var area = city.Wards[w].Area;
            if (!area.IsEmpty)
            {
                var locator = new IndexedPointInAreaLocator(area);
                locator.Locate(area.Coordinate); // builds its lazy index before parallel use
                tree.Insert(area.EnvelopeInternal, (w, locator));
            }
        }

        tree.Build();
        return tree;
    }

    /// <summary>Smallest and largest minimum area over ward types: below the first always fails, from the second always passes.</summary>
    public (double Low, double High) MinAreaRange => (Math.Min(_minArea[0], _minArea[1]), Math.Max(_minArea[0], _minArea[1]));

    /// <summary>The ward containing the point (lowest index on a shared boundary), or null.</summary>
    public WardUnit? Locate(Coordinate c) => LocateIndex(c) is var i and >= 0 ? _city.Wards[i] : null;

    /// <summary>The index in the city's wards of the ward containing the point (lowest on a shared boundary), or -1.</summary>
    public int LocateIndex(Coordinate c)
    {
        var found = -1;
        foreach (var (w, locator) in _wards.Query(new Envelope(c)))
        {
            if ((found < 0 || w < found) && locator.Locate(c) != Location.Exterior)
            {
                found = w;
            }
        }

        return found;
    }

    /// <summary>Minimum site area in the ward's type (outside every ward: the general norm).</summary>
    public double MinArea(WardUnit? ward) => _minArea[Urban(ward)];

    /// <summary>Scores a site that passed every hard constraint.</summary>
    public CandidateSite Score(IReadOnlyList<ParcelUnit> parcels, Geometry geometry, WardUnit? ward)
    {
        var centre = geometry.Centroid;
        var radius = _radius[Urban(ward)];
        var minArea = MinArea(ward);
        // PERF: a single parcel (nearly every candidate) skips the LINQ over the group; the same values.
        var single = parcels.Count == 1 ? parcels[0] : null;
        var area = single?.AreaM2 ?? parcels.Sum(p => p.AreaM2);
        var rooms = Math.Max(0, _roomsShort.SumWithin(centre.X, centre.Y, radius));
        var unserved = Math.Max(0, _unserved.SumWithin(centre.X, centre.Y, radius));
        double? nearest = _schools.IsEmpty ? null : _schools.Distance(centre.X, centre.Y);
        var weights = _options.Weights;
        var breakdown = new ScoreBreakdown(
            ScoreBreakdown.Points(weights.RoomsShort, rooms / (rooms + _referenceRooms)),
            ScoreBreakdown.Points(weights.UnservedPupils, unserved / (unserved + _referencePupils)),
            ScoreBreakdown.Points(weights.SchoolDistance, nearest is double d ? d / radius : 1),
            ScoreBreakdown.Points(weights.LandStatus, (double)(single is null ? parcels.Min(OwnerValue) : OwnerValue(single))),
            ScoreBreakdown.Points(weights.AreaMargin, (area / minArea) - 1));
        return new CandidateSite
        {
            Id = parcels.Count == 1 ? parcels[0].Id : "merged:" + parcels[0].Id,
            ParcelIds = single is null ? [.. parcels.Select(p => p.Id)] : [single.Id],
            WardCode = ward?.Code ?? "",
            WardName = ward?.Name ?? "",
            UnitType = ward?.UnitType ?? "",
            LandUse = single is null ? Join(parcels.Select(p => p.LandUse)) : One(single.LandUse),
            PlannedLandUse = single is null ? Join(parcels.Select(p => p.PlannedLandUse)) : One(single.PlannedLandUse),
            OwnerType = single is null ? Join(parcels.Select(p => p.OwnerType)) : One(single.OwnerType),
            AreaM2 = area,
            MinAreaM2 = minArea,
            RadiusM = radius,
            RoomsShortInRadius = rooms,
            UnservedInRadius = unserved,
            NearestSchoolM = nearest,
            Breakdown = breakdown,
            Geometry = geometry,
        };
    }

    private static int Urban(WardUnit? ward) => ScreeningInputs.WardType(ward);

    // Join of one value: itself, or "" when it is null or empty.
    private static string One(string? value) => string.IsNullOrEmpty(value) ? "" : value;

    private decimal OwnerValue(ParcelUnit p) => p.OwnerType is { } o ? _options.Weights.OwnerValues.GetValueOrDefault(o) : 0m;

    private static string Join(IEnumerable<string?> values) =>
        string.Join("+", values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
