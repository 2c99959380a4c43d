using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Facilities.Core.Features;
using Facilities.Core.Results;
using Facilities.Formats.Writers;
using Facilities.Reports.Results;
using Facilities.Storage.Sqlite.GeoPackage;
using Microsoft.Data.Sqlite;

namespace Facilities.Cli;

/// <summary>
/// Where a result command writes: the --out file, or with <c>--out -</c> a file in a private temporary folder that
/// <see cref="Emit"/> then copies to stdout as CSV (without the byte-order mark, which a pipe does not want) or as one
/// GeoJSON FeatureCollection of every feature layer; companions (.stamp.json, .schools.csv) stay behind and go with
/// the folder. So every command keeps its one writer per format.
/// </summary>
internal sealed class ResultTarget : IDisposable
{
    private readonly string? _folder;
    private readonly Ui _ui;

    private ResultTarget(Ui ui, string path, string extension, string? folder)
    {
        _ui = ui;
        Path = path;
        Extension = extension;
        _folder = folder;
    }

    /// <summary>The file the command writes.</summary>
    public string Path { get; }

    /// <summary>.csv, .xlsx or .gpkg.</summary>
    public string Extension { get; }

    /// <summary>Whether the result goes to stdout.</summary>
    public bool ToStdout => _folder is not null;

    /// <summary>
    /// The result table the command wrote, when it has one: with <c>--out - --format geojson</c> it goes to stdout
    /// through the same GeoJSON writer the web server answers with, instead of being read back from the GeoPackage.
    /// </summary>
    public ResultTable? Data { get; set; }

    /// <summary>The output as the summary names it: the file, or "-".</summary>
    public string Shown => ToStdout ? "-" : Path;

    /// <summary>The target of --out (<paramref name="output"/>) for a result computed from <paramref name="dataset"/>.</summary>
    public static ResultTarget For(Ui u, string dataset, FileInfo output, string? format)
    {
        if (output.Name != "-")
        {
            return new ResultTarget(u, output.FullName, Commands.CommandSupport.ResultFormat(u, dataset, output.FullName), null);
        }

        var folder = Directory.CreateTempSubdirectory("facilities-out-").FullName;
        var ext = format == "geojson" ? ".gpkg" : ".csv";
        return new ResultTarget(u, System.IO.Path.Combine(folder, "result" + ext), ext, folder);
    }

    /// <summary>With --out -, copies the written result to stdout; otherwise nothing.</summary>
    public void Emit()
    {
        if (!ToStdout)
        {
            return;
        }

        if (Extension == ".csv")
        {
            var text = File.ReadAllText(Path, Encoding.UTF8);
            _ui.Data.Write(text.TrimStart('\uFEFF'));
        }
        else if (Data is { } table)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                ResultGeoJson.Collection(w, table, r => r.Key);
            }

            _ui.Data.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        else
        {
            using var stream = new MemoryStream();
            GeoJsonLayerWriter.Write(Merged(Path), stream);
            _ui.Data.Write(Encoding.UTF8.GetString(stream.ToArray()));
        }

        _ui.Data.Flush();
    }

    public void Dispose()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Every feature table of the GeoPackage (a result's levels) as one layer, in table order.</summary>
    private static FeatureLayer Merged(string path)
    {
        var names = new List<string>();
        using (var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadOnly))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                names.Add(r.GetString(0));
            }
        }

        var layers = names.Select(n => GeoPackageDataset.ReadLayer(path, n)!).ToList();
        var fields = layers.SelectMany(l => l.Fields).DistinctBy(f => f.Name).ToList();
        var features = new List<FeatureRecord>();
        foreach (var f in layers.SelectMany(l => l.Features))
        {
            features.Add(new FeatureRecord(features.Count + 1, f.Geometry, f.Attributes));
        }

        return new FeatureLayer("result", layers.FirstOrDefault()?.Crs, fields, features);
    }
}
