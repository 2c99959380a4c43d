using Facilities.Core.Presentation;

namespace Facilities.IO.Results;

/// <summary>
/// Columns whose XLSX cell differs from the data: a code shown by its label (Phường, Đạt, Nhà nước, …), or a
/// fractional count of people shown as a whole number. CSV and GeoPackage keep the code and the exact figure.
/// </summary>
public static class ViColumn
{
    /// <summary>A coded column: the code in data outputs, its Vietnamese label from <paramref name="vocabulary"/> in the XLSX.</summary>
    public static ResultColumn<T> Label<T>(string name, string vi, Vocabulary vocabulary, Func<T, string> code) =>
        new(name, vi, r => code(r)) { ViValue = r => vocabulary.Vi(code(r)) };

    /// <summary>A count of people that the models make fractional: exact in data outputs, whole people in the XLSX.</summary>
    public static ResultColumn<T> People<T>(string name, string vi, Func<T, object> value) =>
        new(name, vi, value) { ViValue = r => value(r) is double d ? Math.Round(d, MidpointRounding.AwayFromZero) : value(r) };
}
