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
}
