using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Precision;
using NetTopologySuite.Triangulate;

namespace Facilities.Core.Generation;

/// <summary>
/// Generates a plausible, clearly synthetic city: Voronoi wards (phường in the centre, xã outside) with
/// populations, schools of the four levels with classrooms and pupils (some short of rooms), two new urban areas
/// straddling ward borders, two industrial zones and non-overlapping parcels with cadastral land-use codes.
/// Built in VN-2000 / TM-3 105-45 metres (EPSG:9210) and returned in EPSG:4326. Deterministic for a seed.
/// </summary>
/// <remarks>
/// ASSUMPTION: age shares used to make pop_* (3–5: 4.6 %, 6–10: 7.6 %, 11–14: 5.6 %, 15–17: 4.1 %) approximate
/// Vietnam's 2019 census pyramid; they only make the sample plausible and are not norms.
/// </remarks>
public static class SampleCityGenerator
{
    private static readonly string[] WardNames =
    [
        "An Lạc", "Bình Minh", "Hoà Bình", "Hưng Thịnh", "Tân Tiến", "Thành Công", "Phú Xuân", "Đông Hải", "Nam Sơn",
        "Vĩnh Phúc", "Quang Trung", "Hồng Phong", "Minh Đức", "Tiên Lãng Mới", "Đại Thắng", "Kim Sơn", "Lạc Viên", "Cát Bi Mới",
    ];

    private static readonly (string Level, string Label, double AgeShare, int SchoolSize, int ClassSize, double RoomRatio)[] Levels =
    [
        ("mam_non", "Mầm non", 0.046, 260, 28, 1.0),
        ("tieu_hoc", "Tiểu học", 0.076, 750, 36, 1.0),
        ("thcs", "THCS", 0.056, 850, 42, 0.6),
        ("thpt", "THPT", 0.041, 1200, 42, 0.6),
    ];

    /// <summary>Generates the city.</summary>
    public static GeneratedCity Generate(SampleCityOptions options, IProgress<WorkProgress>? progress = null)
    {
        var rng = new Random(options.Seed);
        var metric = CrsRegistry.Get(9210);
        var wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var f = new GeometryFactory(new PrecisionModel(), metric.Srid);
        var (x0, y0) = Reprojector.Transform(options.OriginLon, options.OriginLat, wgs84, metric);
        var outline = Outline(f, rng, x0, y0, options.WidthMetres, options.HeightMetres);

        var wards = Wards(f, rng, outline, options);
        var schools = Schools(f, rng, wards);
        var urban = UrbanAreas(f, outline);
        var industrial = IndustrialZones(f, outline);
        var parcels = Parcels(f, rng, outline, wards, industrial, options, progress);

        FeatureLayer ToLayer(LayerSchema schema, List<FeatureRecord> records)
        {
            foreach (var r in records)
            {
                // PERF: parcels are built on a centimetre grid already; snapping rounding through overlay is for wards.
                var g = schema == DatasetSchema.Parcels ? r.Geometry! : Round(r.Geometry!);
                r.Geometry = Reprojector.Transform(g, metric, wgs84);
            }

            var fields = schema.Fields.Select(s => new FieldInfo(s.Name, s.Type)).ToList();
            return new FeatureLayer(schema.Name, wgs84, fields, records);
        }

        return new GeneratedCity(options,
        [
            ToLayer(DatasetSchema.Wards, wards),
            ToLayer(DatasetSchema.Schools, schools),
            ToLayer(DatasetSchema.UrbanAreas, urban),
            ToLayer(DatasetSchema.IndustrialZones, industrial),
            ToLayer(DatasetSchema.Parcels, parcels),
        ]);
    }

    /// <summary>
    /// A plausible synthetic school list for real wards (EPSG:4326 features with code, name, unit_type and
    /// population), made by the same rules as the sample city's: schools per level from population × age share, some
    /// short of rooms, at random points inside each ward. Deterministic for a seed. Used to try the computations on the
    /// real Hải Phòng wards, for which no school list is public (docs/deficit.md, calibration).
    /// </summary>
    public static FeatureLayer SchoolsIn(FeatureLayer wards, int seed)
    {
        var metric = CrsRegistry.Get(9210);
        var wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var f = new GeometryFactory(new PrecisionModel(), metric.Srid);
        var projected = wards.Features
            .Where(w => w.Geometry is not null && w["population"] is long && w["code"] is string && w["unit_type"] is string)
            .Select(w => new FeatureRecord(w.Ordinal, Reprojector.Transform(w.Geometry!, wgs84, metric), new Dictionary<string, object?>
            {
                ["code"] = w["code"],
                ["name"] = w["name"] ?? w["code"],
                ["unit_type"] = w["unit_type"],
                ["population"] = w["population"],
            }))
            .ToList();
        var schools = Schools(f, new Random(seed), projected);
        foreach (var r in schools)
        {
            r.Geometry = Reprojector.Transform(r.Geometry!, metric, wgs84);
        }

        return new FeatureLayer(DatasetSchema.Schools.Name, wgs84, DatasetSchema.Schools.Fields.Select(s => new FieldInfo(s.Name, s.Type)).ToList(), schools);
    }

    private static Polygon Outline(GeometryFactory f, Random rng, double x0, double y0, double w, double h)
    {
        // An irregular octagon-ish outline so ward edges are not all straight lines.
        var pts = new List<Coordinate>();
        for (var i = 0; i < 16; i++)
        {
            var a = 2 * Math.PI * i / 16;
            var r = 0.9 + (0.1 * rng.NextDouble());
            pts.Add(new Coordinate(x0 + (w / 2) + (w / 2 * r * Math.Cos(a)), y0 + (h / 2) + (h / 2 * r * Math.Sin(a))));
        }

        pts.Add(pts[0].Copy());
        return f.CreatePolygon([.. pts]);
    }

    private static List<FeatureRecord> Wards(GeometryFactory f, Random rng, Polygon outline, SampleCityOptions o)
    {
        var env = outline.EnvelopeInternal;
        var sites = new List<Coordinate>();
        while (sites.Count < o.Wards)
        {
            var c = new Coordinate(env.MinX + (rng.NextDouble() * env.Width), env.MinY + (rng.NextDouble() * env.Height));
            if (outline.Contains(f.CreatePoint(c)) && sites.TrueForAll(s => s.Distance(c) > Math.Sqrt(env.Area / o.Wards) * 0.45))
            {
                sites.Add(c);
            }
        }

        var builder = new VoronoiDiagramBuilder { ClipEnvelope = env };
        builder.SetSites(sites);
        var cells = builder.GetSubdivision().GetVoronoiCellPolygons(f)
            .Select(cell => cell.Intersection(outline))
            .Where(g => g is Polygon or MultiPolygon && !g.IsEmpty)
            .OrderByDescending(g => Math.Round(g.Centroid.Y / 100)).ThenBy(g => g.Centroid.X)
            .ToList();
        var centre = outline.Centroid.Coordinate;
        var maxDistance = cells.Max(c => c.Centroid.Coordinate.Distance(centre));
        var records = new List<FeatureRecord>();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var urban = cell.Centroid.Coordinate.Distance(centre) < 0.55 * maxDistance;
            var densityPerKm2 = urban ? 7000 + (rng.NextDouble() * 8000) : 700 + (rng.NextDouble() * 900);
            var population = (long)Math.Round(cell.Area / 1e6 * densityPerKm2);
            var name = WardNames[i % WardNames.Length] + (i >= WardNames.Length ? $" {(i / WardNames.Length) + 1}" : "");
            var a = new Dictionary<string, object?>
            {
                ["code"] = (99001 + i).ToString(CultureInfo.InvariantCulture),
                ["name"] = (urban ? "Phường " : "Xã ") + name,
                ["unit_type"] = urban ? "phuong" : "xa",
                ["population"] = population,
                ["area_m2"] = Math.Round(cell.Area, 2),
            };

            // Half the wards carry school-age counts; the rest exercise derivation from age shares.
            foreach (var (level, _, share, _, _, _) in Levels)
            {
                a["pop_" + level] = i % 2 == 0 ? (long)Math.Round(population * share * (0.9 + (0.2 * rng.NextDouble()))) : null;
            }

            records.Add(new FeatureRecord(i + 1, cell is Polygon p ? f.CreateMultiPolygon([p]) : cell, a));
        }

        return records;
    }

    private static List<FeatureRecord> Schools(GeometryFactory f, Random rng, List<FeatureRecord> wards)
    {
        var records = new List<FeatureRecord>();
        foreach (var ward in wards)
        {
            var population = (long)ward["population"]!;
            var urban = (string)ward["unit_type"]! == "phuong";
            foreach (var (level, label, share, size, classSize, ratio) in Levels)
            {
                var children = population * share;
                var count = Math.Max(1, (int)Math.Round(children / size));
                if (level == "thpt" && !urban && rng.NextDouble() < 0.5)
                {
                    continue; // rural communes often send upper-secondary pupils to a neighbour
                }

                for (var n = 1; n <= count; n++)
                {
                    var pupils = (long)Math.Round(children * (0.85 + (0.12 * rng.NextDouble())) / count);
                    var classes = (long)Math.Ceiling(pupils / (double)classSize);
                    // Urban schools are the crowded ones: fewer rooms than classes need.
                    var roomFactor = urban ? 0.70 + (0.3 * rng.NextDouble()) : 0.9 + (0.25 * rng.NextDouble());
                    var classrooms = Math.Max(1, (long)Math.Round(classes * ratio * roomFactor));
                    var location = RandomPointIn(f, rng, ward.Geometry!);
                    var id = $"{ward["code"]}-{level}-{n}";
                    Geometry geometry = level == "thpt" && n == 1 && urban
                        ? f.CreatePolygon(Square(location.Coordinate, Math.Sqrt(pupils * 8.0) / 2))
                        : location;
                    var owner = rng.NextDouble() < 0.1 ? "private" : "public";
                    var certificate = rng.NextDouble() switch { < 0.6 => "issued", < 0.85 => "none", _ => "in_progress" };
                    records.Add(new FeatureRecord(records.Count + 1, geometry, new Dictionary<string, object?>
                    {
                        ["id"] = id,
                        ["name"] = $"Trường {label} {((string)ward["name"]!).Replace("Phường ", "", StringComparison.Ordinal).Replace("Xã ", "", StringComparison.Ordinal)}{(count > 1 ? " " + n.ToString(CultureInfo.InvariantCulture) : "")}",
                        ["level"] = level,
                        ["classrooms"] = classrooms,
                        ["subject_rooms"] = level == "mam_non" ? 0L : (long)rng.Next(level == "tieu_hoc" ? 1 : 3, 10),
                        ["classes"] = classes,
                        ["pupils"] = pupils,
                        ["site_area_m2"] = geometry is Polygon ? Math.Round(geometry.Area, 2) : Math.Round(pupils * (urban ? 6 + (4 * rng.NextDouble()) : 9 + (5 * rng.NextDouble())), 0),
                        ["ownership"] = owner,
                        ["ward_code"] = ward["code"],
                        ["land_certificate"] = certificate,
                        // Some schools report no teachers, ground or toilets, so "unknown" stays visible in outputs.
                        ["teachers"] = rng.NextDouble() < 0.8 ? (long)Math.Round(classes * TeachersPerClass(level) * (0.8 + (0.25 * rng.NextDouble()))) : null,
                        ["teachers_english"] = level is "thcs" or "thpt" && rng.NextDouble() < 0.6 ? (long)Math.Max(1, Math.Round(classes * 0.15 * (0.6 + (0.6 * rng.NextDouble())))) : null,
                        ["teachers_it"] = null,
                        ["sports_ground_m2"] = rng.NextDouble() < 0.7 ? Math.Round(pupils * (urban ? 0.8 + (1.5 * rng.NextDouble()) : 1.5 + (2 * rng.NextDouble())), 0) : null,
                        ["standard_toilets"] = rng.NextDouble() < 0.6 ? (long)Math.Max(1, Math.Round(pupils / (18 + (20 * rng.NextDouble())))) : null,
                    }));
                }
            }
        }

        return records;
    }

    private static List<FeatureRecord> UrbanAreas(GeometryFactory f, Polygon outline)
    {
        var c = outline.Centroid.Coordinate;
        var env = outline.EnvelopeInternal;
        return
        [
            new(1, f.CreateMultiPolygon([Rect(f, c.X - 600, c.Y - (0.25 * env.Height), 1800, 1300)]), new Dictionary<string, object?>
            {
                ["id"] = "KDT-01", ["name"] = "Khu đô thị mới Bắc Sông (mẫu)", ["planned_population"] = 48_000L,
                ["start_year"] = 2024L, ["completion_year"] = 2032L, ["reserved_school_land_m2"] = 30_000.0, ["area_m2"] = 1800.0 * 1300,
            }),
            new(2, f.CreateMultiPolygon([Rect(f, c.X + (0.18 * env.Width), c.Y + (0.1 * env.Height), 1400, 1100)]), new Dictionary<string, object?>
            {
                ["id"] = "KDT-02", ["name"] = "Khu đô thị sinh thái Đông Hồ (mẫu)", ["planned_population"] = 22_000L,
                ["start_year"] = 2026L, ["completion_year"] = 2035L, ["reserved_school_land_m2"] = null, ["area_m2"] = 1400.0 * 1100,
            }),
        ];
    }

    private static List<FeatureRecord> IndustrialZones(GeometryFactory f, Polygon outline)
    {
        var env = outline.EnvelopeInternal;
        return
        [
            new(1, f.CreateMultiPolygon([Rect(f, env.MinX + (0.12 * env.Width), env.MinY + (0.2 * env.Height), 2200, 1500)]), new Dictionary<string, object?>
            {
                ["id"] = "KCN-01", ["name"] = "Khu công nghiệp Tây Cảng (mẫu)", ["workers"] = 38_000L, ["worker_housing_population"] = 12_000L, ["area_ha"] = 2200.0 * 1500 / 10_000,
            }),
            new(2, f.CreateMultiPolygon([Rect(f, env.MaxX - (0.22 * env.Width), env.MinY + (0.15 * env.Height), 1800, 1400)]), new Dictionary<string, object?>
            {
                ["id"] = "KCN-02", ["name"] = "Khu công nghiệp Nam Đình Vũ (mẫu)", ["workers"] = 24_000L, ["worker_housing_population"] = null, ["area_ha"] = 1800.0 * 1400 / 10_000,
            }),
        ];
    }

    private static List<FeatureRecord> Parcels(
        GeometryFactory f, Random rng, Polygon outline, List<FeatureRecord> wards, List<FeatureRecord> industrial,
        SampleCityOptions o, IProgress<WorkProgress>? progress)
    {
        // One parcel per grid cell, in a random subset of cells, so parcels never overlap.
        var env = outline.EnvelopeInternal;
        var cell = Math.Sqrt(outline.Area / (o.Parcels * 1.6));
        var cols = (int)(env.Width / cell);
        var rows = (int)(env.Height / cell);
        var locator = new WardLocator(new FeatureLayer("wards", null, [], wards));
        var urbanCodes = wards.Where(w => (string)w["unit_type"]! == "phuong").Select(w => (string)w["code"]!).ToHashSet();
        var zones = industrial.Select(z => NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(z.Geometry!.Buffer(1500))).ToList();
        var records = new List<FeatureRecord>(o.Parcels);
        var taken = new HashSet<long>();
        var attempts = 0L;
        while (records.Count < o.Parcels && attempts++ < o.Parcels * 20L)
        {
            var cx = env.MinX + ((rng.Next(cols) + 0.5) * cell);
            var cy = env.MinY + ((rng.Next(rows) + 0.5) * cell);
            var centre = new Coordinate(cx, cy);
            var ward = locator.Locate(centre);
            if (ward is null || !Occupy(cx, cy, cell))
            {
                continue;
            }

            var large = rng.NextDouble() < 0.08;
            var w = cell * (large ? 0.75 + (0.2 * rng.NextDouble()) : 0.15 + (0.45 * rng.NextDouble()));
            var h = cell * (large ? 0.6 + (0.35 * rng.NextDouble()) : 0.15 + (0.5 * rng.NextDouble()));
            if (rng.NextDouble() < 0.03)
            {
                h = Math.Min(h, 5); // a long thin strip, the kind a compactness rule must reject
                w = cell * 0.95;
            }

            var nearIndustry = zones.Exists(z => z.Contains(f.CreatePoint(centre)));
            var (use, owner) = LandUse(rng, urbanCodes.Contains(ward), large, nearIndustry);
            var planned = (owner == "state" || use == "LUC") && rng.NextDouble() < 0.08 ? "DGD" : use;
            records.Add(new FeatureRecord(records.Count + 1, f.CreateMultiPolygon([Rect(f, cx - (w / 2), cy - (h / 2), w, h)]), new Dictionary<string, object?>
            {
                ["id"] = "P" + (records.Count + 1).ToString("0000000", CultureInfo.InvariantCulture),
                ["land_use"] = use,
                ["planned_land_use"] = planned,
                ["owner_type"] = owner,
                ["area_m2"] = Math.Round(w * h, 2),
            }));
            if (records.Count % 10_000 == 0)
            {
                progress?.Report(new WorkProgress("generate", records.Count, o.Parcels));
            }
        }

        progress?.Report(new WorkProgress("generate", records.Count, o.Parcels));
        return records;

        bool Occupy(double x, double y, double size) => taken.Add(((long)Math.Floor(x / size) << 32) ^ (long)Math.Floor(y / size));
    }

    // Roughly the staffing norms (Circular 20/2023, Circular 19/2023), only to make the sample plausible.
    private static double TeachersPerClass(string level) => level switch { "mam_non" => 2.0, "tieu_hoc" => 1.5, "thcs" => 1.9, _ => 2.25 };

    private static (string Use, string Owner) LandUse(Random rng, bool urban, bool large, bool nearIndustry)
    {
        var r = rng.NextDouble();
        if (nearIndustry && r < 0.5)
        {
            return ("SKC", "organisation");
        }

        if (large)
        {
            return r switch
            {
                < 0.25 => ("DGD", "state"),
                < 0.45 => ("DHT", "state"),
                < 0.60 => ("TSC", "state"),
                < 0.75 => ("TMD", "organisation"),
                _ => ("LUC", "household"),
            };
        }

        return r switch
        {
            < 0.45 => (urban ? "ODT" : "ONT", "household"),
            < 0.65 => (urban ? "ODT" : "LUC", "household"),
            < 0.72 => ("CLN", "household"),
            < 0.78 => ("DGD", "state"),
            < 0.86 => ("DHT", "state"),
            < 0.90 => ("TMD", "organisation"),
            < 0.94 => ("NTS", "household"),
            _ => ("TSC", "state"),
        };
    }

    private static Point RandomPointIn(GeometryFactory f, Random rng, Geometry area)
    {
        var env = area.EnvelopeInternal;
        var inner = area.Buffer(-60);
        var target = inner.IsEmpty ? area : inner;
        for (var i = 0; i < 1000; i++)
        {
            var p = f.CreatePoint(new Coordinate(env.MinX + (rng.NextDouble() * env.Width), env.MinY + (rng.NextDouble() * env.Height)));
            if (target.Contains(p))
            {
                return p;
            }
        }

        return (Point)area.InteriorPoint;
    }

    private static Polygon Rect(GeometryFactory f, double x, double y, double w, double h)
    {
        static double Cm(double v) => Math.Round(v * 100) / 100;
        (x, y, w, h) = (Cm(x), Cm(y), Cm(w), Cm(h));
        return f.CreatePolygon([new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h), new(x, y)]);
    }

    private static Coordinate[] Square(Coordinate c, double half) =>
        [new(c.X - half, c.Y - half), new(c.X + half, c.Y - half), new(c.X + half, c.Y + half), new(c.X - half, c.Y + half), new(c.X - half, c.Y - half)];

    // Centimetre coordinates keep the sample files small and stable.
    private static Geometry Round(Geometry g)
    {
        var copy = RingOrientation.Counterclockwise(GeometryPrecisionReducer.Reduce(g, new PrecisionModel(100)), out _);
        if (g is MultiPolygon && copy is Polygon single)
        {
            copy = single.Factory.CreateMultiPolygon([single]);
        }

        copy.SRID = g.SRID;
        return copy;
    }
}
