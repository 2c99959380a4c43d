using Facilities.Application.Import;
using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Formats;
using Facilities.Formats.Readers;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.IO.Tests;

/// <summary>Cases a review of the first import pipeline found broken.</summary>
public sealed class ReviewRegressionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Square = "{\"type\":\"Polygon\",\"coordinates\":[[[106.6,20.8],[106.61,20.8],[106.61,20.81],[106.6,20.81],[106.6,20.8]]]}";
    private const string Square2 = "{\"type\":\"Polygon\",\"coordinates\":[[[106.61,20.8],[106.62,20.8],[106.62,20.81],[106.61,20.81],[106.61,20.8]]]}";

    private string Wards(string name, params (string Code, string Geometry, string Extra)[] wards) => _dir.Write(name,
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", wards.Select(w =>
            $"{{\"type\":\"Feature\",\"properties\":{{\"code\":\"{w.Code}\",\"name\":\"P {w.Code}\",\"unit_type\":\"xa\",\"population\":10{w.Extra}}},\"geometry\":{w.Geometry}}}")) + "]}");

    [Fact]
    public void SourceFieldsNamedFidAndGeomAreKeptUnderAnotherName()
    {
        var dataset = _dir.File("d.gpkg");

        var outcome = DatasetImporter.Import(new ImportRequest(Wards("w.geojson", ("11001", Square, ",\"fid\":7,\"geom\":\"x\"")), "wards", dataset));

        Assert.True(outcome.Written, string.Join("\n", outcome.Issues.Items));
        var w = GeoPackageDataset.ReadLayer(dataset, "wards")!.Features[0];
        Assert.Equal(7L, w["fid_2"]);
        Assert.Equal("x", w["geom_2"]);
    }

    [Fact]
    public void CrsOptionRescuesAPrjTheToolDoesNotRecognise()
    {
        var source = _dir.Write("s.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"S1\",\"name\":\"A\",\"level\":\"thcs\",\"classrooms\":3},\"geometry\":{\"type\":\"Point\",\"coordinates\":[596579.7577,2307734.6716]}}]}");
        var shp = _dir.File("s.shp");
        ReferenceTools.Run("ogr2ogr", $"-f \"ESRI Shapefile\" -s_srs EPSG:9210 -a_srs \"+proj=lcc +lat_1=20 +lat_2=22 +lat_0=21 +lon_0=106 +datum=WGS84\" \"{shp}\" \"{source}\"");

        var refused = Assert.Throws<DataFileException>(() => DatasetImporter.Import(new ImportRequest(shp, "schools", null), dryRun: true));
        var rescued = DatasetImporter.Import(new ImportRequest(shp, "schools", null) { CrsOverride = CrsRegistry.Get(9210) }, dryRun: true);

        Assert.Equal("crs-unsupported", refused.Issue.Code);
        Assert.False(rescued.Issues.HasErrors);
        Assert.Equal(106.68, rescued.Layer.Features[0].Geometry!.Coordinate.X, 1e-7);
    }

    [Fact]
    public void GeoJsonIntegersStayIntegersAndMixedColumnsBecomeText()
    {
        var path = Wards("w.geojson", ("11001", Square, ",\"n\":837,\"mixed\":1"), ("11002", Square2, ",\"n\":5,\"mixed\":\"abc\""));

        var layer = GeoJsonLayerReader.Read(path, "wards", new IssueList("w", "wards"));

        Assert.Equal(837L, layer.Features[0]["n"]);
        Assert.Equal(FieldType.Integer, layer.Field("n")!.Type);
        Assert.Equal(FieldType.Text, layer.Field("mixed")!.Type);
    }

    [Fact]
    public void AppendAddsToTheLayerAndRefusesAnIdAlreadyThere()
    {
        var dataset = _dir.File("d.gpkg");
        DatasetImporter.Import(new ImportRequest(Wards("a.geojson", ("11001", Square, "")), "wards", dataset));

        var appended = DatasetImporter.Import(new ImportRequest(Wards("b.geojson", ("11002", Square2, "")), "wards", dataset) { Append = true });
        var before = File.ReadAllBytes(dataset);
        var clash = DatasetImporter.Import(new ImportRequest(Wards("c.geojson", ("11001", Square2, "")), "wards", dataset) { Append = true });

        Assert.True(appended.Written);
        Assert.Equal(["11001", "11002"], GeoPackageDataset.ReadLayer(dataset, "wards")!.Features.Select(f => (string)f["code"]!));
        Assert.False(clash.Written);
        Assert.Contains(clash.Issues.Items, i => i.Code == "id-duplicate" && i.Feature == "11001");
        Assert.Equal(before, File.ReadAllBytes(dataset));
    }

    [Fact]
    public void WithoutAppendTheLayerIsReplaced()
    {
        var dataset = _dir.File("d.gpkg");
        DatasetImporter.Import(new ImportRequest(Wards("a.geojson", ("11001", Square, "")), "wards", dataset));

        DatasetImporter.Import(new ImportRequest(Wards("b.geojson", ("11002", Square2, "")), "wards", dataset));

        Assert.Equal(["11002"], GeoPackageDataset.ReadLayer(dataset, "wards")!.Features.Select(f => (string)f["code"]!));
    }

    [Fact]
    public void AllEmptyFieldTotalsAreUnknownNotZero()
    {
        var dataset = _dir.File("d.gpkg");
        DatasetImporter.Import(new ImportRequest(Wards("a.geojson", ("11001", Square, "")), "wards", dataset));

        var wards = DatasetSummary.Compute(dataset).Single(s => s.Table.Name == "wards");

        Assert.Null(wards.Sums.Single(t => t.Field == "pop_thcs").Sum);
        Assert.Equal(10, wards.Sums.Single(t => t.Field == "population").Sum);
    }
}
