using Facilities.Core.Schema;

namespace Facilities.Core.Tests.Schema;

public class FieldMappingTests
{
    [Theory]
    [InlineData("Số phòng học", "so_phong_hoc")]
    [InlineData("Đặc khu", "dac_khu")]
    [InlineData("  Mã_Xã ", "ma_xa")]
    [InlineData("DÂN SỐ (2025)", "dan_so_2025")]
    public void NormalizerFoldsDiacriticsCaseAndPunctuation(string text, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(text));

    [Theory]
    [InlineData("schools", "Số phòng học", "classrooms")]
    [InlineData("schools", "Phòng tạm", "temporary_rooms")]
    [InlineData("schools", "Phong_tam", "temporary_rooms")]
    [InlineData("schools", "Phòng học xuống cấp", "degraded_rooms")]
    [InlineData("schools", "so_hoc_sinh", "pupils")]
    [InlineData("wards", "ma_xa", "code")]
    [InlineData("schools", "ma_xa", "ward_code")]
    [InlineData("wards", "ten", "name")]
    [InlineData("wards", "population_2025_sapnhap", "population")]
    [InlineData("parcels", "Loại đất", "land_use")]
    public void AgencyFieldNamesMapOntoTheSchema(string layer, string source, string target) =>
        Assert.Equal(target, FieldMapping.BuiltIn.MapField(DatasetSchema.Get(layer), source));

    [Theory]
    [InlineData("schools", "so_phong_h", "classrooms")]
    [InlineData("schools", "land_certi", "land_certificate")]
    [InlineData("schools", "site_area_", "site_area_m2")]
    [InlineData("urban_areas", "planned_po", "planned_population")]
    [InlineData("wards", "pop_tieu_h", "pop_tieu_hoc")]
    public void NamesCutAtTheDbfLimitStillMap(string layer, string source, string target) =>
        Assert.Equal(target, FieldMapping.BuiltIn.MapField(DatasetSchema.Get(layer), source));

    [Fact]
    public void AmbiguousCutNameMapsToNothing() =>
        Assert.Null(FieldMapping.BuiltIn.MapField(DatasetSchema.Wards, "pop_thxxxx"[..10]));

    [Fact]
    public void ExactSchemaNameWinsOverAnAlias() =>
        Assert.Equal("name", FieldMapping.BuiltIn.MapField(DatasetSchema.Wards, "name"));

    [Fact]
    public void UnknownFieldMapsToNothing() =>
        Assert.Null(FieldMapping.BuiltIn.MapField(DatasetSchema.Wards, "ghi_chu"));

    [Theory]
    [InlineData("unit_type", "Phường", "phuong")]
    [InlineData("unit_type", "Xã", "xa")]
    [InlineData("unit_type", "Đặc khu", "dac_khu")]
    [InlineData("level", "Tiểu học", "tieu_hoc")]
    [InlineData("level", "THCS", "thcs")]
    [InlineData("ownership", "Công lập", "public")]
    [InlineData("land_certificate", "Đang làm thủ tục", "in_progress")]
    public void VietnameseValuesMapOntoCodes(string field, string value, string code)
    {
        var spec = DatasetSchema.Layers.SelectMany(l => l.Fields).First(f => f.Name == field);

        Assert.Equal(code, FieldMapping.BuiltIn.MapValue(spec, value));
    }

    [Fact]
    public void UserMappingOverridesTheBuiltInOne()
    {
        var user = FieldMapping.Parse("""{ "version": "test", "fields": { "wards": { "ma_xa": "name" } } }""", "user.json");

        var merged = FieldMapping.BuiltIn.With(user);

        Assert.Equal("name", merged.MapField(DatasetSchema.Wards, "ma_xa"));
        Assert.Equal("population", merged.MapField(DatasetSchema.Wards, "dan_so"));
    }

    [Fact]
    public void BrokenMappingFileIsReportedWithItsName()
    {
        var e = Assert.Throws<FormatException>(() => FieldMapping.Parse("{ \"fields\": ", "broken.json"));
        Assert.Contains("broken.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MappingToAFieldThatDoesNotExistIsRefused()
    {
        var e = Assert.Throws<FormatException>(() => FieldMapping.Parse("""{ "fields": { "schools": { "so_phong": "clasrooms" } } }""", "user.json"));

        Assert.Contains("fields.schools.so_phong", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueMapToACodeTheSchemaDoesNotAllowIsRefused()
    {
        var e = Assert.Throws<FormatException>(() => FieldMapping.Parse("""{ "values": { "level": { "nha_tre": "nursery" } } }""", "user.json"));

        Assert.Contains("'nursery' is not one of mam_non", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBuiltInMappingPassesItsOwnChecks() =>
        Assert.Matches(@"^20\d\d-\d\d$", FieldMapping.BuiltIn.Version);
}
