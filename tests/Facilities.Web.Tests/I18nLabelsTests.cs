using System.Net;
using Facilities.Core.Presentation;

namespace Facilities.Web.Tests;

/// <summary>
/// The map's popups label codes through the i18n files (unit_type.xa → "Xã", compliance.unknown → "Chưa rõ"); those
/// files must say what Core's label table says, so the web, the XLSX and the console never disagree.
/// </summary>
public sealed class I18nLabelsTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_served_i18n_file_has_every_label_of_the_core_table_word_for_word(string lang)
    {
        var (status, body) = await sample.App.Client().GetJsonAsync($"/i18n/{lang}.json");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var vocabulary in Labels.All)
        {
            foreach (var code in vocabulary.Codes)
            {
                var key = $"{vocabulary.Key}.{code}";
                Assert.True(body.TryGetProperty(key, out var label), $"{lang}.json lacks {key}");
                Assert.Equal(lang == "en" ? vocabulary.En(code) : vocabulary.Vi(code), label.GetString());
            }
        }
    }

    [Fact]
    public async Task Every_unit_type_and_data_status_the_deficit_api_sends_has_a_popup_label()
    {
        var (_, labels) = await sample.App.Client().GetJsonAsync("/i18n/vi.json");
        var (status, body) = await sample.App.Client().GetJsonAsync("/api/deficit?level=thpt&year=2030&method=admin");

        Assert.Equal(HttpStatusCode.OK, status);
        var wards = body.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.NotEmpty(wards);
        Assert.All(wards, w =>
        {
            Assert.Equal(Labels.UnitType.Vi(w.GetProperty("unit_type").GetString()), labels.GetProperty("unit_type." + w.GetProperty("unit_type").GetString()).GetString());
            Assert.Contains(labels.GetProperty("data_status." + w.GetProperty("data_status").GetString()).GetString(), new[] { "có dữ liệu", "không có dữ liệu" });
        });
    }
}
