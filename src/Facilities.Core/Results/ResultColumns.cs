using Facilities.Core.Presentation;

namespace Facilities.Core.Results;

/// <summary>
/// Kinds of result columns that recur: plain typed columns, coded columns (the code in data outputs, its Vietnamese
/// label in the XLSX), fractional people (exact in data, whole people in the XLSX), the level, the data status.
/// </summary>
public static class ResultColumns
{
    /// <summary>A text column.</summary>
    public static ResultColumn<T> Text<T>(string name, string vi, string en, Func<T, string?> value) => new(name, vi, en, ResultKind.Text, value);

    /// <summary>A whole-number column (null: no data).</summary>
    public static ResultColumn<T> Integer<T>(string name, string vi, string en, Func<T, long?> value, string? unit = null) =>
        new(new ResultField(name, vi, en, ResultKind.Integer) { Unit = unit }, r => value(r));

    /// <summary>A real-number column (null: no data).</summary>
    public static ResultColumn<T> Number<T>(string name, string vi, string en, Func<T, double?> value, string? unit = null) =>
        new(new ResultField(name, vi, en, ResultKind.Number) { Unit = unit }, r => value(r));

    /// <summary>A quotient (null: no data).</summary>
    public static ResultColumn<T> Ratio<T>(string name, string vi, string en, Func<T, double?> value) =>
        new(new ResultField(name, vi, en, ResultKind.Ratio), r => value(r));

    /// <summary>A coded column: the code in CSV, GeoPackage and JSON, its Vietnamese label from <paramref name="vocabulary"/> in the XLSX.</summary>
    public static ResultColumn<T> Label<T>(string name, string vi, string en, Vocabulary vocabulary, Func<T, string> code) =>
        new(new ResultField(name, vi, en, ResultKind.Text) { Display = v => vocabulary.Vi((string)v) }, r => code(r));

    /// <summary>A count of people that the models make fractional: exact in data outputs, whole people in the XLSX.</summary>
    public static ResultColumn<T> People<T>(string name, string vi, string en, Func<T, double?> value) =>
        new(new ResultField(name, vi, en, ResultKind.Number) { Unit = "học sinh / pupils", Display = v => v is double d ? Math.Round(d, MidpointRounding.AwayFromZero) : v },
            r => value(r));

    /// <summary>The level column: the code (mam_non, tieu_hoc, thcs) in data outputs, its Vietnamese name in the XLSX.</summary>
    public static ResultColumn<T> Level<T>(Func<T, string> level) => Label("level", "Cấp học", "Level", Labels.Level, level);

    /// <summary>A data-status column (ok, no_school_data): the code in data outputs, its Vietnamese label in the XLSX.</summary>
    public static ResultColumn<T> DataStatus<T>(string name, string vi, string en, Func<T, string> code) => Label(name, vi, en, Labels.DataStatus, code);
}
