using System.CommandLine;
using Facilities.Application;
using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Formats;
using Facilities.Formats.Writers;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities export &lt;dataset&gt; --layer &lt;layer&gt; --out &lt;file&gt;</c>.</summary>
internal static class ExportCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = CliOptions.Dataset();
        var layer = CliOptions.Layer(required: true);
        var output = new Option<FileInfo>("--out") { Description = "Tệp xuất / output: .geojson (EPSG:4326), .gpkg, .csv", Required = true };
        var crs = CliOptions.Crs("Hệ toạ độ xuất cho .gpkg/.csv / output CRS for .gpkg and .csv (default EPSG:4326)");
        var raw = new Option<bool>("--raw") { Description = "CSV: giữ nguyên văn bản bắt đầu bằng = + - @ (mặc định thêm dấu ' để Excel không chạy công thức) / keep formula-like text verbatim (default: a leading apostrophe so Excel does not run it)" };
        var cmd = new Command("export", "Xuất một lớp ra GeoJSON, GeoPackage hoặc CSV.\nExport a layer to GeoJSON, GeoPackage or CSV.")
        {
            dataset, layer, output, crs, raw,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var store = DatasetLocation.Open(r.GetValue(dataset)!);
            var name = r.GetValue(layer)!;
            var outPath = r.GetValue(output)!.FullName;
            var target = r.GetValue(crs) is { } c ? CrsRegistry.Parse(c) : CrsRegistry.Get(CrsRegistry.Wgs84Srid);
            var data = store.ReadLayer(name)
                ?? throw new DataFileException("layer-absent", store.Name, name,
                    $"bộ dữ liệu không có lớp '{name}'.", $"the dataset has no layer '{name}'.");
            var ext = Path.GetExtension(outPath).ToLowerInvariant();
            if (ext is ".geojson" or ".json" && target.Srid != CrsRegistry.Wgs84Srid)
            {
                throw new ArgumentException(u.T("GeoJSON luôn là EPSG:4326 (RFC 7946); bỏ --crs.", "GeoJSON is always EPSG:4326 (RFC 7946); drop --crs."));
            }

            var layerOut = Reproject(data, target);
            switch (ext)
            {
                case ".geojson" or ".json":
                    GeoJsonLayerWriter.Write(layerOut, outPath);
                    break;
                case ".gpkg":
                    GeoPackageDataset.ReplaceLayers(outPath, [layerOut], new Dictionary<string, string> { [$"layer.{name}.exported_from"] = store.Name });
                    break;
                case ".csv":
                    CsvLayerWriter.Write(layerOut, outPath, r.GetValue(raw));
                    break;
                default:
                    throw new ArgumentException(u.T($"định dạng xuất '{ext}' không hỗ trợ; dùng .geojson, .gpkg, .csv.", $"export format '{ext}' is not supported; use .geojson, .gpkg or .csv."));
            }

            u.Out.WriteLine(u.T(
                $"Đã xuất {data.Features.Count} đối tượng của lớp '{name}' ra {outPath} ({target.Label}).",
                $"Exported {data.Features.Count} features of layer '{name}' to {outPath} ({target.Label})."));
            if (ext == ".csv" && !target.IsGeographic)
            {
                // Agencies read X/Y the surveyors' way; say so, since GIS software would expect X = east.
                u.Out.WriteLine(u.T(
                    "Cột X là toạ độ Bắc (northing), Y là toạ độ Đông (easting), đơn vị mét, làm tròn đến cm.",
                    "Column X is the northing and Y the easting, in metres to the centimetre."));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static FeatureLayer Reproject(FeatureLayer layer, CrsDefinition target)
    {
        if (layer.Crs is null || layer.Crs.Srid == target.Srid)
        {
            return layer;
        }

        var records = layer.Features
            .Select(f => new FeatureRecord(f.Ordinal, f.Geometry is null ? null : Reprojector.Transform(f.Geometry, layer.Crs, target), f.Attributes))
            .ToList();
        return new FeatureLayer(layer.Name, target, layer.Fields, records);
    }
}
