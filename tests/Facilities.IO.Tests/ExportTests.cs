using System.Text;
using Facilities.Application.Import;
using Facilities.Core.Generation;
using Facilities.Core.Validation;
using Facilities.Formats.Readers;
using Facilities.Formats.Writers;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.IO.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Core.Features.FeatureLayer Schools() =>
        SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 10 }).Layer("schools");

    [Fact]
    public void CsvExportIsByteIdenticalForTheSameInput()
    {
        var a = _dir.File("a.csv");
        var b = _dir.File("b.csv");

        CsvLayerWriter.Write(Schools(), a);
        CsvLayerWriter.Write(Schools(), b);

        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void CsvExportReimportsWithTheSameValues()
    {
        var schools = Schools();
        var path = _dir.File("schools.csv");
        CsvLayerWriter.Write(schools, path);

        var outcome = DatasetImporter.Import(new ImportRequest(path, "schools", null), dryRun: true);

        Assert.False(outcome.Issues.HasErrors);
        Assert.Equal(schools.Features.Count, outcome.Layer.Features.Count);
        for (var i = 0; i < schools.Features.Count; i++)
        {
            Assert.Equal(schools.Features[i]["name"], outcome.Layer.Features[i]["name"]);
            Assert.Equal(schools.Features[i]["classrooms"], outcome.Layer.Features[i]["classrooms"]);
            Assert.True(schools.Features[i].Geometry!.EqualsExact(outcome.Layer.Features[i].Geometry!, 1e-12));
        }
    }

    [Fact]
    public void CsvStartsWithAByteOrderMarkForExcel()
    {
        var path = _dir.File("s.csv");
        CsvLayerWriter.Write(Schools(), path);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), File.ReadAllBytes(path)[..3]);
    }

    [Fact]
    public void GeoJsonExportReadsBackWithVietnameseText()
    {
        var schools = Schools();
        var path = _dir.File("schools.geojson");
        GeoJsonLayerWriter.Write(schools, path);

        var back = GeoJsonLayerReader.Read(path, "schools", new IssueList("x", "schools"));

        Assert.Equal(schools.Features.Count, back.Features.Count);
        Assert.Equal(schools.Features[0]["name"], back.Features[0]["name"]);
        Assert.Contains("Trường", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void GeoJsonWithA2008CrsMemberIsReadInThatCrs()
    {
        var path = _dir.Write("s.geojson", """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::9210"}},
             "features":[{"type":"Feature","properties":{"id":"S1","name":"A","level":"thcs","classrooms":3},
               "geometry":{"type":"Point","coordinates":[596579.7577,2307734.6716]}}]}
            """);

        var outcome = DatasetImporter.Import(new ImportRequest(path, "schools", null), dryRun: true);

        Assert.False(outcome.Issues.HasErrors);
        Assert.Equal(106.68, outcome.Layer.Features[0].Geometry!.Coordinate.X, 1e-7);
    }

    [Fact]
    public void CsvWithWktColumnImports()
    {
        var path = _dir.Write("p.csv", "so_thua;loai_dat;wkt\nT1;DGD;\"POLYGON((106.6 20.8,106.601 20.8,106.601 20.801,106.6 20.801,106.6 20.8))\"\n");

        var outcome = DatasetImporter.Import(new ImportRequest(path, "parcels", null), dryRun: true);

        Assert.False(outcome.Issues.HasErrors, string.Join("\n", outcome.Issues.Items));
        Assert.Equal("T1", outcome.Layer.Features[0]["id"]);
        Assert.True((double)outcome.Layer.Features[0]["area_m2"]! > 10_000);
    }

    [Fact]
    public void ShortCsvRowIsReportedWithItsRow()
    {
        var path = _dir.Write("s.csv", "id,name,level,classrooms,lon,lat\nS1,A,thcs,3,106.65,20.81\nS2,B,thcs\n");

        var outcome = DatasetImporter.Import(new ImportRequest(path, "schools", null), dryRun: true);

        var issue = Assert.Single(outcome.Issues.Items, i => i.Code == "csv-row-short");
        Assert.Contains("row 3", issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void GeoPackageExportInVn2000OpensInGdalWithEpsg9210()
    {
        var path = _dir.File("schools_vn2000.gpkg");
        var schools = Schools();
        var vn = Core.Spatial.CrsRegistry.Get(9210);
        var projected = new Core.Features.FeatureLayer(schools.Name, vn, schools.Fields,
            [.. schools.Features.Select(f => new Core.Features.FeatureRecord(f.Ordinal, Core.Spatial.Reprojector.Transform(f.Geometry!, schools.Crs!, vn), f.Attributes))]);

        GeoPackageDataset.ReplaceLayers(path, [projected], new Dictionary<string, string>());

        var info = ReferenceTools.Run("ogrinfo", $"-so \"{path}\" schools");
        Assert.Contains("ID[\"EPSG\",9210]", info, StringComparison.Ordinal);
    }
}
