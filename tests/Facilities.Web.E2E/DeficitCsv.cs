using System.Globalization;
using System.Text;

namespace Facilities.Web.E2E;

/// <summary>The CLI's deficit CSV (one row per ward and level), read back as text fields keyed by header.</summary>
internal sealed class DeficitCsv
{
    private readonly List<Dictionary<string, string>> _rows;

    private DeficitCsv(List<Dictionary<string, string>> rows) => _rows = rows;

    /// <summary>Runs <c>facilities deficit</c> on the dataset and reads what it wrote.</summary>
    public static DeficitCsv Compute(string dataset, string outFolder, int year, string method)
    {
        var file = Path.Combine(outFolder, $"deficit-{year}-{method}.csv");
        Facilities.Run("deficit", dataset, "--year", year.ToString(CultureInfo.InvariantCulture), "--method", method, "--out", file);
        var lines = File.ReadAllLines(file, Encoding.UTF8);
        var header = Split(lines[0].TrimStart('\uFEFF'));
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = Split(l);
            return header.Select((h, i) => (h, v: i < cells.Count ? cells[i] : "")).ToDictionary(p => p.h, p => p.v);
        }).ToList();
        return new DeficitCsv(rows);
    }

    public IReadOnlyList<string> WardCodes(string level) => _rows.Where(r => r["level"] == level).Select(r => r["ward_code"]).ToList();

    public IReadOnlyDictionary<string, string> Row(string wardCode, string level) =>
        _rows.Single(r => r["ward_code"] == wardCode && r["level"] == level);

    /// <summary>RFC 4180 fields: commas inside quotes, doubled quotes.</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
