using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Facilities.Testing;

/// <summary>
/// A realistic school list for real wards that come without one: per ward and level, schools of 15–35 classrooms at
/// the ward's label point covering 70–105 % of the ward's pupils (population × age share × enrolment), sites from
/// 0.8 to 1.6 times the norm's land per pupil, certificates issued, in progress or not started. Seeded, so the same
/// wards give the same list.
/// </summary>
public static class GeneratedSchools
{
    private static readonly (string Level, double Share, double PerRoom, double LandPerPupil)[] Levels =
        [("mam_non", 0.045, 30, 12), ("tieu_hoc", 0.075, 35, 10), ("thcs", 0.058, 75, 10), ("thpt", 0.040, 75, 10)];

    /// <summary>Writes a schools GeoJSON for the wards of <paramref name="wardsGeoJson"/> (fields code, population_2025_sapnhap, label_lon, label_lat).</summary>
    public static void Write(string wardsGeoJson, string path, int seed)
    {
        var rng = new Random(seed);
        using var doc = JsonDocument.Parse(File.ReadAllText(wardsGeoJson));
        var features = new List<string>();
        string[] certificates = ["issued", "issued", "in_progress", "none"];
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            if (p.GetProperty("population_2025_sapnhap").ValueKind != JsonValueKind.Number)
            {
                continue;
            }
            var code = p.GetProperty("code").GetString()!;
            var population = p.GetProperty("population_2025_sapnhap").GetDouble();
            var (lon, lat) = (p.GetProperty("label_lon").GetDouble(), p.GetProperty("label_lat").GetDouble());
            foreach (var (level, share, perRoom, land) in Levels)
            {
                var pupils = population * share;
                var rooms = (int)Math.Ceiling(pupils * (0.7 + (0.35 * rng.NextDouble())) / perRoom);
                for (var k = 0; rooms > 0; k++)
                {
                    var size = Math.Min(rooms, rng.Next(15, 36));
                    rooms -= size;
                    var schoolPupils = (int)(size * perRoom * 0.95);
                    var site = schoolPupils * land * (0.8 + (0.8 * rng.NextDouble()));
                    features.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{{\"type\":\"Feature\",\"properties\":{{\"id\":\"{code}-{level}-{k + 1}\",\"name\":\"Trường {level} số {k + 1} ({code})\",\"level\":\"{level}\",\"classrooms\":{size},\"pupils\":{schoolPupils},\"site_area_m2\":{site:0},\"ownership\":\"public\",\"land_certificate\":\"{certificates[rng.Next(certificates.Length)]}\"}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lon},{lat}]}}}}"));
                }
            }
        }
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", features) + "\n]}\n", new UTF8Encoding(false));
    }
}
