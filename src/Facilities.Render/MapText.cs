using Facilities.Core.Validation;

namespace Facilities.Render;

/// <summary>
/// The fixed words the renderer draws itself, in the sheet's one language: a report map for a Vietnamese department is
/// Vietnamese only, and one for a donor is English only; mixing both on one sheet doubles every caption.
/// </summary>
internal static class MapText
{
    public static string ShortageCaption(Language language) => language == Language.En ? "▲ Shortage" : "▲ Thiếu";

    public static string SurplusCaption(Language language) => language == Language.En ? "▼ Surplus" : "▼ Thừa";

    public static string NoData(Language language) => language == Language.En ? "No data" : "Không có dữ liệu";

    public static string NoFeatures(Language language) => language == Language.En ? "No features" : "Không có đối tượng";

    /// <summary>The north arrow's letter: B for Bắc, N for north.</summary>
    public static string North(Language language) => language == Language.En ? "N" : "B";

    public static string Crs(Language language) => language == Language.En ? "CRS" : "Hệ tọa độ";

    /// <summary>The legend's line naming how the classes were made.</summary>
    public static string Classes(ClassMethod method, Language language) => (method, language) switch
    {
        (ClassMethod.Jenks, Language.En) => "Classes: natural breaks (Jenks)",
        (ClassMethod.Jenks, _) => "Phân loại: ngắt tự nhiên (Jenks)",
        (ClassMethod.Quantile, Language.En) => "Classes: quantiles",
        (ClassMethod.Quantile, _) => "Phân loại: phân vị (số xã/phường mỗi lớp gần bằng nhau)",
        (_, Language.En) => "Classes: equal intervals",
        _ => "Phân loại: khoảng đều",
    };

    /// <summary>A class limit in the sheet's language (Vietnamese 1.500,5; English 1,500.5) with a true minus sign.</summary>
    public static string Number(double value, int decimals, Language language)
    {
        var rounded = Math.Round(value, decimals);
        var text = Facilities.Core.Presentation.NumberText.Format(Math.Abs(rounded), decimals, language);
        return rounded < 0 ? "\u2212" + text : text;
    }

    /// <summary>Heading of the numbered key of wards too small for their name.</summary>
    public static string KeyTitle(Language language) => language == Language.En ? "Numbered areas" : "Đơn vị đánh số trên bản đồ";
}
