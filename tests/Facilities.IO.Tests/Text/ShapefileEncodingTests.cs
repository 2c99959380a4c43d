using System.Text;
using Facilities.Application.Import;
using Facilities.Core.Features;
using Facilities.Core.Validation;
using Facilities.Formats.Readers;
using Facilities.Testing;

namespace Facilities.IO.Tests.Text;

/// <summary>
/// Shapefiles written by GDAL's ogr2ogr the ways agency files arrive: plain (LDID 87, no .cpg), Windows-1258,
/// and legacy-font text (VNI, TCVN3) stored under a Windows-1252 label or none. Every value imports as NFC Unicode.
/// </summary>
public sealed class ShapefileEncodingTests : IDisposable
{
    // VNI bytes from the vietnamese-conversion package's table; TCVN3 bytes as glibc iconv (TCVN5712-1) encodes.
    private const string VniSchool = "5472f6f4f86e6720546965e57520686fef63204c65e2204cf4ef69";
    private const string VniWard = "5068f6f4f86e67204861fb6920416e";
    private const string Tcvn3School = "5472adea6e67205469d3752068e463204caa204cee69";
    private const string Tcvn3Ward = "5068adea6e672048b66920416e";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void PlainOgr2ogrOutputWithLdid87AndNoCpgImports()
    {
        var shp = Ogr2ogr("plain", ("École Thérèse", "Lê Văn Hưu"), "");
        Assert.False(File.Exists(Path.ChangeExtension(shp, ".cpg")));
        Assert.Equal(0x57, File.ReadAllBytes(Path.ChangeExtension(shp, ".dbf"))[29]);
        var issues = new IssueList("plain.shp", "schools");

        var layer = ShapefileLayerReader.Read(shp, "schools", issues, Core.Spatial.CrsRegistry.Get(4326));

        Assert.Equal("École Thérèse", layer.Features[0]["ten"]);
        // GDAL wrote ISO-8859-1, which has no ă or ư: they are '?' in the file, and the import says so.
        Assert.Equal("Lê V?n H?u", layer.Features[0]["phuong"]);
        Assert.Contains(issues.Items, i => i.Code == "encoding-declared" && i.Message.En.Contains("LDID 0x57", StringComparison.Ordinal));
        var lost = Assert.Single(issues.Items, i => i.Code == "encoding-letters-lost");
        Assert.Equal(IssueSeverity.Warning, lost.Severity);
        Assert.Contains("field 'phuong'", lost.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows1258ShapefileWithoutCpgIsDetected()
    {
        // ArcView on a Vietnamese Windows: code page 1258 text, LDID 87 ("current ANSI"), no .cpg.
        var shp = Ogr2ogr("w1258", ("Trường Tiểu học Lê Lợi", "Phường Hải An"), "-lco ENCODING=CP1258");
        File.Delete(Path.ChangeExtension(shp, ".cpg"));
        SetLdid(shp, 0x57);
        var issues = new IssueList("w1258.shp", "schools");

        var layer = ShapefileLayerReader.Read(shp, "schools", issues, Core.Spatial.CrsRegistry.Get(4326));

        AssertNames(layer);
        var notice = Assert.Single(issues.Items);
        Assert.Equal(IssueSeverity.Notice, notice.Severity);
        Assert.Contains("Windows-1258", notice.Message.En, StringComparison.Ordinal);
        Assert.Contains("LDID 0x57", notice.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void VniTextUnderACpg1252IsConvertedWithAWarning()
    {
        var shp = Ogr2ogr("vni", (Mojibake(VniSchool), Mojibake(VniWard)), "-lco ENCODING=CP1252");
        Assert.Equal("CP1252", File.ReadAllText(Path.ChangeExtension(shp, ".cpg")).Trim());
        var issues = new IssueList("vni.shp", "schools");

        var layer = ShapefileLayerReader.Read(shp, "schools", issues, Core.Spatial.CrsRegistry.Get(4326));

        AssertNames(layer);
        var warning = Assert.Single(issues.Items);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Contains("VNI-Windows", warning.Message.En, StringComparison.Ordinal);
        Assert.Contains("the .cpg says 'CP1252'", warning.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Tcvn3DbfWithoutAnyLabelIsConvertedWithAWarning()
    {
        var shp = Ogr2ogr("tcvn3", (Mojibake(Tcvn3School), Mojibake(Tcvn3Ward)), "-lco ENCODING=CP1252");
        File.Delete(Path.ChangeExtension(shp, ".cpg"));
        var issues = new IssueList("tcvn3.shp", "schools");

        var layer = ShapefileLayerReader.Read(shp, "schools", issues, Core.Spatial.CrsRegistry.Get(4326));

        AssertNames(layer);
        Assert.Contains("TCVN3", Assert.Single(issues.Items, i => i.Severity == IssueSeverity.Warning).Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8ShapefileImportsWithoutAWordAboutEncodings()
    {
        var shp = Ogr2ogr("utf8", ("Trường Tiểu học Lê Lợi", "Phường Hải An"), "-lco ENCODING=UTF-8");
        var issues = new IssueList("utf8.shp", "schools");

        var layer = ShapefileLayerReader.Read(shp, "schools", issues, Core.Spatial.CrsRegistry.Get(4326));

        AssertNames(layer);
        Assert.Empty(issues.Items);
    }

    [Fact]
    public void FrenchNamesUnderCpg1252StayFrench()
    {
        var shp = Ogr2ogr("fr", ("Lycée François Mauriac", "Crème brûlée à Noël"), "-lco ENCODING=CP1252");
        var issues = new IssueList("fr.shp", "schools");

        var layer = ShapefileLayerReader.Read(shp, "schools", issues, Core.Spatial.CrsRegistry.Get(4326));

        Assert.Equal("Lycée François Mauriac", layer.Features[0]["ten"]);
        Assert.Equal("Crème brûlée à Noël", layer.Features[0]["phuong"]);
        Assert.DoesNotContain(issues.Items, i => i.Severity == IssueSeverity.Warning);
    }

    [Fact]
    public void EncodingOverrideWinsOverTheCpg()
    {
        var shp = Ogr2ogr("vni2", (Mojibake(VniSchool), Mojibake(VniWard)), "-lco ENCODING=CP1252");
        var issues = new IssueList("vni2.shp", "schools");

        var layer = ShapefileLayerReader.Read(shp, "schools", issues, Core.Spatial.CrsRegistry.Get(4326), "vni");

        AssertNames(layer);
        Assert.Equal("encoding-given", Assert.Single(issues.Items).Code);
    }

    [Fact]
    public void PlainOgr2ogrShapefileGoesThroughTheImporter()
    {
        var shp = Ogr2ogr("plain2", ("THCS Le Loi", "Hai An"), "");

        var outcome = DatasetImporter.Import(new ImportRequest(shp, "schools", null), dryRun: true);

        Assert.DoesNotContain(outcome.Issues.Items, i => i.Code.StartsWith("file-", StringComparison.Ordinal));
        Assert.Single(outcome.Layer.Features);
    }

    private static void AssertNames(FeatureLayer layer)
    {
        var school = (string)layer.Features[0]["ten"]!;
        Assert.Equal("Trường Tiểu học Lê Lợi", school);
        Assert.True(school.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Phường Hải An", layer.Features[0]["phuong"]);
    }

    // What a legacy-font file shows in Windows-1252: ogr2ogr -lco ENCODING=CP1252 writes these characters back as the original bytes.
    private static string Mojibake(string hex) => AgencyText.As1252(Convert.FromHexString(hex));

    private static void SetLdid(string shp, byte ldid)
    {
        using var s = File.Open(Path.ChangeExtension(shp, ".dbf"), FileMode.Open, FileAccess.Write);
        s.Position = 29;
        s.WriteByte(ldid);
    }

    private string Ogr2ogr(string name, (string Ten, string Phuong) values, string options)
    {
        ReferenceTools.Require("ogr2ogr");
        var geojson = _dir.Write(name + ".geojson", $$$"""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ma":"S1","ten":"{{{values.Ten}}}","phuong":"{{{values.Phuong}}}"},"geometry":{"type":"Point","coordinates":[106.7318,20.8421]}}]}
            """);
        var shp = _dir.File(name + ".shp");
        ReferenceTools.Run("ogr2ogr", $"-f \"ESRI Shapefile\" {options} \"{shp}\" \"{geojson}\"");
        return shp;
    }
}
