namespace Facilities.Formats.Readers.Tables;

/// <summary>A grid of cells from one worksheet or one CSV file.</summary>
/// <param name="Sheet">The worksheet name, or null for a CSV.</param>
/// <param name="Rows">Every row from the first, blank rows included, so numbers match what the user sees.</param>
public sealed record RawTable(string? Sheet, IReadOnlyList<TableRow> Rows);
