using System.Globalization;

namespace Facilities.Formats.Readers.Tables;

/// <summary>Names a place in a table in messages: "trang tính 'Mầm non', dòng 7" / "sheet 'Mầm non', row 7".</summary>
public static class TableLocation
{
    /// <summary>Vietnamese.</summary>
    public static string Vi(string? sheet, int row) =>
        (sheet is null ? "" : $"trang tính '{sheet}', ") + "dòng " + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>English.</summary>
    public static string En(string? sheet, int row) =>
        (sheet is null ? "" : $"sheet '{sheet}', ") + "row " + row.ToString(CultureInfo.InvariantCulture);
}
