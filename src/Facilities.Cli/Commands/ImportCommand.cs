using System.CommandLine;
using Facilities.Core.Spatial;
using Facilities.IO;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities import &lt;file&gt; --layer &lt;layer&gt; --into &lt;dataset.gpkg&gt;</c>.</summary>
internal static class ImportCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp nguồn / source file: .geojson, .shp, .csv, .gpkg" };
        var layer = CliOptions.Layer(required: true);
        var crs = CliOptions.Crs("Hệ toạ độ của tệp, ghi đè .prj / source CRS, overrides the file's own (EPSG:4326, 32648, 9210, 9209 …)");
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Tệp ánh xạ tên trường / field-mapping JSON (docs/mapping.md)" };
        var sourceLayer = new Option<string?>("--source-layer") { Description = "Bảng trong GeoPackage nguồn / table of a multi-table GeoPackage" };
        var append = new Option<bool>("--append") { Description = "Nối thêm vào lớp thay vì thay thế / add to the layer instead of replacing it (ids must stay unique)" };
        var into = new Option<FileInfo>("--into") { Description = "Bộ dữ liệu đích / target dataset (.gpkg, created if absent)", Required = true };
        var cmd = new Command("import", "Nhập một lớp từ tệp GIS vào bộ dữ liệu (thay thế lớp cũ, hoặc nối thêm với --append). Lỗi thì không ghi gì.\nImport one layer from a GIS file, replacing the layer (or adding to it with --append); on any error nothing is written.")
        {
            file, layer, crs, mapping, sourceLayer, append, into,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var request = new ImportRequest(r.GetValue(file)!.FullName, r.GetValue(layer)!, r.GetValue(into)!.FullName)
            {
                CrsOverride = r.GetValue(crs) is { } c ? CrsRegistry.Parse(c) : null,
                MappingPath = r.GetValue(mapping)?.FullName,
                SourceTable = r.GetValue(sourceLayer),
                Append = r.GetValue(append),
            };
            var outcome = u.WithProgress(u.T("Nhập", "Import"), p => DatasetImporter.Import(request with { Progress = p }));
            u.Issues(outcome.Issues.Items);
            if (!outcome.Written)
            {
                u.Err.WriteLine(u.T(
                    $"Không ghi gì vào {Path.GetFileName(request.DatasetPath)}: {outcome.Issues.ErrorCount} lỗi.",
                    $"Nothing was written to {Path.GetFileName(request.DatasetPath)}: {outcome.Issues.ErrorCount} errors."));
                return ExitCodes.DataErrors;
            }

            u.Out.WriteLine(u.T(
                $"Đã nhập {outcome.Layer.Features.Count} đối tượng vào lớp '{request.Layer}' của {Path.GetFileName(request.DatasetPath)} (từ {outcome.SourceCrs?.Label}).",
                $"Imported {outcome.Layer.Features.Count} features into layer '{request.Layer}' of {Path.GetFileName(request.DatasetPath)} (from {outcome.SourceCrs?.Label})."));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
