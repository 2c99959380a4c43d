using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.Cli.Tests;

/// <summary><c>export --crs EPSG:9210</c> to CSV gives the agencies' X = northing / Y = easting file, and it imports back.</summary>
public sealed class ExportVn2000CsvTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SchoolsExportedInVn2000ImportBackToTheSamePointsWithinOneCentimetre()
    {
        var dataset = _dir.File("city.gpkg");
        Assert.Equal(0, CliRunner.Run("generate", "--out", dataset, "--parcels", "20").Code);
        var before = GeoPackageDataset.ReadLayer(dataset, "schools")!;
        var csv = _dir.File("truong_vn2000.csv");

        var export = CliRunner.Run("export", dataset, "--layer", "schools", "--crs", "EPSG:9210", "--out", csv, "--lang", "en");
        var import = CliRunner.Run("import", csv, "--layer", "schools", "--crs", "EPSG:9210", "--into", dataset, "--lang", "en");

        Assert.True(export.Code == 0, export.Err);
        Assert.StartsWith("id,name,level,", File.ReadLines(csv).First(), StringComparison.Ordinal);
        // The generated city has a few polygon school sites, so the WKT column stays after X/Y.
        Assert.EndsWith(",X (VN-2000),Y (VN-2000),wkt", File.ReadLines(csv).First(), StringComparison.Ordinal);
        Assert.True(import.Code == 0, import.Out + import.Err);
        var after = GeoPackageDataset.ReadLayer(dataset, "schools")!;
        Assert.Equal(before.Features.Count, after.Features.Count);
        for (var i = 0; i < before.Features.Count; i++)
        {
            var (a, b) = (before.Features[i].Geometry!.Coordinate, after.Features[i].Geometry!.Coordinate);
            var metres = Math.Sqrt(Math.Pow((a.Y - b.Y) * 110_574, 2) + Math.Pow((a.X - b.X) * 111_320 * Math.Cos(a.Y * Math.PI / 180), 2));
            Assert.True(metres < 0.01, $"{before.Features[i]["id"]}: {metres:0.0000} m");
            Assert.Equal(before.Features[i]["name"], after.Features[i]["name"]);
        }
    }
}
