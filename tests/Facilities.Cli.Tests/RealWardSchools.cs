using System.Globalization;
using Facilities.Core.Features;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.Cli.Tests;

/// <summary>
/// The real 114 Hải Phòng wards with a realistic school list inside them (no real school list is public): per ward and
/// level one school (two in wards over 60,000 people) at the ward's interior point, enrolling what the ward's children
/// would, in rooms from 60 % to 140 % of the need (fixed seed), so the map has both shortages and surpluses.
/// Skips cleanly when ../shared/data/haiphong is absent.
/// </summary>
internal static class RealWardSchools
{
    // Rough shares of the population per level (age band × enrolment) and pupils per room; realistic, not norms.
    private static readonly (string Level, double Share, int PerRoom)[] Levels =
        [("mam_non", 0.055, 25), ("tieu_hoc", 0.075, 35), ("thcs", 0.055, 40), ("thpt", 0.040, 42)];

    /// <summary>Imports the wards (titled) and writes the schools; returns the dataset path.</summary>
    public static string Create(TempDir dir, string? title = null)
    {
        var dataset = dir.File("hp.gpkg");
        string[] args = title is null
            ? ["import", SharedData.HaiPhong("communes_2025.geojson"), "--layer", "wards", "--into", dataset]
            : ["import", SharedData.HaiPhong("communes_2025.geojson"), "--layer", "wards", "--into", dataset, "--title", title];
        var (code, _, err) = CliRunner.Run(args);
        if (code != 0)
        {
            throw new InvalidOperationException(err);
        }

        var wards = GeoPackageDataset.ReadLayer(dataset, "wards")!;
        var random = new Random(20251);
        var schools = new List<FeatureRecord>();
        foreach (var ward in wards.Features)
        {
            var population = Convert.ToDouble(ward["population"], CultureInfo.InvariantCulture);
            var wardCode = (string)ward["code"]!;
            var point = ward.Geometry!.InteriorPoint;
            var count = population > 60_000 ? 2 : 1;
            foreach (var (level, share, perRoom) in Levels)
            {
                for (var k = 0; k < count; k++)
                {
                    var pupils = (long)Math.Round(population * share / count);
                    var rooms = (long)Math.Max(1, Math.Round(pupils / (double)perRoom * (0.6 + (0.8 * random.NextDouble()))));
                    schools.Add(new FeatureRecord(schools.Count + 1, point, new Dictionary<string, object?>
                    {
                        ["id"] = $"{wardCode}-{level}-{k + 1}",
                        ["name"] = $"Trường {level} {ward["name"]} {k + 1}",
                        ["level"] = level,
                        ["classrooms"] = rooms,
                        ["pupils"] = pupils,
                        ["ownership"] = "public",
                        ["ward_code"] = wardCode,
                    }));
                }
            }
        }

        List<FieldInfo> fields =
        [
            new("id", FieldType.Text), new("name", FieldType.Text), new("level", FieldType.Text), new("classrooms", FieldType.Integer),
            new("pupils", FieldType.Integer), new("ownership", FieldType.Text), new("ward_code", FieldType.Text),
        ];
        GeoPackageDataset.ReplaceLayers(dataset, [new FeatureLayer("schools", wards.Crs, fields, schools)], new Dictionary<string, string>());
        return dataset;
    }
}
