using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Facilities.Core.Provenance;
using Facilities.Core.Results;
using Facilities.Formats.Writers;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes result tables as CSV with a stamp_id column, and stamps as JSON. Byte-identical for the same inputs:
/// no clock, invariant numbers, fixed order, UTF-8 with a byte-order mark for Excel. Text cells that a spreadsheet
/// would evaluate as a formula get a leading apostrophe (<see cref="SpreadsheetText"/>): these files are meant for Excel.
/// </summary>
public static class ResultCsvWriter
{
    /// <summary>Writes <paramref name="table"/> (its fields, then stamp_id) to <paramref name="path"/>; a null value is an empty cell.</summary>
    public static void Write(ResultTable table, string path) =>
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            writer.NewLine = "\n";
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var f in table.Fields)
            {
                csv.WriteField(f.Name);
            }

            csv.WriteField("stamp_id");
            csv.NextRecord();
            var stampId = table.Stamp.Id; // a hash of the stamp's text: once, not on every row
            foreach (var row in table.Rows)
            {
                foreach (var value in row.Values)
                {
                    csv.WriteField(value is string s ? SpreadsheetText.Neutralise(s) : Text(value));
                }

                csv.WriteField(stampId);
                csv.NextRecord();
            }
        });

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> and its stamp beside it as <c>&lt;path&gt;.stamp.json</c>.</summary>
    public static void WriteWithStamp(ResultTable table, string path)
    {
        Write(table, path);
        WriteStamp(table.Stamp, path + ".stamp.json");
    }

    /// <summary>Writes a stamp as indented JSON in a stable key order.</summary>
    public static void WriteStamp(ResultStamp stamp, string path) => AtomicFile.Write(path, temp =>
    {
        using var stream = File.Create(temp);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("stamp_id", stamp.Id);
        foreach (var (k, v) in stamp.Lines())
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    });

    /// <summary>Invariant text of a value, as the CSV holds it.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
