using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Spatial;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Model;

/// <summary>
/// The dataset's layers as typed objects in one metric CRS, ready for computation. Built once per run.
/// </summary>
public sealed class CityModel
{
    private CityModel(CrsDefinition metric, List<WardUnit> wards, List<SchoolSite> schools, List<GrowthArea> growth, List<ParcelUnit> parcels)
    {
        MetricCrs = metric;
        Wards = wards;
        Schools = schools;
        Growth = growth;
        Parcels = parcels;
    }

    /// <summary>Subjects with a teachers_&lt;subject&gt; field in the schema.</summary>
    public static readonly IReadOnlyList<string> TeacherSubjects = ["english", "it"];

    /// <summary>The metric CRS of every geometry here.</summary>
    public CrsDefinition MetricCrs { get; }

    /// <summary>Wards in code order.</summary>
    public IReadOnlyList<WardUnit> Wards { get; }

    /// <summary>Schools in id order.</summary>
    public IReadOnlyList<SchoolSite> Schools { get; }

    /// <summary>Urban areas and industrial zones.</summary>
    public IReadOnlyList<GrowthArea> Growth { get; }

    /// <summary>Whether the dataset has a schools layer at all (without one, rooms and teachers available are not known).</summary>
    public bool HasSchoolsLayer { get; private init; } = true;

    /// <summary>Schools in no ward of the dataset (outside every ward): their rooms count nowhere, so outputs must say so.</summary>
    public IReadOnlyList<SchoolSite> UnassignedSchools => [.. Schools.Where(s => s.WardCode.Length == 0)];

    /// <summary>Land parcels in layer order (empty when the parcels layer was not loaded).</summary>
    public IReadOnlyList<ParcelUnit> Parcels { get; }

    /// <summary>A model from parts already in <paramref name="metric"/> (tests, other stores).</summary>
    public static CityModel Of(
        CrsDefinition metric, IEnumerable<WardUnit> wards, IEnumerable<SchoolSite> schools, IEnumerable<GrowthArea> growth,
        IEnumerable<ParcelUnit>? parcels = null) =>
        new(metric, [.. wards.OrderBy(w => w.Code, StringComparer.Ordinal)], [.. schools], [.. growth], [.. parcels ?? []]);

    /// <summary>
    /// One parcel feature (schema fields id, land_use, planned_land_use, owner_type, area_m2) as a
    /// <see cref="ParcelUnit"/> in <paramref name="metric"/>; the parcel screening streams large layers through this.
    /// </summary>
    /// <param name="parcel">The feature, its geometry in <paramref name="from"/>.</param>
    /// <param name="from">CRS of the feature's geometry.</param>
    /// <param name="metric">The city's metric CRS.</param>
    public static ParcelUnit ToParcel(FeatureRecord parcel, CrsDefinition from, CrsDefinition metric)
    {
        var g = Reprojector.Transform(parcel.Geometry!, from, metric);
        return new ParcelUnit((string)parcel["id"]!, (string)parcel["land_use"]!, parcel["planned_land_use"] as string,
            parcel["owner_type"] as string, parcel["area_m2"] as double? ?? g.Area, g);
    }

    /// <summary>
    /// Builds the model from dataset layers in EPSG:4326. Layers other than wards may be null (absent).
    /// </summary>
    /// <param name="wards">The wards layer (required).</param>
    /// <param name="schools">Schools, or null.</param>
    /// <param name="urbanAreas">New urban areas, or null.</param>
    /// <param name="industrialZones">Industrial zones, or null.</param>
    /// <param name="dependantsPerWorker">Residents per worker for zones without worker_housing_population.</param>
    /// <param name="parcels">Land parcels, or null (not needed by the deficit; large layers can be streamed instead).</param>
    public static CityModel FromLayers(
        FeatureLayer wards, FeatureLayer? schools, FeatureLayer? urbanAreas, FeatureLayer? industrialZones, decimal dependantsPerWorker,
        FeatureLayer? parcels = null)
    {
        var wgs = wards.Crs ?? CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var env = new Envelope();
        wards.Features.ForEach(w => env.ExpandToInclude(w.Geometry!.EnvelopeInternal));
        var metric = Spatial.MetricCrs.ForLongitude(env.IsNull ? 106 : env.Centre.X);
        Geometry M(Geometry g) => Reprojector.Transform(g, wgs, metric);

        var wardUnits = wards.Features
            .Select(w => new WardUnit(
                (string)w["code"]!, (string)w["name"]!, (string)w["unit_type"]!, (long)w["population"]!,
                Schema.DatasetSchema.Levels.Where(l => w["pop_" + l] is long).ToDictionary(l => l, l => (long)w["pop_" + l]!),
                M(w.Geometry!)))
            .OrderBy(w => w.Code, StringComparer.Ordinal).ToList();

        var locator = new WardLocator(wards);
        var codes = wardUnits.Select(w => w.Code).ToHashSet(StringComparer.Ordinal);
        var schoolSites = (schools?.Features ?? [])
            .Select(s =>
            {
                var anchor = WardLocator.Anchor(s.Geometry!);
                // A stated code that is not a ward of the dataset (an old pre-merger code, a typo) falls back to the location.
                var stated = s["ward_code"] as string;
                var ward = stated is not null && codes.Contains(stated) ? stated : locator.Locate(anchor) ?? "";
                var point = (Point)M(s.Geometry!.Factory.CreatePoint(anchor));
                return new SchoolSite((string)s["id"]!, (string)s["name"]!, (string)s["level"]!, (long)s["classrooms"]!,
                    s["subject_rooms"] as long?, s["ownership"] as string != "private", ward, point)
                {
                    Classes = s["classes"] as long?,
                    Pupils = s["pupils"] as long?,
                    SiteAreaM2 = s["site_area_m2"] as double?,
                    Teachers = s["teachers"] as long?,
                    TeachersBySubject = TeacherSubjects.Where(t => s["teachers_" + t] is long).ToDictionary(t => t, t => (long)s["teachers_" + t]!),
                    SportsGroundM2 = s["sports_ground_m2"] as double?,
                    StandardToilets = s["standard_toilets"] as long?,
                    Site = s.Geometry is IPolygonal ? M(s.Geometry) : null,
                };
            })
            .OrderBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Level, StringComparer.Ordinal).ToList();

        var growth = new List<GrowthArea>();
        foreach (var u in urbanAreas?.Features ?? [])
        {
            growth.Add(new GrowthArea("urban_area", (string)u["id"]!, (string)u["name"]!, (long)u["planned_population"]!,
                (int)(long)u["start_year"]!, (int)(long)u["completion_year"]!, M(u.Geometry!))
            {
                ReservedSchoolLandM2 = u["reserved_school_land_m2"] as double?,
            });
        }

        foreach (var z in industrialZones?.Features ?? [])
        {
            var residents = z["worker_housing_population"] is long h ? h : (long)z["workers"]! * dependantsPerWorker;
            growth.Add(new GrowthArea("industrial_zone", (string)z["id"]!, (string)z["name"]!, residents,
                z["start_year"] is long s ? (int)s : null, z["completion_year"] is long c ? (int)c : null, M(z.Geometry!)));
        }

        var parcelUnits = parcels is null ? [] : new ParcelUnit[parcels.Features.Count];
        var parcelCrs = parcels?.Crs ?? wgs;
        // PERF: reprojection dominates loading a large parcels layer; each parcel is independent.
        Parallel.For(0, parcelUnits.Length, i => parcelUnits[i] = ToParcel(parcels!.Features[i], parcelCrs, metric));
        return new CityModel(metric, wardUnits, schoolSites, [.. growth.OrderBy(g => g.Kind, StringComparer.Ordinal).ThenBy(g => g.Id, StringComparer.Ordinal)],
            [.. parcelUnits])
        {
            HasSchoolsLayer = schools is not null,
        };
    }
}
