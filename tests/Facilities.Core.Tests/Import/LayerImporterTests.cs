using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Import;

public class LayerImporterTests
{
    private static readonly string SquareA = LayerBuilder.WardSquare(106.60, 20.80);
    private static readonly string SquareB = LayerBuilder.WardSquare(106.61, 20.80);

    private static ImportResult Import(FeatureLayer layer, FeatureLayer? wards = null) =>
        LayerImporter.Import(layer, new ImportOptions(DatasetSchema.Get(layer.Name), "test.geojson") { Wards = wards });

    private static FeatureLayer TwoWards() => Import(new LayerBuilder("wards")
        .Add(SquareA, ("ma_xa", "11001"), ("ten", "Phường A"), ("loai", "Phường"), ("dan_so", 12000L))
        .Add(SquareB, ("ma_xa", "11002"), ("ten", "Xã B"), ("loai", "Xã"), ("dan_so", 3000L))
        .Build()).Layer;

    private static IEnumerable<string> ErrorCodes(ImportResult r) => r.Issues.Items.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Code);

    [Fact]
    public void AgencyWardFileImportsWithMappedFieldsAndCodes()
    {
        var result = Import(new LayerBuilder("wards")
            .Add(SquareA, ("ma_xa", "11001"), ("ten", "Phường A"), ("loai", "Phường"), ("dan_so", 12000L), ("ghi_chu", "x"))
            .Build());

        Assert.False(result.Issues.HasErrors);
        var w = Assert.Single(result.Layer.Features);
        Assert.Equal("11001", w["code"]);
        Assert.Equal("phuong", w["unit_type"]);
        Assert.Equal(12000L, w["population"]);
        Assert.Equal("x", w["ghi_chu"]);
        Assert.Contains(result.Layer.Fields, f => f.Name == "pop_thcs");
    }

    [Fact]
    public void AreaIsComputedInMetres()
    {
        // 0.01° × 0.01° at 20.8° N: 0.01° of latitude ≈ 1,106.0 m, of longitude ≈ 1,041.3 m (WGS 84 radii of
        // curvature M = 6,337,4xx m and N·cos φ), so ≈ 1.1517 km²; UTM 48N adds its 1.0002 scale factor squared.
        var w = Assert.Single(TwoWards().Features, f => (string)f["code"]! == "11001");

        Assert.Equal(1_151_700, (double)w["area_m2"]!, 1_151_700 * 0.002);
    }

    [Fact]
    public void NumericCodeGetsItsLeadingZerosBack()
    {
        var result = Import(new LayerBuilder("wards").Add(SquareA, ("code", 4L), ("name", "A"), ("unit_type", "xa"), ("population", 1L)).Build());

        Assert.Equal("00004", result.Layer.Features[0]["code"]);
    }

    [Fact]
    public void MalformedCodeIsAnError() =>
        Assert.Contains("code-format", ErrorCodes(Import(new LayerBuilder("wards").Add(SquareA, ("code", "11-01"), ("name", "A"), ("unit_type", "xa"), ("population", 1L)).Build())));

    [Fact]
    public void DuplicateIdsAreReportedWithBothFeatures()
    {
        var result = Import(new LayerBuilder("wards")
            .Add(SquareA, ("code", "11001"), ("name", "A"), ("unit_type", "xa"), ("population", 1L))
            .Add(SquareB, ("code", "11001"), ("name", "B"), ("unit_type", "xa"), ("population", 1L))
            .Build());

        var issue = Assert.Single(result.Issues.Items, i => i.Code == "id-duplicate");
        Assert.Equal("11001", issue.Feature);
        Assert.Contains("#2 and #1", issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredFieldIsReportedOnceForTheLayer()
    {
        var result = Import(new LayerBuilder("wards")
            .Add(SquareA, ("code", "11001"), ("name", "A"), ("unit_type", "xa"))
            .Add(SquareB, ("code", "11002"), ("name", "B"), ("unit_type", "xa"))
            .Build());

        var issue = Assert.Single(result.Issues.Items);
        Assert.Equal("field-absent", issue.Code);
        Assert.Equal("population", issue.Field);
        Assert.Null(issue.Feature);
    }

    [Fact]
    public void MissingValueNamesFeatureAndField()
    {
        var result = Import(new LayerBuilder("wards")
            .Add(SquareA, ("code", "11001"), ("name", "A"), ("unit_type", "xa"), ("population", 5L))
            .Add(SquareB, ("code", "11002"), ("name", ""), ("unit_type", "xa"), ("population", 5L))
            .Build());

        var issue = Assert.Single(result.Issues.Items);
        Assert.Equal(("value-missing", "11002", "name"), (issue.Code, issue.Feature, issue.Field));
    }

    [Fact]
    public void NegativeCountIsAnError()
    {
        var result = Import(new LayerBuilder("wards").Add(SquareA, ("code", "11001"), ("name", "A"), ("unit_type", "xa"), ("population", -5L)).Build());

        var issue = Assert.Single(result.Issues.Items);
        Assert.Equal(("value-negative", "11001", "population"), (issue.Code, issue.Feature, issue.Field));
    }

    [Fact]
    public void TextInANumberFieldIsAnError()
    {
        var result = Import(new LayerBuilder("wards").Add(SquareA, ("code", "11001"), ("name", "A"), ("unit_type", "xa"), ("population", "12.000 người")).Build());

        Assert.Equal("value-not-number", Assert.Single(result.Issues.Items).Code);
    }

    [Fact]
    public void UnknownCodedValueListsTheAllowedOnes()
    {
        var result = Import(new LayerBuilder("wards").Add(SquareA, ("code", "11001"), ("name", "A"), ("unit_type", "quận"), ("population", 5L)).Build());

        var issue = Assert.Single(result.Issues.Items);
        Assert.Equal("value-unknown", issue.Code);
        Assert.Contains("phuong, xa, dac_khu", issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void SchoolWardCodeIsDerivedFromItsLocation()
    {
        var result = Import(new LayerBuilder("schools")
            .Add("POINT(106.615 20.805)", ("ma_truong", "S1"), ("ten", "Trường Tiểu học B"), ("cap_hoc", "Tiểu học"), ("so_phong_hoc", 12L))
            .Build(), TwoWards());

        Assert.False(result.Issues.HasErrors);
        Assert.Equal("11002", result.Layer.Features[0]["ward_code"]);
    }

    [Fact]
    public void SchoolOutsideEveryWardIsAnError()
    {
        var result = Import(new LayerBuilder("schools")
            .Add("POINT(106.70 20.90)", ("id", "S9"), ("name", "X"), ("level", "thcs"), ("classrooms", 10L))
            .Build(), TwoWards());

        var issue = Assert.Single(result.Issues.Items);
        Assert.Equal(("school-outside-wards", "S9"), (issue.Code, issue.Feature));
    }

    [Fact]
    public void StatedWardCodeThatDisagreesWithTheLocationIsAWarning()
    {
        var result = Import(new LayerBuilder("schools")
            .Add("POINT(106.605 20.805)", ("id", "S1"), ("name", "X"), ("level", "thcs"), ("classrooms", 10L), ("ward_code", "11002"))
            .Build(), TwoWards());

        var issue = Assert.Single(result.Issues.Items);
        Assert.Equal((IssueSeverity.Warning, "ward-code-mismatch"), (issue.Severity, issue.Code));
        Assert.Equal("11002", result.Layer.Features[0]["ward_code"]);
    }

    [Fact]
    public void SchoolPolygonSiteGetsItsAreaComputed()
    {
        var result = Import(new LayerBuilder("schools", 9210)
            .Add("POLYGON((596500 2307700, 596560 2307700, 596560 2307760, 596500 2307760, 596500 2307700))",
                ("id", "S1"), ("name", "X"), ("level", "thpt"), ("classrooms", 30L))
            .Build());

        // 60 m × 60 m in EPSG:9210 (k = 0.9999 at ~0.93° from the central meridian, ≈ 1.0000) → 3,600 m² ± 0.1 %.
        Assert.Equal(3600, (double)result.Layer.Features[0]["site_area_m2"]!, 3.6);
    }

    [Fact]
    public void Vn2000InputIsStoredAsLonLat()
    {
        var result = Import(new LayerBuilder("schools", 9210).Add("POINT(596579.7577 2307734.6716)", ("id", "S1"), ("name", "X"), ("level", "thcs"), ("classrooms", 1L)).Build());

        var p = (Point)result.Layer.Features[0].Geometry!;
        Assert.Equal(CrsRegistry.Wgs84Srid, result.Layer.Crs!.Srid);
        Assert.Equal(106.68, p.X, 1e-7);
        Assert.Equal(20.86, p.Y, 1e-7);
    }

    [Fact]
    public void WrongProjectedCrsThatLandsOutsideVietnamIsAnError()
    {
        // UTM 48N metres of Hải Phòng read as UTM 49N land in the sea 600 km away? No: east of 111°, still "Vietnam box";
        // but read as TM-3 with a central meridian error they stay inland. A northing of 9,000 km is plainly wrong.
        var result = Import(new LayerBuilder("schools", 32648).Add("POINT(674781 9000000)", ("id", "S1"), ("name", "X"), ("level", "thcs"), ("classrooms", 1L)).Build());

        Assert.Contains("coordinates-outside-vietnam", ErrorCodes(result));
    }

    [Fact]
    public void UrbanAreaCompletedBeforeItStartsIsAnError()
    {
        var result = Import(new LayerBuilder("urban_areas")
            .Add(SquareA, ("id", "K1"), ("name", "KĐT"), ("planned_population", 1000L), ("start_year", 2030L), ("completion_year", 2025L))
            .Build());

        Assert.Equal("years-reversed", Assert.Single(result.Issues.Items).Code);
    }

    [Fact]
    public void UnknownCrsIsAnErrorThatAsksForCrs()
    {
        var layer = new FeatureLayer("wards", null, [], []);

        var result = Import(layer);

        Assert.Contains("crs-unknown", ErrorCodes(result));
    }

    [Fact]
    public void IndustrialZoneAreaInHectaresIsDerived()
    {
        var result = Import(new LayerBuilder("industrial_zones", 9210)
            .Add("POLYGON((596000 2307000, 597000 2307000, 597000 2308000, 596000 2308000, 596000 2307000))", ("id", "Z1"), ("name", "KCN"), ("workers", 100L))
            .Build());

        Assert.Equal(100, (double)result.Layer.Features[0]["area_ha"]!, 0.2);
    }
}
