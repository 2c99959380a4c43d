using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Facilities.Core.Provenance;
using Facilities.IO.Writers;

namespace Facilities.IO.Results;

/// <summary>
/// Writes result tables as CSV with a stamp_id column, and stamps as JSON. Byte-identical for the same inputs:
/// no clock, invariant numbers, fixed order, UTF-8 with a byte-order mark for Excel. Text cells that a spreadsheet
/// would evaluate as a formula get a leading apostrophe (<see cref="SpreadsheetText"/>): these files are meant for Excel.
/// </summary>
public static class ResultCsvWriter
{
    /// <summary>Writes <paramref name="rows"/> with <paramref name="columns"/> and the stamp id to <paramref name="path"/>.</summary>
    public static void Write<T>(IEnumerable<T> rows, IReadOnlyList<ResultColumn<T>> columns, string stampId, string path) =>
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            writer.NewLine = "\n";
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var c in columns)
            {
                csv.WriteField(c.Name);
            }

            csv.WriteField("stamp_id");
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var c in columns)
                {
                    var value = c.Value(row);
                    csv.WriteField(value is string s ? SpreadsheetText.Neutralise(s) : Text(value));
                }

                csv.WriteField(stampId);
                csv.NextRecord();
            }
        });

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
    public static string Text(object value) => value switch
    {
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
