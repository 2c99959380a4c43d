using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Formats.Readers.Tables;

/// <summary>Reads the features of one table (one sheet, or a CSV) below its header.</summary>
internal static class SectionReader
{
    public static SectionPart Read(string file, string layer, TableSection section, TableOptions options, IssueList issues, int ordinalBase)
    {
        var (table, header) = (section.Table, section.Header);
        var sheet = table.Sheet;
        var geometryColumns = header.Names.Select((n, i) => (n, i)).Where(p => GeometryColumnNames.Classify(p.n) != GeometryRole.None).Select(p => p.i).ToList();
        var rows = SectionRows.Select(section, geometryColumns, issues);
        var width = Math.Max(header.Names.Length, rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Length));
        var names = Names(header.Names, width, rows, options.TextCells);
        var commas = options.TextCells ? DecimalCommaColumns(names, rows, options.Decimal) : [];
        object? Cell(TableRow row, int c) => commas.Contains(c) && CellText.TryDecimalComma(CellText.Of(row[c]), out var d) ? d : Value(row[c]);
        // Coordinates typed as text with a decimal comma ("106,731768" in a text-formatted Excel cell) still read.
        double? Number(TableRow row, int c)
        {
            var v = Cell(row, c);
            return CellText.TryNumber(v, out var n) ? n
                : options.Decimal != '.' && v is string s && CellText.TryDecimalComma(s, out n) ? n : null;
        }

        var geometry = CoordinateColumns.Resolve(file, layer, sheet, names, rows, Number, options, issues);
        var headerRows = header.RowCount == 1
            ? TableLayerBuilder.Count(table.Rows[header.FirstRow].Number)
            : $"{TableLayerBuilder.Count(table.Rows[header.FirstRow].Number)}–{TableLayerBuilder.Count(table.Rows[header.FirstRow + 1].Number)}";
        issues.Notice("table-header", null, null,
            $"{(sheet is null ? "" : $"trang tính '{sheet}': ")}dòng tiêu đề cột {headerRows}{(header.RowCount == 2 ? " (hai dòng ghép lại)" : "")}, {rows.Count} dòng dữ liệu.",
            $"{(sheet is null ? "" : $"sheet '{sheet}': ")}column header in row {headerRows}{(header.RowCount == 2 ? " (two rows combined)" : "")}, {rows.Count} data rows.");
        if (commas.Count > 0)
        {
            var list = string.Join(", ", commas.Order().Select(c => $"'{names[c]}'"));
            issues.Notice("decimal-comma", null, null,
                $"các cột {list} dùng dấu phẩy thập phân (1.234,5 = 1234.5); đã đọc thành số.",
                $"columns {list} use a decimal comma (1.234,5 = 1234.5); read as numbers.");
        }

        var skip = new HashSet<int>(names.Select((n, i) => (n, i)).Where(p => GeometryColumnNames.Classify(p.n) != GeometryRole.None).Select(p => p.i));
        var keep = Enumerable.Range(0, width).Where(c => !skip.Contains(c) && names[c].Length > 0).ToList();
        var reader = new WKTReader();
        var factory = new GeometryFactory(new PrecisionModel(), geometry.Crs?.Srid ?? CrsRegistry.Wgs84Srid);
        var features = new List<FeatureRecord>(rows.Count);
        var headerWidth = Array.FindLastIndex(header.Names, n => n.Length > 0) + 1;
        foreach (var row in rows)
        {
            var ordinal = ordinalBase + features.Count + 1;
            var label = "#" + ordinal.ToString(CultureInfo.InvariantCulture);
            if (options.TextCells && row.Cells.Length < headerWidth)
            {
                // Excel writes every separator of a row; fewer columns than the header means a cut or hand-edited line.
                issues.Error("csv-row-short", label, null,
                    $"{TableLocation.Vi(sheet, row.Number)} có {row.Cells.Length} cột, tiêu đề có {headerWidth}: tệp bị cắt cụt hoặc thiếu dấu phân cách.",
                    $"{TableLocation.En(sheet, row.Number)} has {row.Cells.Length} columns but the header has {headerWidth}: truncated file or missing separators.");
                continue;
            }

            var attributes = keep.ToDictionary(c => names[c], c => Cell(row, c), StringComparer.Ordinal);
            var shape = geometry.Wkt >= 0
                ? TableLayerBuilder.Wkt(row[geometry.Wkt], reader, sheet, row, names[geometry.Wkt], label, issues)
                : Point(row, geometry, names, Number, factory, sheet, label, issues);
            features.Add(new FeatureRecord(ordinal, shape, attributes));
        }

        var fields = keep.Select(c => new FieldInfo(names[c], features.Count > 0 && features.All(f => f.Attributes[names[c]] is null or double)
            && features.Any(f => f.Attributes[names[c]] is double) ? FieldType.Real : FieldType.Text)).ToList();
        foreach (var f in fields.Where(f => f.Type == FieldType.Text))
        {
            foreach (var r in features)
            {
                if (r.Attributes[f.Name] is double d)
                {
                    r.Attributes[f.Name] = CellText.Of(d);
                }
            }
        }

        return new SectionPart(fields, features, geometry.Crs) { Geometry = geometry.Sources(names) };
    }

    private static Point? Point(TableRow row, CoordinateColumns g, string[] names, Func<TableRow, int, double?> number, GeometryFactory factory, string? sheet, string label, IssueList issues)
    {
        if (CellText.IsBlank(row[g.First]) && CellText.IsBlank(row[g.Second]))
        {
            return null;
        }

        var (a, b) = (number(row, g.First), number(row, g.Second));
        if (a is null || b is null)
        {
            var bad = a is null ? g.First : g.Second;
            var text = CellText.Of(row[bad]);
            issues.Error("coordinates-not-number", label, names[bad],
                $"{TableLocation.Vi(sheet, row.Number)}, cột '{names[bad]}': toạ độ '{text}' không phải số.",
                $"{TableLocation.En(sheet, row.Number)}, column '{names[bad]}': coordinate '{text}' is not a number.");
            return null;
        }

        var (x, y) = CoordinateAxes.Reorder(g.Order, a.Value, b.Value);
        return factory.CreatePoint(new Coordinate(x, y));
    }

    // A cell as an attribute value: numbers stay numbers, dates become ISO text, blanks become null.
    private static object? Value(object? cell) => cell switch
    {
        null => null,
        double d => d,
        string s => s.Trim() is { Length: > 0 } t ? t : null,
        DateTime t => CellText.Iso(t),
        var v => CellText.Of(v) is { Length: > 0 } t ? t : null,
    };

    private static string[] Names(string[] header, int width, List<TableRow> rows, bool csv)
    {
        var names = new string[width];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < width; c++)
        {
            var name = c < header.Length ? header[c].Trim() : "";
            if (name.Length == 0)
            {
                if (!rows.Any(r => !CellText.IsBlank(r[c])))
                {
                    names[c] = "";
                    continue;
                }

                // A column of data without a name keeps its place as its name, so nothing is dropped.
                name = csv ? "Cột " + TableLayerBuilder.Count(c + 1) : "Cột " + TableLayerBuilder.ColumnLetter(c);
            }

            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{name} ({TableLayerBuilder.Count(n)})";
            }

            names[c] = unique;
        }

        return names;
    }

    // POLICY: a text column is read with a decimal comma when every value is a number in Vietnamese writing and at
    // least one has a comma (or --decimal , says so); one value that does not fit keeps the whole column as text, so
    // a code like "01,2" in a text column is never turned into a number.
    private static HashSet<int> DecimalCommaColumns(string[] names, List<TableRow> rows, char? given)
    {
        var result = new HashSet<int>();
        if (given == '.')
        {
            return result;
        }

        for (var c = 0; c < names.Length; c++)
        {
            if (names[c].Length == 0 || GeometryColumnNames.Classify(names[c]) == GeometryRole.Wkt)
            {
                continue;
            }

            var values = rows.Select(r => CellText.Of(r[c])).Where(t => t.Length > 0).ToList();
            if (values.Count > 0 && values.All(v => CellText.TryDecimalComma(v, out _))
                && (given == ',' || values.Any(v => v.Contains(',', StringComparison.Ordinal))))
            {
                result.Add(c);
            }
        }

        return result;
    }
}
