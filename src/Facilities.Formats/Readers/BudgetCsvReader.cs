using System.Globalization;
using Facilities.Core.Programme;

namespace Facilities.Formats.Readers;

/// <summary>
/// The programme's budget file: CSV (UTF-8), one row per year, <c>year,budget_vnd</c> (a header row is optional).
/// A bad row is a <see cref="DataFileException"/> naming the file, the row and the field; nothing is half-read.
/// </summary>
public static class BudgetCsvReader
{
    /// <summary>Reads the budget per year.</summary>
    public static ProgrammeBudget Read(string path, bool carryOver)
    {
        var name = Path.GetFileName(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, new System.Text.UTF8Encoding(false, true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            throw new DataFileException("budget-unreadable", name, null, $"không đọc được tệp ngân sách: {e.Message}", $"cannot read the budget file: {e.Message}", e);
        }
        var budget = new SortedDictionary<int, decimal>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || (i == 0 && !char.IsDigit(line[0])))
            {
                continue;
            }
            var cells = line.Split(',', StringSplitOptions.TrimEntries);
            if (cells.Length < 2 || !int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            {
                throw Bad(name, i + 1, "year", $"năm không hợp lệ '{cells[0]}'", $"invalid year '{cells[0]}'");
            }
            if (!decimal.TryParse(cells[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var vnd))
            {
                throw Bad(name, i + 1, "budget_vnd", $"số tiền không hợp lệ '{cells[1]}' (đồng, không dấu phân cách)", $"invalid amount '{cells[1]}' (VND, no separators)");
            }
            if (!budget.TryAdd(year, vnd))
            {
                throw Bad(name, i + 1, "year", $"năm {year} lặp lại", $"year {year} is repeated");
            }
        }
        if (budget.Count == 0)
        {
            throw new DataFileException("budget-empty", name, null, "tệp ngân sách không có dòng nào (year,budget_vnd)", "the budget file has no rows (year,budget_vnd)");
        }
        return new ProgrammeBudget(budget, carryOver);
    }

    private static DataFileException Bad(string file, int row, string field, string vi, string en) =>
        new("budget-invalid", file, null, $"dòng {row}, trường {field}: {vi}", $"row {row}, field {field}: {en}");
}
