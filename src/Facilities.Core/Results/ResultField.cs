namespace Facilities.Core.Results;

/// <summary>
/// A column of a result: its machine name (CSV header, GeoPackage field, JSON property), its labels for people
/// (Vietnamese first: the XLSX header; English for the documentation and the web), what it holds, its unit and what
/// an empty cell means. A null value is always "no data", never 0.
/// </summary>
/// <param name="Name">snake_case name.</param>
/// <param name="Vi">Vietnamese label.</param>
/// <param name="En">English label.</param>
/// <param name="Kind">What the column holds.</param>
public sealed record ResultField(string Name, string Vi, string En, ResultKind Kind)
{
    /// <summary>Unit of a number ("phòng", "m²", "học sinh"); null for text and pure numbers.</summary>
    public string? Unit { get; init; }

    /// <summary>What a null value means here (e.g. "not reported by the school"); null: the general "no data".</summary>
    public string? NoData { get; init; }

    /// <summary>
    /// How the XLSX shows a value to officials (a code in Vietnamese words, fractional people as whole people); null:
    /// as it is. CSV, GeoPackage and JSON always keep the value itself.
    /// </summary>
    public Func<object, object>? Display { get; init; }

    /// <summary>Whether values are numbers (integer, number or ratio).</summary>
    public bool IsNumeric => Kind is ResultKind.Integer or ResultKind.Number or ResultKind.Ratio;
}
