using System.Text;
using Facilities.Application.Import;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace Facilities.IO.Tests;

/// <summary>Each kind of bad input gets its message, naming file, layer, feature and field, and writes nothing.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _dataset;

    public BadInputTests() => _dataset = ImportAssert.ExistingDataset(_dir);

    public void Dispose() => _dir.Dispose();

    private string GeoJson(string name, params string[] features) =>
        _dir.Write(name, "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}");

    private static string Ward(string code, string geometry, string extra = "") =>
        $"{{\"type\":\"Feature\",\"properties\":{{\"code\":\"{code}\",\"name\":\"Phường {code}\",\"unit_type\":\"phuong\",\"population\":1000{extra}}},\"geometry\":{geometry}}}";

    private const string Square = "{\"type\":\"Polygon\",\"coordinates\":[[[106.6,20.8],[106.61,20.8],[106.61,20.81],[106.6,20.81],[106.6,20.8]]]}";

    [Fact]
    public void SelfIntersectingPolygonIsRejected()
    {
        var bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[106.6,20.8],[106.61,20.81],[106.61,20.8],[106.6,20.81],[106.6,20.8]]]}";
        var path = GeoJson("wards.geojson", Ward("11001", Square), Ward("11002", bowTie));

        var issue = ImportAssert.Rejected(new ImportRequest(path, "wards", _dataset), "geometry-self-intersection");

        Assert.Equal(("wards", "11002"), (issue.Layer, issue.Feature));
    }

    [Fact]
    public void EmptyGeometryIsRejected() =>
        ImportAssert.Rejected(new ImportRequest(GeoJson("w.geojson", Ward("11001", "{\"type\":\"Polygon\",\"coordinates\":[]}")), "wards", _dataset), "geometry-empty");

    [Fact]
    public void WrongGeometryTypeIsRejected() =>
        ImportAssert.Rejected(new ImportRequest(GeoJson("w.geojson", Ward("11001", "{\"type\":\"Point\",\"coordinates\":[106.6,20.8]}")), "wards", _dataset), "geometry-wrong-type");

    [Fact]
    public void SwappedLonLatInCsvIsRejected()
    {
        var path = _dir.Write("schools.csv", "id,name,level,classrooms,lon,lat\nS1,Trường A,thcs,10,20.81,106.65\n");

        var issue = ImportAssert.Rejected(new ImportRequest(path, "schools", _dataset), "coordinates-swapped");

        Assert.Equal("S1", issue.Feature);
    }

    [Fact]
    public void Vn2000MetresReadAsDegreesAreRejected()
    {
        var path = _dir.Write("schools.csv", "ma_truong,ten,cap_hoc,so_phong_hoc,x,y\nS1,Trường A,THCS,10,596579.76,2307734.67\n");

        var issue = ImportAssert.Rejected(new ImportRequest(path, "schools", _dataset), "coordinates-not-degrees");

        Assert.Contains("--crs EPSG:9210", issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateIdsAreRejected() =>
        ImportAssert.Rejected(new ImportRequest(GeoJson("w.geojson", Ward("11001", Square), Ward("11001", Square)), "wards", _dataset), "id-duplicate");

    [Fact]
    public void MissingRequiredFieldIsRejected()
    {
        var path = GeoJson("w.geojson", $"{{\"type\":\"Feature\",\"properties\":{{\"code\":\"11001\",\"name\":\"A\",\"unit_type\":\"xa\"}},\"geometry\":{Square}}}");

        var issue = ImportAssert.Rejected(new ImportRequest(path, "wards", _dataset), "field-absent");

        Assert.Equal("population", issue.Field);
    }

    [Fact]
    public void NegativeCountIsRejected()
    {
        var path = _dir.Write("schools.csv", "id,name,level,classrooms,lon,lat\nS1,Trường A,thcs,-3,106.65,20.81\n");

        var issue = ImportAssert.Rejected(new ImportRequest(path, "schools", _dataset), "value-negative");

        Assert.Equal(("S1", "classrooms"), (issue.Feature, issue.Field));
    }

    [Fact]
    public void SchoolOutsideEveryWardIsRejected()
    {
        // The generated city lies around 106.58–106.73 E; 107.5 E is in the Gulf of Tonkin, inside no ward.
        var path = _dir.Write("schools.csv", "id,name,level,classrooms,lon,lat\nS1,Trường A,thcs,3,107.5,20.5\n");

        ImportAssert.Rejected(new ImportRequest(path, "schools", _dataset), "school-outside-wards");
    }

    [Fact]
    public void TruncatedGeoJsonIsRejected()
    {
        var full = File.ReadAllText(GeoJson("full.geojson", Ward("11001", Square), Ward("11002", Square)));
        var path = _dir.Write("cut.geojson", full[..(full.Length * 2 / 3)]);

        var issue = ImportAssert.Rejected(new ImportRequest(path, "wards", _dataset), "file-truncated");

        Assert.Equal("cut.geojson", issue.File);
    }

    [Fact]
    public void NonUtf8GeoJsonIsRejectedWithItsLine()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + Ward("11001", Square).Replace("Phường", "Phường Hải An", StringComparison.Ordinal) + "\n]}";
        var path = _dir.File("w1258.geojson");
        File.WriteAllBytes(path, Encoding.GetEncoding(1258).GetBytes(text));

        var issue = ImportAssert.Rejected(new ImportRequest(path, "wards", _dataset), "file-not-utf8");

        Assert.Contains("line 2", issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedShapefileIsRejected()
    {
        var shp = WriteShapefile("parcels.shp", Encoding.UTF8, 20);
        var bytes = File.ReadAllBytes(shp);
        File.WriteAllBytes(shp, bytes[..(bytes.Length - 150)]);

        ImportAssert.Rejected(new ImportRequest(shp, "parcels", _dataset) { CrsOverride = Core.Spatial.CrsRegistry.Get(9210) }, "file-truncated");
    }

    [Fact]
    public void DbfTextInNoVietnameseEncodingAndNoLabelIsRejected()
    {
        // Windows-1258, TCVN3 and VNI text is recognised (Text/ShapefileEncodingTests); Cyrillic with neither a
        // .cpg nor a code-page byte reads as none of them, so the import stops and names the field.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var shp = WriteShapefile("parcels.shp", Encoding.GetEncoding(1251), 3, "Школа №5");
        File.Delete(Path.ChangeExtension(shp, ".cpg"));
        using (var dbf = File.Open(Path.ChangeExtension(shp, ".dbf"), FileMode.Open, FileAccess.Write))
        {
            dbf.Position = 29;
            dbf.WriteByte(0);
        }

        var issue = ImportAssert.Rejected(new ImportRequest(shp, "parcels", _dataset) { CrsOverride = Core.Spatial.CrsRegistry.Get(9210) }, "file-not-utf8");

        Assert.Contains("field 'ghi_chu'", issue.Message.En, StringComparison.Ordinal);
        Assert.Contains("--encoding", issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapefileWithoutPrjAsksForCrs()
    {
        var shp = WriteShapefile("parcels.shp", Encoding.UTF8, 3);
        File.Delete(Path.ChangeExtension(shp, ".prj"));

        var issue = ImportAssert.Rejected(new ImportRequest(shp, "parcels", _dataset), "crs-unknown");

        Assert.Contains("--crs", issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsRejected() =>
        ImportAssert.Rejected(new ImportRequest(_dir.File("nothing.geojson"), "wards", _dataset), "file-not-found");

    [Fact]
    public void ValidFileAfterAFailureStillImports()
    {
        var outcome = DatasetImporter.Import(new ImportRequest(GeoJson("ok.geojson", Ward("11001", Square)), "wards", _dataset));

        Assert.True(outcome.Written);
        Assert.Single(GeoPackageDataset.ReadLayer(_dataset, "wards")!.Features);
    }

    private string WriteShapefile(string name, Encoding encoding, int count, string note = "Đất trường học Hải An")
    {
        var path = _dir.File(name);
        var f = new GeometryFactory();
        var features = Enumerable.Range(0, count).Select(i =>
        {
            var x = 596000 + (i * 100.0);
            var polygon = f.CreatePolygon([new(x, 2307000), new(x, 2307050), new(x + 50, 2307050), new(x + 50, 2307000), new(x, 2307000)]);
            return (IFeature)new Feature(polygon, new AttributesTable
            {
                { "so_thua", $"T{i}" }, { "loai_dat", "DGD" }, { "ghi_chu", note },
            });
        }).ToList();
        Shapefile.WriteAllFeatures(features, path, Core.Spatial.CrsRegistry.Get(9210).Wkt, encoding);
        return path;
    }
}
