using System.Globalization;
using Facilities.Application.Import;
using Facilities.Core.Features;
using Facilities.Core.Generation;
using Facilities.Core.Import;
using Facilities.Core.Validation;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Storage.Sqlite.Tracker;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Tests;

/// <summary>
/// School and industrial zone lists with the department's own Vietnamese headers: the ward they name is checked
/// against the ward their point lies in, the certificate column starts the tracker's cases, site areas and the
/// parks' years land in their fields.
/// </summary>
public sealed class AgencySchoolListTests : IDisposable
{
    private const string Header = "Mã trường,Tên trường,Cấp học,Số phòng học,Xã/Phường,GCN QSDĐ,Diện tích (m2),Ghi chú,lon,lat";
    private readonly TempDir _dir = new();
    private readonly string _dataset;
    private readonly FeatureLayer _wards;

    public AgencySchoolListTests()
    {
        _dataset = ImportAssert.ExistingDataset(_dir);
        _wards = GeoPackageDataset.ReadLayer(_dataset, "wards")!;
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WardNamedInTheListIsCheckedAgainstTheWardThePointLiesIn()
    {
        var (a, b) = (_wards.Features[0], _wards.Features[1]);
        var (codeA, nameA, codeB, nameB) = ((string)a["code"]!, (string)a["name"]!, (string)b["code"]!, (string)b["name"]!);
        // Row 1 names ward B without its prefix or diacritics but lies in A; rows 2 and 3 name A by name and by code.
        var bare = Core.Schema.NameNormalizer.FoldDiacritics(WardNames.Key(nameB) == "" ? nameB : nameB[(nameB.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToLowerInvariant();
        var csv = Schools(
            Row("T1", "Trường TH Một", "Tiểu học", 12, bare, "Đã cấp", 4500, a),
            Row("T2", "Trường TH Hai", "Tiểu học", 10, nameA, "Đang làm thủ tục", 3800, a),
            Row("T3", "Trường THCS Ba", "THCS", 14, codeA, "Chưa cấp", "", a));

        var outcome = DatasetImporter.Import(new ImportRequest(csv, "schools", _dataset), dryRun: true);

        Assert.False(outcome.Issues.HasErrors, string.Join("\n", outcome.Issues.Items.Select(i => i.Render(Language.En))));
        var warning = Assert.Single(outcome.Issues.Items, i => i.Code.StartsWith("ward-name", StringComparison.Ordinal));
        Assert.Equal(("ward-name-mismatch", "T1", "Xã/Phường"), (warning.Code, warning.Feature, warning.Field));
        var text = warning.Render(Language.En);
        Assert.Contains($"{nameB} ({codeB})", text, StringComparison.Ordinal);
        Assert.Contains($"{nameA} ({codeA})", text, StringComparison.Ordinal);
        Assert.Contains($"{nameB} ({codeB})", warning.Render(Language.Vi), StringComparison.Ordinal);
        Assert.All(outcome.Layer.Features, f => Assert.Equal(codeA, f["ward_code"]));
        Assert.Equal(["issued", "in_progress", "none"], outcome.Layer.Features.Select(f => (string)f["land_certificate"]!));
        Assert.Equal([4500.0, 3800.0, null], outcome.Layer.Features.Select(f => (double?)f["site_area_m2"]));
        Assert.Equal(bare, outcome.Layer.Features[0]["xa_phuong"]);
    }

    [Fact]
    public void WardNameTheDatasetDoesNotKnowIsAWarningNamingTheFoundWard()
    {
        var a = _wards.Features[0];
        var csv = Schools(Row("T1", "Trường TH Một", "Tiểu học", 12, "Phường Không Có", "Có", 4500, a));

        var outcome = DatasetImporter.Import(new ImportRequest(csv, "schools", _dataset), dryRun: true);

        var warning = Assert.Single(outcome.Issues.Items, i => i.Code == "ward-name-unknown");
        Assert.Contains($"{a["name"]} ({a["code"]})", warning.Render(Language.En), StringComparison.Ordinal);
        Assert.Equal(a["code"], outcome.Layer.Features[0]["ward_code"]);
    }

    [Fact]
    public void IssuedCertificateCountsAsCertifiedInTheTrackerAndTheOthersStayOpen()
    {
        var a = _wards.Features[0];
        var csv = Schools(
            Row("T1", "Trường TH Một", "Tiểu học", 12, "", "Đã cấp", 4500, a),
            Row("T2", "Trường TH Hai", "Tiểu học", 10, "", "Đang làm", 3800, a),
            Row("T3", "Trường THCS Ba", "THCS", 14, "", "Chưa có", 5000, a));

        var outcome = DatasetImporter.Import(new ImportRequest(csv, "schools", _dataset));

        Assert.True(outcome.Written, string.Join("\n", outcome.Issues.Items.Select(i => i.Render(Language.En))));
        Assert.Equal(["T1"], TrackerSites.Load(_dataset).Certified.Order());
    }

    [Fact]
    public void DatasetStoringTheOldYesNoStillReadsAsCertified()
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 10 });
        var schools = city.Layer("schools");
        var first = (string)schools.Features[0]["id"]!;
        foreach (var f in schools.Features)
        {
            f.Attributes["land_certificate"] = (string)f["id"]! == first ? "yes" : "no";
        }

        var path = _dir.File("old.gpkg");
        GeoPackageDataset.ReplaceLayers(path, city.Layers, new Dictionary<string, string>());

        Assert.Equal([first], TrackerSites.Load(path).Certified);
    }

    [Fact]
    public void IndustrialZoneYearsComeFromTheirVietnameseHeaders()
    {
        var csv = _dir.Write("kcn.csv",
            "WKT,Mã KCN,Tên KCN,Số lao động,Năm bắt đầu,Năm hoàn thành\n"
            + "\"POLYGON ((106.70 20.80, 106.72 20.80, 106.72 20.82, 106.70 20.82, 106.70 20.80))\",KCN-A,Khu công nghiệp A,12000,2027,2031\n"
            + "\"POLYGON ((106.74 20.80, 106.76 20.80, 106.76 20.82, 106.74 20.82, 106.74 20.80))\",KCN-B,Khu công nghiệp B,8000,,\n");

        var outcome = DatasetImporter.Import(new ImportRequest(csv, "industrial_zones", null), dryRun: true);

        Assert.False(outcome.Issues.HasErrors, string.Join("\n", outcome.Issues.Items.Select(i => i.Render(Language.En))));
        Assert.Equal([2027L, null], outcome.Layer.Features.Select(f => (long?)f["start_year"]));
        Assert.Equal([2031L, null], outcome.Layer.Features.Select(f => (long?)f["completion_year"]));
        Assert.DoesNotContain(outcome.Issues.Items, i => i.Code == "fields-kept-as-extra");
    }

    [Fact]
    public void ColumnsNotInTheSchemaAreNamedInOneNoticeWithTheirClosestField()
    {
        var a = _wards.Features[0];
        var csv = _dir.Write("truong.csv",
            "Mã trường,Tên trường,Cấp học,Số phòng học,Số phòng,Ghi chú,lon,lat\n"
            + $"T1,Trường TH Một,Tiểu học,12,9,mới xây,{Lon(a)},{Lat(a)}\n");

        var outcome = DatasetImporter.Import(new ImportRequest(csv, "schools", _dataset), dryRun: true);

        var notice = Assert.Single(outcome.Issues.Items, i => i.Code == "fields-kept-as-extra");
        Assert.Equal(IssueSeverity.Notice, notice.Severity);
        Assert.Contains("'Số phòng' → so_phong (closest: classrooms)", notice.Render(Language.En), StringComparison.Ordinal);
        Assert.Contains("'Ghi chú' → ghi_chu", notice.Render(Language.En), StringComparison.Ordinal);
        Assert.DoesNotContain("'Ghi chú' → ghi_chu (closest", notice.Render(Language.En), StringComparison.Ordinal);
        var extra = Assert.Single(outcome.Columns, c => c.Source == "Số phòng");
        Assert.Equal((ColumnRole.Extra, "classrooms", "9"), (extra.Role, extra.Closest, extra.Samples.Single()));
        Assert.Null(Assert.Single(outcome.Columns, c => c.Source == "Ghi chú").Closest);
    }

    private string Schools(params string[] rows) => _dir.Write("truong.csv", Header + "\n" + string.Join("\n", rows) + "\n");

    private static string Row(string id, string name, string level, int rooms, string ward, string certificate, object area, FeatureRecord inWard) =>
        string.Create(CultureInfo.InvariantCulture, $"{id},{name},{level},{rooms},{ward},{certificate},{area},,{Lon(inWard)},{Lat(inWard)}");

    private static string Lon(FeatureRecord ward) => Inside(ward).X.ToString("R", CultureInfo.InvariantCulture);

    private static string Lat(FeatureRecord ward) => Inside(ward).Y.ToString("R", CultureInfo.InvariantCulture);

    private static Coordinate Inside(FeatureRecord ward) => ward.Geometry!.InteriorPoint.Coordinate;
}
