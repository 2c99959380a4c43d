using Facilities.Core.Norms;
using Facilities.Core.Presentation;
using Facilities.Core.Schema;
using Facilities.Core.Validation;

namespace Facilities.Core.Tests.Presentation;

public sealed class LabelsTests
{
    [Fact]
    public void Every_code_the_schema_allows_has_a_vietnamese_and_an_english_label_that_is_not_the_code()
    {
        var allowed = new (Vocabulary Vocabulary, IEnumerable<string> Codes)[]
        {
            (Labels.UnitType, DatasetSchema.UnitTypes),
            (Labels.Level, DatasetSchema.Levels),
            (Labels.Ownership, DatasetSchema.Schools.Fields.Single(f => f.Name == "ownership").AllowedValues!),
            (Labels.OwnerType, DatasetSchema.Parcels.Fields.Single(f => f.Name == "owner_type").AllowedValues!),
        };

        foreach (var (vocabulary, codes) in allowed)
        {
            Assert.Equal(codes.Order(StringComparer.Ordinal), vocabulary.Codes.Order(StringComparer.Ordinal));
            Assert.All(codes, c => Assert.NotEqual(c, vocabulary.Vi(c)));
            Assert.All(codes, c => Assert.NotEqual(c, vocabulary.En(c)));
        }
    }

    [Theory]
    [InlineData("xa", "Xã", "Commune")]
    [InlineData("dac_khu", "Đặc khu", "Special zone")]
    public void A_unit_type_reads_as_its_label_in_each_language(string code, string vi, string en)
    {
        Assert.Equal(vi, Labels.UnitType.Label(code, Language.Vi));
        Assert.Equal(en, Labels.UnitType.Label(code, Language.En));
    }

    [Fact]
    public void Compliance_results_read_as_the_words_officials_use()
    {
        Assert.Equal(["Đạt", "Không đạt", "Chưa rõ", "Không áp dụng"], new[] { "pass", "fail", "unknown", "n/a" }.Select(c => Labels.Compliance.Vi(c)));
        Assert.Equal("Hộ gia đình, cá nhân", Labels.OwnerType.Vi("household"));
        Assert.Equal("Công lập", Labels.Ownership.Vi("public"));
    }

    [Fact]
    public void An_unknown_code_is_shown_as_it_is_rather_than_hidden()
    {
        Assert.Equal("thi_xa", Labels.UnitType.Vi("thi_xa"));
        Assert.Equal("", Labels.UnitType.Vi(null));
    }

    [Fact]
    public void Every_unit_of_the_built_in_norms_has_a_vietnamese_wording()
    {
        var units = NormsSet.BuiltIn.Values.Select(n => n.Unit).Distinct().Where(u => u != "m").ToList();

        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.Contains(u, Labels.NormUnit.Codes));
        Assert.All(units, u => Assert.NotEqual(u, Labels.NormUnit.Vi(u)));
    }
}
