using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Facilities.IO.Tests.Tables;

/// <summary>
/// Writes an .xlsx the way Excel does, with the Open XML SDK rather than the MiniExcel we read with: text in the
/// shared-string table, numbers as numeric cells, merged cells kept only in their top-left cell, blank rows absent.
/// </summary>
internal static class AgencyWorkbook
{
    /// <summary>One worksheet: rows by 1-based number (missing numbers are blank rows), merged ranges like "A1:F1".</summary>
    public sealed record Sheet(string Name, IReadOnlyDictionary<int, object?[]> Rows, IReadOnlyList<string> Merges);

    public static void Write(string path, params Sheet[] sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.Workbook = new Workbook();
        var shared = book.AddNewPart<SharedStringTablePart>();
        shared.SharedStringTable = new SharedStringTable();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        // Style 1 is Excel's built-in short date (number format 14), as a date typed into a cell gets.
        var styles = book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var list = book.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (number, cells) in sheet.Rows.OrderBy(r => r.Key))
            {
                var row = new Row { RowIndex = (uint)number };
                for (var c = 0; c < cells.Length; c++)
                {
                    var reference = Column(c) + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    switch (cells[c])
                    {
                        case null when Merged(sheet, c, number):
                            // Excel writes every covered cell of a merged range as an empty (styled) cell.
                            row.AppendChild(new Cell { CellReference = reference });
                            break;
                        case null:
                            break;
                        case string s:
                            if (!index.TryGetValue(s, out var i))
                            {
                                i = index.Count;
                                index[s] = i;
                                shared.SharedStringTable.AppendChild(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(s)));
                            }

                            row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i) });
                            break;
                        case double d:
                            row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(d) });
                            break;
                        case DateTime t:
                            row.AppendChild(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(t.ToOADate()) });
                            break;
                        case int n:
                            row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(n) });
                            break;
                        default:
                            throw new ArgumentException($"cell type {cells[c]!.GetType()}");
                    }
                }

                data.AppendChild(row);
            }

            var worksheet = new Worksheet(data);
            if (sheet.Merges.Count > 0)
            {
                worksheet.AppendChild(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
            }

            part.Worksheet = worksheet;
            list.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }

        shared.SharedStringTable.Count = (uint)index.Count;
        shared.SharedStringTable.UniqueCount = (uint)index.Count;
    }

    private static bool Merged(Sheet sheet, int column, int row) => sheet.Merges.Any(m =>
    {
        var (c1, r1) = Parse(m.Split(':')[0]);
        var (c2, r2) = Parse(m.Split(':')[1]);
        return column >= c1 && column <= c2 && row >= r1 && row <= r2;
    });

    private static (int Column, int Row) Parse(string reference)
    {
        var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
        var column = letters.Aggregate(0, (a, ch) => (a * 26) + (ch - 'A' + 1)) - 1;
        return (column, int.Parse(reference[letters.Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));
}
