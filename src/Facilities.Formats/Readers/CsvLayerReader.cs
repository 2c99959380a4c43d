using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Facilities.Core.Features;
using Facilities.Core.Schema;
using Facilities.Core.Validation;
using Facilities.Formats.Readers.Tables;

namespace Facilities.Formats.Readers;

/// <summary>
/// Reads a CSV as agencies save it from Excel: any encoding <see cref="Text.SourceText"/> can decode, ',' ';' or tab
/// separators (detected), title rows above the header (the header row is found by its known field names), decimal
/// commas per column, and geometry as WKT, lon/lat or VN-2000 X/Y (see <see cref="TableLayerBuilder"/>).
/// </summary>
public static class CsvLayerReader
{
    private static readonly char[] Separators = [',', ';', '\t'];

    /// <summary>Reads the CSV at <paramref name="path"/> as layer <paramref name="layerName"/>.</summary>
    public static FeatureLayer Read(string path, string layerName, IssueList issues, SourceReadOptions read) =>
        Read(path, layerName, issues, read, null);

    /// <summary>Reads the CSV; projected X/Y are read in <paramref name="crsOverride"/>.</summary>
    public static FeatureLayer Read(string path, string layerName, IssueList issues, SourceReadOptions read, Core.Spatial.CrsDefinition? crsOverride)
    {
        var file = Path.GetFileName(path);
        var text = Text.SourceText.Read(path, layerName, read.Encoding, issues).Text;
        var separator = DetectSeparator(text);
        var table = Parse(text, separator, file, layerName);
        if (table.Rows.All(r => r.Cells.All(CellText.IsBlank)))
        {
            throw new DataFileException("csv-empty", file, layerName, "tệp CSV trống (không có dòng tiêu đề).", "the CSV file is empty (no header row).");
        }

        var header = HeaderDetector.Find(table, DatasetSchema.Find(layerName), read.HeaderRow)
            ?? throw new DataFileException("header-row-absent", file, layerName,
                $"tệp không có dòng {read.HeaderRow} (--header-row).", $"the file has no row {read.HeaderRow} (--header-row).");
        var name = separator switch { ';' => "';'", '\t' => "tab", _ => "','" };
        issues.Notice("csv-separator", null, null, $"dấu phân cách cột: {name}.", $"column separator: {name}.");
        return TableLayerBuilder.Build(file, layerName, [new TableSection(table, header)], new TableOptions(crsOverride, TextCells: true, read.Decimal), issues);
    }

    // The separator that splits the most lines into the same number of columns (title lines split into one).
    private static char DetectSeparator(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Take(50).ToList();
        var best = (Separator: ',', Score: 0);
        foreach (var s in Separators)
        {
            var counts = lines.Select(l => CountOutsideQuotes(l, s)).Where(n => n > 0).ToList();
            if (counts.Count == 0)
            {
                continue;
            }

            var mode = counts.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
            var score = mode.Count() * (mode.Key + 1);
            if (score > best.Score)
            {
                best = (s, score);
            }
        }

        return best.Separator;
    }

    private static int CountOutsideQuotes(string line, char separator)
    {
        var quoted = false;
        var n = 0;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                n++;
            }
        }

        return n;
    }

    private static RawTable Parse(string text, char separator, string file, string layerName)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
        };
        var rows = new List<TableRow>();
        using var parser = new CsvParser(new StringReader(text), config);
        try
        {
            while (parser.Read())
            {
                rows.Add(new TableRow(rows.Count + 1, parser.Record!.Cast<object?>().ToArray()));
            }
        }
        catch (CsvHelperException e)
        {
            throw new DataFileException("csv-unreadable", file, layerName,
                $"không đọc được CSV sau dòng {rows.Count}: {e.Message.Split('\n')[0]}",
                $"the CSV cannot be read after row {rows.Count}: {e.Message.Split('\n')[0]}", e);
        }

        return new RawTable(null, rows);
    }
}
