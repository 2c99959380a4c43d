using System.Globalization;
using Facilities.Core.Validation;

namespace Facilities.Core.Deficit;

/// <summary>
/// The data_status of a result row and the warning that counts the wards without school data, one rule for every
/// result (deficit, catchment, teachers, compliance, sites) and every output (CSV, XLSX, GeoPackage, web, maps).
/// </summary>
public static class SchoolDataStatus
{
    /// <summary>Status of a row whose ward has at least one school of the level in the data.</summary>
    public const string Ok = "ok";

    /// <summary>Status of a row whose ward has no school of the level in the data: its rooms and teachers available are unknown, not 0.</summary>
    public const string NoSchoolData = "no_school_data";

    /// <summary>The status code for a count of schools in the data; "" when the count was not made.</summary>
    public static string Of(int? schoolsInData) => schoolsInData switch
    {
        null => "",
        0 => NoSchoolData,
        _ => Ok,
    };

    /// <summary>The Vietnamese label of a status code (the XLSX cell, the map legend).</summary>
    public static string Vi(string status) => Presentation.Labels.DataStatus.Vi(status);

    /// <summary>
    /// One warning per level that has wards without school data, in the order given:
    /// "12 phường/xã không có trường mầm non nào trong dữ liệu: …".
    /// </summary>
    /// <param name="missing">(level, ward code) of every row without school data; duplicates count once.</param>
    /// <param name="consequenceVi">What it means for this result, in Vietnamese.</param>
    /// <param name="consequenceEn">The same in English.</param>
    public static IReadOnlyList<LocalizedText> Warnings(IEnumerable<(string Level, string WardCode)> missing, string consequenceVi, string consequenceEn) =>
    [
        .. missing.Distinct().GroupBy(m => m.Level, StringComparer.Ordinal).Select(g =>
        {
            var codes = g.Select(m => m.WardCode).Order(StringComparer.Ordinal).ToList();
            var list = string.Join(", ", codes.Take(10)) + (codes.Count > 10 ? ", …" : "");
            var n = codes.Count.ToString(CultureInfo.InvariantCulture);
            return new LocalizedText(
                $"{n} phường/xã không có trường {LevelVi(g.Key)} nào trong dữ liệu: {consequenceVi} ({list}).",
                $"{n} wards have no {LevelEn(g.Key)} in the data: {consequenceEn} ({list}).");
        }),
    ];

    /// <summary>The consequence for a shortage figure (deficit, catchment, render, sites).</summary>
    public static (string Vi, string En) ShortageMayBeMissingData =>
        ("thiếu hụt ở đó có thể là do thiếu dữ liệu", "their shortage may be missing data");

    /// <summary>Lower-case Vietnamese level name for running text.</summary>
    public static string LevelVi(string level) => level switch
    {
        "mam_non" => "mầm non",
        "tieu_hoc" => "tiểu học",
        "thcs" => "THCS",
        "thpt" => "THPT",
        _ => level,
    };

    private static string LevelEn(string level) => level switch
    {
        "mam_non" => "preschool",
        "tieu_hoc" => "primary school",
        "thcs" => "lower-secondary school",
        "thpt" => "upper-secondary school",
        _ => level,
    };
}
