using Facilities.Core.Schema;

namespace Facilities.Core.Tests.Schema;

public class AgencyNameMappingTests
{
    [Theory]
    [InlineData("SoThua", "so_thua")]
    [InlineData("LoaiDatQH", "loai_dat_qh")]
    [InlineData("DienTich", "dien_tich")]
    [InlineData("MaThua", "ma_thua")]
    [InlineData("DoiTuong", "doi_tuong")]
    [InlineData("QHLoaiDat", "qh_loai_dat")]
    [InlineData("MA_TRUONG", "ma_truong")]
    [InlineData("THCS", "thcs")]
    [InlineData("Số phòng học", "so_phong_hoc")]
    [InlineData("so_phong_h", "so_phong_h")]
    [InlineData("Đã cấp", "da_cap")]
    [InlineData("GCN QSDĐ", "gcn_qsdd")]
    [InlineData("Diện tích (m2)", "dien_tich_m2")]
    public void NormalizerSplitsCamelCaseButNotCapitalsOrVietnameseWords(string text, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(text));

    [Fact]
    public void WithoutTheSplitNamesNormaliseAsBefore() =>
        Assert.Equal("dientich", NameNormalizer.Normalize("DienTich", splitCamelCase: false));

    [Theory]
    [InlineData("parcels", "SoThua", "id")]
    [InlineData("parcels", "LoaiDat", "land_use")]
    [InlineData("parcels", "LoaiDatQH", "planned_land_use")]
    [InlineData("parcels", "DoiTuong", "owner_type")]
    [InlineData("parcels", "DienTich", "area_m2")]
    [InlineData("parcels", "dientich", "area_m2")]
    [InlineData("schools", "Diện tích (m2)", "site_area_m2")]
    [InlineData("schools", "Diện tích khuôn viên", "site_area_m2")]
    [InlineData("schools", "GCN QSDĐ", "land_certificate")]
    [InlineData("industrial_zones", "Năm bắt đầu", "start_year")]
    [InlineData("industrial_zones", "Năm hoàn thành", "completion_year")]
    public void RegistryAndDepartmentNamesMapOntoTheSchema(string layer, string source, string target) =>
        Assert.Equal(target, FieldMapping.BuiltIn.MapField(DatasetSchema.Get(layer), source));

    [Theory]
    [InlineData("Đã cấp", "issued")]
    [InlineData("Đã có", "issued")]
    [InlineData("Có", "issued")]
    [InlineData("yes", "issued")]
    [InlineData("Đang làm thủ tục", "in_progress")]
    [InlineData("Đang làm", "in_progress")]
    [InlineData("Đang giải quyết", "in_progress")]
    [InlineData("Chưa cấp", "none")]
    [InlineData("Chưa có", "none")]
    [InlineData("Không", "none")]
    [InlineData("no", "none")]
    [InlineData("ĐÃ CẤP", "issued")]
    public void CertificateWordsMapOntoThreeStates(string value, string code) =>
        Assert.Equal(code, FieldMapping.BuiltIn.MapValue(DatasetSchema.Schools.Field("land_certificate")!, value));

    [Theory]
    [InlineData("GDC", "household")]
    [InlineData("NNG", "organisation")]
    [InlineData("CNV", "household")]
    [InlineData("CNN", "household")]
    [InlineData("TKQ", "organisation")]
    [InlineData("UBS", "state")]
    [InlineData("UBQ", "state")]
    [InlineData("TCN", "state")]
    [InlineData("TSN", "state")]
    [InlineData("TPQ", "state")]
    [InlineData("TCC", "organisation")]
    [InlineData("TKT", "organisation")]
    [InlineData("CDS", "organisation")]
    [InlineData("TTG", "organisation")]
    [InlineData("TNG", "organisation")]
    [InlineData("tkt", "organisation")]
    public void CadastralOwnerCodesMapOntoOwnerTypes(string value, string code) =>
        Assert.Equal(code, FieldMapping.BuiltIn.MapValue(DatasetSchema.Parcels.Field("owner_type")!, value));

    [Fact]
    public void MixedCaseLevelStillMapsWithoutTheSplit() =>
        Assert.Equal("thcs", FieldMapping.BuiltIn.MapValue(DatasetSchema.Schools.Field("level")!, "ThCS"));

    [Theory]
    [InlineData("schools", "So phong", "classrooms")]
    [InlineData("schools", "so_giao_vien_tieng_anh", "teachers_english")]
    [InlineData("schools", "Dien tich san", "sports_ground_m2")]
    [InlineData("urban_areas", "dan_so_qh", "planned_population")]
    public void ExtraColumnSuggestsTheClosestField(string layer, string source, string expected) =>
        Assert.Equal(expected, FieldMapping.BuiltIn.Suggest(DatasetSchema.Get(layer), source));

    [Theory]
    [InlineData("Ghi chú")]
    [InlineData("Người liên hệ")]
    public void NothingIsSuggestedWhenNoFieldIsClose(string source) =>
        Assert.Null(FieldMapping.BuiltIn.Suggest(DatasetSchema.Schools, source));

    [Fact]
    public void SimilarityIsOneForTheSameLettersAndZeroForNoSharedPair()
    {
        Assert.Equal(1.0, Similarity.Dice("so_phong_hoc", "sophonghoc"));
        Assert.Equal(0.0, Similarity.Dice("abc", "xyz"));
    }
}
