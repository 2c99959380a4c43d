using System.Globalization;
using Facilities.Application.Import;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Formats.Readers;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Tests;

/// <summary>
/// VN-2000 shapefiles as cadastral offices deliver them (written here by GDAL's ogr2ogr, so the .prj is GDAL's
/// ESRI WKT without TOWGS84) import to within 0.05 m of PROJ's own transformation (cs2cs).
/// </summary>
public sealed class Vn2000ShapefileTests : IDisposable
{
    private const double ToleranceMetres = 0.05;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // Points across the merged city: Hải An, Thủy Nguyên, Cát Bà, Kiến Thụy, and former Hải Dương (Thành Đông).
    private static readonly (double Lon, double Lat)[] Points =
        [(106.7612, 20.8285), (106.6710, 20.9300), (107.0480, 20.7270), (106.6780, 20.7520), (106.3250, 20.9596)];

    [Theory]
    [InlineData(9210)]
    [InlineData(9209)]
    public void ShapefileWrittenByGdalImportsWithinFiveCentimetresOfProj(int srid)
    {
        var (shp, _) = GdalShapefile(srid);
        var prj = File.ReadAllText(Path.ChangeExtension(shp, ".prj"));
        Assert.Contains("D_Vietnam_2000", prj, StringComparison.Ordinal);
        Assert.DoesNotContain("TOWGS84", prj, StringComparison.Ordinal);

        var outcome = DatasetImporter.Import(new ImportRequest(shp, "schools", null), dryRun: true);

        Assert.False(outcome.Issues.HasErrors, string.Join("\n", outcome.Issues.Items));
        Assert.Equal(srid, outcome.SourceCrs!.Srid);
        AssertMatchesCs2cs(shp, srid, outcome.Layer.Features.Select(f => ((Point)f.Geometry!).Coordinate).ToList());
    }

    [Fact]
    public void CrsOptionOverridesAMissingPrj()
    {
        var (shp, _) = GdalShapefile(9209);
        File.Delete(Path.ChangeExtension(shp, ".prj"));

        var outcome = DatasetImporter.Import(new ImportRequest(shp, "schools", null) { CrsOverride = CrsRegistry.Get(9209) }, dryRun: true);

        Assert.False(outcome.Issues.HasErrors);
        AssertMatchesCs2cs(shp, 9209, outcome.Layer.Features.Select(f => ((Point)f.Geometry!).Coordinate).ToList());
    }

    [Fact]
    public void RealWardPolygonsSurviveAVn2000RoundTrip()
    {
        var source = SharedData.HaiPhong("communes_2025.geojson");
        ReferenceTools.Require("ogr2ogr");
        var shp = _dir.File("wards_vn2000.shp");
        ReferenceTools.Run("ogr2ogr", $"-f \"ESRI Shapefile\" -t_srs EPSG:9210 -lco ENCODING=UTF-8 \"{shp}\" \"{source}\"");

        var outcome = DatasetImporter.Import(new ImportRequest(shp, "wards", null), dryRun: true);

        Assert.False(outcome.Issues.HasErrors);
        Assert.Equal(114, outcome.Layer.Features.Count);
        var original = GeoJsonLayerReader.Read(source, "wards", new IssueList("x", "wards"));
        var byCode = original.Features.ToDictionary(f => (string)f["code"]!);
        foreach (var ward in outcome.Layer.Features)
        {
            var a = ward.Geometry!.Coordinates[0];
            var b = byCode[(string)ward["code"]!].Geometry!.Coordinates[0];
            Assert.True(Metres(a, b) < ToleranceMetres, $"ward {ward["code"]}: {Metres(a, b):0.000} m");
        }
    }

    private (string Shp, string GeoJson) GdalShapefile(int srid)
    {
        ReferenceTools.Require("ogr2ogr");
        var features = string.Join(",", Points.Select((p, i) => string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"ma_truong\":\"S{i}\",\"ten_truong\":\"Trường THCS số {i}\",\"cap_hoc\":\"THCS\",\"so_phong_hoc\":{10 + i}}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{p.Lon},{p.Lat}]}}}}")));
        var geojson = _dir.Write($"schools_{srid}.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
        var shp = _dir.File($"schools_{srid}.shp");
        ReferenceTools.Run("ogr2ogr", $"-f \"ESRI Shapefile\" -t_srs EPSG:{srid} -lco ENCODING=UTF-8 \"{shp}\" \"{geojson}\"");
        return (shp, geojson);
    }

    private static void AssertMatchesCs2cs(string shp, int srid, List<Coordinate> imported)
    {
        // The shapefile's own eastings/northings, transformed by PROJ, are the reference.
        var raw = ShapefileLayerReader.Read(shp, "schools", new IssueList("x", "schools"));
        var input = string.Join("\n", raw.Features.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Geometry!.Coordinate.X:R} {f.Geometry.Coordinate.Y:R}")));
        var output = ReferenceTools.Run("cs2cs", $"-f %.10f EPSG:{srid} EPSG:4326", input + "\n");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(imported.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            // cs2cs prints EPSG:4326 in its axis order: latitude, then longitude.
            var parts = lines[i].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var reference = new Coordinate(double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[0], CultureInfo.InvariantCulture));
            var d = Metres(imported[i], reference);
            Assert.True(d < ToleranceMetres, $"point {i}: {d:0.0000} m from cs2cs");
        }
    }

    // Local equirectangular distance; exact enough at the centimetre scale.
    private static double Metres(Coordinate a, Coordinate b)
    {
        var dy = (a.Y - b.Y) * 110_574;
        var dx = (a.X - b.X) * 111_320 * Math.Cos(a.Y * Math.PI / 180);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
