using Facilities.Core.Presentation;
using Facilities.Core.Provenance;
using Facilities.Core.Validation;
using Facilities.Render;

namespace Facilities.Cli.Commands;

/// <summary>
/// The words of a <c>facilities render</c> sheet in the run's language (--lang): the renderer draws the strings it is
/// given, so the title, legend title and footnotes are chosen here, whole, in Vietnamese by default or in English.
/// </summary>
internal static class RenderSheet
{
    /// <summary>Texts and classing of the deficit map for one level, method and year.</summary>
    /// <param name="language">Language of every word on the sheet.</param>
    /// <param name="level">Level code (mam_non, tieu_hoc, thcs, thpt).</param>
    /// <param name="catchment">Whether the map is of the catchment method (sequential rooms needed) or the admin one (diverging).</param>
    /// <param name="year">Planning year.</param>
    /// <param name="datasetTitle">The dataset's title (metadata <c>title</c>), put in the map title; null when none was set.</param>
    /// <param name="datasetName">Dataset file name without extension, named in the subtitle only when there is no title.</param>
    /// <param name="stamp">The run's stamp, cited in the footnotes.</param>
    /// <param name="noDataWards">Wards drawn as no data because they have no school of the level.</param>
    public static ChoroplethOptions Options(Language language, string level, bool catchment, int year, string? datasetTitle, string datasetName, ResultStamp stamp, int noDataWards)
    {
        var en = language == Language.En;
        string T(string vi, string english) => en ? english : vi;
        var levelVi = level is "thcs" or "thpt" ? Labels.Level.Vi(level) : Labels.Level.Vi(level).ToLowerInvariant();
        var levelEn = Labels.Level.En(level).ToLowerInvariant();
        var schoolEn = level == "mam_non" ? levelEn : levelEn + " school";
        var title = catchment
            ? T($"Phòng học cần thêm ({levelVi}) năm {year}", $"Classrooms needed ({levelEn}), {year}")
            : T($"Thiếu/thừa phòng học {levelVi} năm {year}", $"Classroom shortage/surplus, {levelEn}, {year}");
        var legend = catchment
            ? T("Phòng học cần cho HS chưa có chỗ", "Classrooms needed for pupils without a place")
            : T("Phòng học thiếu (+) / thừa (−)", "Classrooms short (+) / surplus (−)");
        var method = catchment
            ? T("phương pháp vùng phục vụ (E2SFCA)", "catchment method (E2SFCA)")
            : T("phương pháp hành chính", "administrative method");
        return new ChoroplethOptions(datasetTitle is null ? title : $"{title} — {datasetTitle}", legend)
        {
            Language = language,
            Subtitle = datasetTitle is null ? $"{datasetName} · {method}" : method,
            Diverging = !catchment,
            Footnotes =
            [
                $"{stamp.Tool} · {stamp.Options} · {T("định mức", "norms")} {stamp.NormsVersion} · {T("dấu kiểm", "stamp")} {stamp.Id} · " +
                $"{T("bộ dữ liệu", "dataset")} SHA-256 {stamp.DatasetSha256[..16]}…",
                stamp.UnconfirmedNorms.Count == 0
                    ? T("Mọi định mức đã xác nhận", "All norms confirmed")
                    : T("Định mức chưa xác nhận: ", "Unconfirmed norms: ") + string.Join(", ", stamp.UnconfirmedNorms),
                .. noDataWards == 0 ? Array.Empty<string>() :
                [
                    T($"{noDataWards} xã/phường không có trường {Core.Deficit.SchoolDataStatus.LevelVi(level)} nào trong dữ liệu: tô \"không có dữ liệu\"",
                        $"{noDataWards} wards have no {schoolEn} in the data: drawn as no data"),
                ],
            ],
        };
    }
}
