using System.Text;
using System.Text.Json;
using CsvHelper;
using Facilities.Core.Deficit;
using Facilities.Core.Provenance;
using Facilities.IO.Writers;

namespace Facilities.IO.Results;

/// <summary>
/// Writes deficit rows as CSV (one row per ward and level, then a stamp_id column) and the full stamp beside it
/// as <c>&lt;file&gt;.stamp.json</c>. Byte-identical for the same inputs: no clock, invariant numbers, fixed order.
/// </summary>
public static class DeficitCsvWriter
{
    /// <summary>Writes the CSV and its stamp file.</summary>
    public static void Write(DeficitResult result, ResultStamp stamp, string path)
    {
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            writer.NewLine = "\n";
            using var csv = new CsvWriter(writer, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var c in DeficitColumns.All)
            {
                csv.WriteField(c.Name);
            }

            csv.WriteField("stamp_id");
            csv.NextRecord();
            foreach (var row in result.Rows)
            {
                foreach (var c in DeficitColumns.All)
                {
                    csv.WriteField(DeficitColumns.Text(c.Value(row)));
                }

                csv.WriteField(stamp.Id);
                csv.NextRecord();
            }
        });
        WriteStamp(stamp, path + ".stamp.json");
    }

    /// <summary>Writes a stamp as indented JSON (stable key order).</summary>
    public static void WriteStamp(ResultStamp stamp, string path) => AtomicFile.Write(path, temp =>
    {
        using var stream = File.Create(temp);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("stamp_id", stamp.Id);
        foreach (var (k, v) in stamp.Lines())
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    });
}
