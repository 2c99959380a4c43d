namespace Facilities.Formats.Readers;

/// <summary>
/// How to read a source file when detection is not enough: the user's overrides of what the readers detect.
/// Every property is null by default, meaning "detect it and say what was found".
/// </summary>
public sealed record SourceReadOptions
{
    /// <summary>The options with nothing overridden.</summary>
    public static SourceReadOptions Detect { get; } = new();

    /// <summary>Worksheet of an .xlsx, by name or 1-based number (<c>--sheet</c>).</summary>
    public string? Sheet { get; init; }

    /// <summary>1-based row of an .xlsx or CSV that holds the column names (<c>--header-row</c>).</summary>
    public int? HeaderRow { get; init; }

    /// <summary>Text encoding of a CSV or .dbf (<c>--encoding</c>): utf-8, windows-1258, tcvn3, vni, or a code page.</summary>
    public string? Encoding { get; init; }

    /// <summary>Decimal separator of a CSV (<c>--decimal</c>): '.' or ','.</summary>
    public char? Decimal { get; init; }
}
