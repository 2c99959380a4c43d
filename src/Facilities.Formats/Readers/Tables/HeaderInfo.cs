namespace Facilities.Formats.Readers.Tables;

/// <summary>Where a table's column names are and what they are.</summary>
/// <param name="FirstRow">Index into <see cref="RawTable.Rows"/> of the (first) header row.</param>
/// <param name="RowCount">1, or 2 for a header whose merged top cells group the names below ("Tọa độ VN-2000" over X, Y).</param>
/// <param name="Names">Column names by column index; "" for a column with no name.</param>
/// <param name="Score">How many names are known fields or geometry columns of the layer.</param>
public sealed record HeaderInfo(int FirstRow, int RowCount, string[] Names, int Score)
{
    /// <summary>The index into <see cref="RawTable.Rows"/> of the first row below the header.</summary>
    public int DataStart => FirstRow + RowCount;

    /// <summary>Whether the names include a usable geometry: a WKT column or a pair of coordinate columns.</summary>
    public bool HasGeometry
    {
        get
        {
            var roles = Names.Select(GeometryColumnNames.Classify).ToList();
            return roles.Contains(GeometryRole.Wkt)
                || (roles.Contains(GeometryRole.Lon) && roles.Contains(GeometryRole.Lat))
                || (roles.Contains(GeometryRole.X) && roles.Contains(GeometryRole.Y));
        }
    }
}
