using Facilities.Core.Schema;

namespace Facilities.Formats.Readers.Tables;

/// <summary>
/// Finds the header of a table that may have title rows above it ("SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI PHÒNG") and a second
/// header row below merged group cells: the row (or pair of rows) whose names best match the layer's known fields
/// and geometry columns.
/// </summary>
public static class HeaderDetector
{
    // Agency forms put at most a handful of title lines above the header; looking further only finds data rows.
    private const int SearchRows = 30;

    /// <summary>The header of <paramref name="table"/>, at <paramref name="headerRow"/> (1-based) when the user gave it.</summary>
    public static HeaderInfo? Find(RawTable table, LayerSchema? schema, int? headerRow)
    {
        if (headerRow is { } given)
        {
            var index = IndexOf(table, given);
            return index < 0 ? null : Best(table, schema, index);
        }

        HeaderInfo? best = null;
        for (var i = 0; i < Math.Min(SearchRows, table.Rows.Count); i++)
        {
            if (table.Rows[i].Cells.All(CellText.IsBlank))
            {
                continue;
            }

            var candidate = Best(table, schema, i);
            if (best is null || candidate.Score > best.Score)
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>The index into the rows of 1-based row <paramref name="number"/>, or -1.</summary>
    public static int IndexOf(RawTable table, int number)
    {
        for (var i = 0; i < table.Rows.Count; i++)
        {
            if (table.Rows[i].Number == number)
            {
                return i;
            }
        }

        return -1;
    }

    private static HeaderInfo Best(RawTable table, LayerSchema? schema, int index)
    {
        var one = table.Rows[index].Cells.Select(CellText.Of).ToArray();
        var single = new HeaderInfo(index, 1, one, Score(one, schema));
        if (index + 1 >= table.Rows.Count || table.Rows[index + 1].Cells.Any(c => c is double || CellText.TryNumber(c, out _)))
        {
            return single;
        }

        var two = Combine(table.Rows[index].Cells, table.Rows[index + 1].Cells);
        var score = Score(two, schema);
        return score > single.Score ? new HeaderInfo(index, 2, two, score) : single;
    }

    // Group names over sub-names: "Tọa độ VN-2000" over "X" and "Y" gives "Tọa độ VN-2000 X", "Tọa độ VN-2000 Y".
    // A merged group cell is repeated across its columns when MiniExcel fills merged cells, but a CSV keeps it only in
    // the first column, so an empty top cell takes the group of its left neighbour while sub-names continue.
    private static string[] Combine(object?[] topRow, object?[] bottomRow)
    {
        var width = Math.Max(topRow.Length, bottomRow.Length);
        var names = new string[width];
        string? group = null;
        for (var c = 0; c < width; c++)
        {
            var top = c < topRow.Length ? CellText.Of(topRow[c]) : "";
            var bottom = c < bottomRow.Length ? CellText.Of(bottomRow[c]) : "";
            if (top.Length == 0 && bottom.Length > 0 && group is not null)
            {
                top = group;
            }

            group = top.Length > 0 && bottom.Length > 0 ? top : null;
            names[c] = top.Length == 0 ? bottom
                : bottom.Length == 0 || NameNormalizer.Normalize(bottom) == NameNormalizer.Normalize(top) ? top
                : top + " " + bottom;
        }

        return names;
    }

    private static int Score(string[] names, LayerSchema? schema) => names.Count(n =>
        n.Length > 0 && (GeometryColumnNames.Classify(n) != GeometryRole.None || (schema is not null && FieldMapping.BuiltIn.MapField(schema, n) is not null)));
}
