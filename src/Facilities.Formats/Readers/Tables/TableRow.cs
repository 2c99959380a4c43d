namespace Facilities.Formats.Readers.Tables;

/// <summary>One row of a sheet or CSV as read, before any header is known.</summary>
/// <param name="Number">1-based row number as the user sees it in Excel (or the CSV record number).</param>
/// <param name="Cells">Cell values: string, double, DateTime, bool or null; CSV cells are always text.</param>
public sealed record TableRow(int Number, object?[] Cells)
{
    /// <summary>The cell at <paramref name="column"/>, or null past the end of a short row.</summary>
    public object? this[int column] => column < Cells.Length ? Cells[column] : null;
}
