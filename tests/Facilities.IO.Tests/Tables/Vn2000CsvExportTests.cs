using System.Globalization;
using Facilities.Application.Import;
using Facilities.Core.Features;
using Facilities.Core.Generation;
using Facilities.Core.Spatial;
using Facilities.Formats.Writers;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Tests.Tables;

/// <summary>CSV export in VN-2000 writes X = northing, Y = easting to the centimetre, and reads back to the same points.</summary>
public sealed class Vn2000CsvExportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // The generated city's point schools (a few of its schools are site polygons).
    private static (FeatureLayer Lonlat, FeatureLayer Vn2000) Schools()
    {
        var all = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 10 }).Layer("schools");
        var schools = new FeatureLayer(all.Name, all.Crs, all.Fields, [.. all.Features.Where(f => f.Geometry is Point)]);
        var vn = CrsRegistry.Get(9210);
        var projected = new FeatureLayer(schools.Name, vn, schools.Fields,
            [.. schools.Features.Select(f => new FeatureRecord(f.Ordinal, Reprojector.Transform(f.Geometry!, schools.Crs!, vn), f.Attributes))]);
        return (schools, projected);
    }

    [Fact]
    public void PointsAreWrittenNorthingFirstToTheCentimetreUnderVn2000Headers()
    {
        var (_, vn) = Schools();
        Assert.All(vn.Features, f => Assert.IsType<Point>(f.Geometry));
        var path = _dir.File("schools_9210.csv");

        CsvLayerWriter.Write(vn, path);

        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        Assert.Equal(["X (VN-2000)", "Y (VN-2000)"], header[^2..]);
        for (var i = 0; i < vn.Features.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            var p = (Point)vn.Features[i].Geometry!;
            Assert.Equal(p.Y.ToString("F2", CultureInfo.InvariantCulture), cells[^2]);
            Assert.Equal(p.X.ToString("F2", CultureInfo.InvariantCulture), cells[^1]);
        }
    }

    [Fact]
    public void Vn2000CsvExportReimportsToTheSamePointsWithinOneCentimetre()
    {
        var (lonlat, vn) = Schools();
        var path = _dir.File("schools_9210.csv");
        CsvLayerWriter.Write(vn, path);

        var outcome = DatasetImporter.Import(new ImportRequest(path, "schools", null) { CrsOverride = CrsRegistry.Get(9210) }, dryRun: true);

        Assert.False(outcome.Issues.HasErrors, string.Join("\n", outcome.Issues.Items));
        Assert.Contains("'X (VN-2000)' is the northing", Assert.Single(outcome.Issues.Items, i => i.Code == "coordinates-axis-order").Message.En, StringComparison.Ordinal);
        Assert.Equal(lonlat.Features.Count, outcome.Layer.Features.Count);
        for (var i = 0; i < lonlat.Features.Count; i++)
        {
            Assert.Equal(lonlat.Features[i]["id"], outcome.Layer.Features[i]["id"]);
            Assert.Equal(lonlat.Features[i]["classrooms"], outcome.Layer.Features[i]["classrooms"]);
            var d = Vn2000Reference.Metres(lonlat.Features[i].Geometry!.Coordinate, outcome.Layer.Features[i].Geometry!.Coordinate);
            Assert.True(d < 0.01, $"{lonlat.Features[i]["id"]}: {d:0.0000} m");
        }
    }

    [Fact]
    public void PolygonsInAProjectedCsvKeepTheirWkt()
    {
        var vn = CrsRegistry.Get(9210);
        var lonlat = new FeatureLayer("schools", CrsRegistry.Get(4326), [new FieldInfo("id", FieldType.Text)],
            [new FeatureRecord(1, Wkt.Read("POLYGON((106.68 20.84,106.681 20.84,106.681 20.841,106.68 20.841,106.68 20.84))"), new() { ["id"] = "S1" })]);
        var projected = new FeatureLayer("schools", vn, lonlat.Fields,
            [new FeatureRecord(1, Reprojector.Transform(lonlat.Features[0].Geometry!, lonlat.Crs!, vn), lonlat.Features[0].Attributes)]);
        var path = _dir.File("site.csv");

        CsvLayerWriter.Write(projected, path);

        var lines = File.ReadAllLines(path);
        Assert.Equal("id,X (VN-2000),Y (VN-2000),wkt", lines[0]);
        Assert.Contains("POLYGON", lines[1], StringComparison.Ordinal);
    }
}
