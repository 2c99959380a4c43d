namespace Facilities.IO.Results;

/// <summary>A column of a result table: English name (CSV, GeoPackage), Vietnamese header (XLSX) and value.</summary>
/// <typeparam name="T">Row type.</typeparam>
/// <param name="Name">snake_case name.</param>
/// <param name="Vi">Vietnamese header.</param>
/// <param name="Value">The row's value: string, long or double.</param>
public sealed record ResultColumn<T>(string Name, string Vi, Func<T, object> Value)
{
    /// <summary>The value as the XLSX shows it to officials (a code in Vietnamese words); null: the same as <see cref="Value"/>.</summary>
    public Func<T, object>? ViValue { get; init; }
}
