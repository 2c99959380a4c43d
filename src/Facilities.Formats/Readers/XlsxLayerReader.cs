using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Formats.Readers.Tables;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Facilities.Formats.Readers;

/// <summary>
/// Reads an Excel workbook (.xlsx) as agencies fill their forms: title rows above the header, merged header cells
/// (filled across their range, so a two-row header combines into names that map), Vietnamese headers, one sheet or
/// several. Without <c>--sheet</c>, every sheet whose header has coordinate columns is read (a school list split
/// into "Mầm non", "Tiểu học" … sheets); numeric cells stay numbers, dates become ISO text.
/// </summary>
public static class XlsxLayerReader
{
    /// <summary>Reads <paramref name="path"/> as layer <paramref name="layerName"/>.</summary>
    public static FeatureLayer Read(string path, string layerName, IssueList issues, SourceReadOptions read, CrsDefinition? crsOverride)
    {
        var file = Path.GetFileName(path);
        var schema = DatasetSchema.Find(layerName);
        var sheets = SheetNames(path, file, layerName);
        var chosen = read.Sheet is { } wanted ? [Pick(sheets, wanted, file, layerName)] : sheets;
        var found = new List<TableSection>();
        var skipped = new List<string>();
        TableSection? bestWithout = null;
        foreach (var sheet in chosen)
        {
            var table = Load(path, sheet, file, layerName);
            var header = HeaderDetector.Find(table, schema, read.HeaderRow);
            if (header is null)
            {
                if (read.Sheet is not null || read.HeaderRow is not null && chosen.Count == 1)
                {
                    throw new DataFileException("header-row-absent", file, layerName,
                        $"trang tính '{sheet}' không có dòng {read.HeaderRow} (--header-row) hoặc trống.",
                        $"sheet '{sheet}' has no row {read.HeaderRow} (--header-row) or is empty.");
                }

                skipped.Add(sheet);
                continue;
            }

            if (header.HasGeometry || read.Sheet is not null)
            {
                found.Add(new TableSection(table, header));
            }
            else
            {
                skipped.Add(sheet);
                if (bestWithout is null || header.Score > bestWithout.Header.Score)
                {
                    bestWithout = new TableSection(table, header);
                }
            }
        }

        if (found.Count == 0)
        {
            // No sheet has coordinates: read the best one anyway, so the error names its columns.
            found.Add(bestWithout ?? throw new DataFileException("xlsx-empty", file, layerName,
                "tệp Excel không có trang tính nào có dữ liệu.", "the Excel file has no sheet with data."));
            skipped.Remove(bestWithout.Table.Sheet!);
        }

        var names = string.Join(", ", found.Select(s => $"'{s.Table.Sheet}'"));
        issues.Notice("xlsx-sheets", null, null,
            $"đọc trang tính {names}" + (skipped.Count > 0 ? $"; bỏ qua {string.Join(", ", skipped.Select(s => $"'{s}'"))} (không có cột toạ độ hoặc trống; chọn bằng --sheet)." : "."),
            $"read sheet {names}" + (skipped.Count > 0 ? $"; skipped {string.Join(", ", skipped.Select(s => $"'{s}'"))} (no coordinate columns, or empty; choose with --sheet)." : "."));
        return TableLayerBuilder.Build(file, layerName, found, new TableOptions(crsOverride, TextCells: false, read.Decimal), issues);
    }

    private static List<string> SheetNames(string path, string file, string layerName)
    {
        try
        {
            return MiniExcel.GetSheetNames(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw Unreadable(file, layerName, e);
        }
    }

    private static string Pick(List<string> sheets, string wanted, string file, string layerName)
    {
        var byName = sheets.Find(s => s == wanted)
            ?? sheets.Find(s => NameNormalizer.Normalize(s) == NameNormalizer.Normalize(wanted));
        if (byName is not null)
        {
            return byName;
        }

        if (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= sheets.Count)
        {
            return sheets[n - 1];
        }

        var list = string.Join(", ", sheets.Select((s, i) => $"{i + 1}. '{s}'"));
        throw new DataFileException("sheet-absent", file, layerName,
            $"không có trang tính '{wanted}' (--sheet); các trang tính: {list}.",
            $"there is no sheet '{wanted}' (--sheet); the sheets are: {list}.");
    }

    private static RawTable Load(string path, string sheet, string file, string layerName)
    {
        var config = new OpenXmlConfiguration { FillMergedCells = true };
        var rows = new List<TableRow>();
        try
        {
            // No header row and a start at A1, so row numbers are the ones the user sees (MiniExcel yields blank rows too).
            foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, startCell: "A1", configuration: config))
            {
                rows.Add(new TableRow(rows.Count + 1, [.. row.Values.Select(Normalise)]));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or InvalidCastException)
        {
            throw Unreadable(file, layerName, e);
        }

        return new RawTable(sheet, rows);
    }

    // Every number as a double, so a column's numbers are one type whatever width the library chose.
    private static object? Normalise(object? cell) => cell switch
    {
        int or long or decimal or float or short or byte => Convert.ToDouble(cell, CultureInfo.InvariantCulture),
        _ => cell,
    };

    private static DataFileException Unreadable(string file, string layerName, Exception e) =>
        new("xlsx-unreadable", file, layerName,
            $"không đọc được tệp Excel (.xlsx): {e.Message}", $"the Excel file (.xlsx) cannot be read: {e.Message}", e);
}
