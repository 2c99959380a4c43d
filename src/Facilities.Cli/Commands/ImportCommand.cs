using System.CommandLine;
using Facilities.Application;
using Facilities.Application.Import;
using Facilities.Core.Spatial;
using Facilities.Formats;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities import &lt;file&gt; --layer &lt;layer&gt; --into &lt;dataset.gpkg&gt;</c>.</summary>
internal static class ImportCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp nguồn / source file: .geojson, .shp, .csv, .xlsx, .gpkg" };
        var layer = CliOptions.Layer(required: true);
        var crs = CliOptions.Crs("Hệ toạ độ của tệp, ghi đè .prj / source CRS, overrides the file's own (EPSG:4326, 32648, 9210, 9209 …)");
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Tệp ánh xạ tên trường / field-mapping JSON (docs/mapping.md)" };
        var sourceLayer = new Option<string?>("--source-layer") { Description = "Bảng trong GeoPackage nguồn / table of a multi-table GeoPackage" };
        var append = new Option<bool>("--append") { Description = "Nối thêm vào lớp thay vì thay thế / add to the layer instead of replacing it (ids must stay unique)" };
        var sheet = new Option<string?>("--sheet") { Description = "Trang tính của tệp .xlsx, theo tên hoặc số thứ tự / worksheet of an .xlsx, by name or number (default: detected)" };
        var headerRow = new Option<int?>("--header-row") { Description = "Dòng tiêu đề cột (đếm từ 1) / 1-based row holding the column names (default: detected)" };
        var encoding = new Option<string?>("--encoding") { Description = "Bảng mã của CSV/.dbf / text encoding: utf-8, windows-1258, tcvn3, vni (default: detected)" };
        var decimalSep = new Option<string?>("--decimal") { Description = "Dấu thập phân của CSV / CSV decimal separator: '.' or ',' (default: detected per column)" };
        decimalSep.AcceptOnlyFromAmong(".", ",", "dot", "comma");
        var id = new Option<string?>("--id") { Description = "Mã ghép từ nhiều trường / id built from fields, e.g. \"{SoTo}-{SoThua}\" (cadastral numbers restart on each map sheet)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ kiểm tra và in bảng ánh xạ cột, không ghi / check and print the column mapping, write nothing" };
        var keepValid = new Option<bool>("--keep-valid") { Description = "Nhập các dòng hợp lệ, bỏ các dòng lỗi / import the valid rows, leave out the refused ones (needs --rejects)" };
        var rejects = new Option<FileInfo?>("--rejects") { Description = "Tệp ghi các dòng bị từ chối kèm lý do / file for the refused rows with their reasons (.xlsx or .csv)" };
        var title = new Option<string?>("--title") { Description = "Tiêu đề bộ dữ liệu cho bản đồ, báo cáo / dataset title for maps and reports" };
        var into = new Option<string>("--into") { Description = "Bộ dữ liệu đích: tệp .gpkg hoặc PostgreSQL \"Host=…;Database=…;Schema=…\" (tạo nếu chưa có) / target dataset: a .gpkg or a PostgreSQL location (created if absent)", Required = true };
        var cmd = new Command("import", "Nhập một lớp từ tệp GIS vào bộ dữ liệu (thay thế lớp cũ, hoặc nối thêm với --append). Lỗi thì không ghi gì.\nImport one layer from a GIS file, replacing the layer (or adding to it with --append); on any error nothing is written.")
        {
            file, layer, crs, mapping, sourceLayer, append, sheet, headerRow, encoding, decimalSep, id, dryRun, keepValid, rejects, title, into,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var target = DatasetLocation.Open(r.GetValue(into)!);
            var request = new ImportRequest(r.GetValue(file)!.FullName, r.GetValue(layer)!, DatasetLocation.FilePath(target) ?? target.Name)
            {
                Target = target,
                CrsOverride = r.GetValue(crs) is { } c ? CrsRegistry.Parse(c) : null,
                MappingPath = r.GetValue(mapping)?.FullName,
                SourceTable = r.GetValue(sourceLayer),
                Append = r.GetValue(append),
                Read = new()
                {
                    Sheet = r.GetValue(sheet),
                    HeaderRow = r.GetValue(headerRow),
                    Encoding = r.GetValue(encoding),
                    Decimal = r.GetValue(decimalSep) switch { "," or "comma" => ',', "." or "dot" => '.', _ => null },
                },
                IdTemplate = r.GetValue(id),
                KeepValid = r.GetValue(keepValid),
                RejectsPath = r.GetValue(rejects)?.FullName,
                Title = r.GetValue(title),
            };
            if (request.KeepValid && request.RejectsPath is null)
            {
                u.Err.WriteLine(u.T(
                    "--keep-valid cần --rejects TỆP (.csv hoặc .xlsx) để ghi các dòng bị từ chối kèm lý do.",
                    "--keep-valid needs --rejects FILE (.csv or .xlsx) to write the refused rows with their reasons."));
                return ExitCodes.Usage;
            }

            if (request.RejectsPath is { } rp && (!request.KeepValid || !RejectsWriter.Supports(rp)))
            {
                u.Err.WriteLine(u.T(
                    "--rejects cần --keep-valid và một tệp .csv hoặc .xlsx.",
                    "--rejects needs --keep-valid and a .csv or .xlsx file."));
                return ExitCodes.Usage;
            }

            var check = r.GetValue(dryRun);
            var outcome = u.WithProgress(u.T("Nhập", "Import"), p => DatasetImporter.Import(request with { Progress = p }, check));
            if (check)
            {
                // The mapping table goes first, so what would be written is seen before the problems.
                ColumnMappingTable.Write(u, outcome.Columns, request.Layer, Path.GetFileName(request.SourcePath), outcome.Layer.Features.Count);
                u.Issues(outcome.Issues.Items);
                var errors = outcome.Issues.ErrorCount;
                u.Out.WriteLine(errors > 0
                    ? u.T($"Kiểm tra (--dry-run): {errors} lỗi, việc nhập sẽ bị từ chối. Không ghi gì.", $"Check (--dry-run): {errors} errors, the import would be refused. Nothing written.")
                    : u.T($"Kiểm tra (--dry-run): sẽ nhập {outcome.Layer.Features.Count} đối tượng vào lớp '{request.Layer}'. Không ghi gì.",
                        $"Check (--dry-run): {outcome.Layer.Features.Count} features would be imported into layer '{request.Layer}'. Nothing written."));
                if (outcome.Rejected > 0)
                {
                    u.Out.WriteLine(u.T($"Sẽ từ chối {outcome.Rejected} dòng (--keep-valid).", $"{outcome.Rejected} rows would be refused (--keep-valid)."));
                }

                return errors > 0 ? ExitCodes.DataErrors : ExitCodes.Ok;
            }

            u.Issues(outcome.Issues.Items);
            if (!outcome.Written)
            {
                u.Err.WriteLine(u.T(
                    $"Không ghi gì vào {target.Name}: {outcome.Issues.ErrorCount} lỗi.",
                    $"Nothing was written to {target.Name}: {outcome.Issues.ErrorCount} errors."));
                return ExitCodes.DataErrors;
            }

            u.Out.WriteLine(u.T(
                $"Đã nhập {outcome.Layer.Features.Count} đối tượng vào lớp '{request.Layer}' của {target.Name} (từ {outcome.SourceCrs?.Label}).",
                $"Imported {outcome.Layer.Features.Count} features into layer '{request.Layer}' of {target.Name} (from {outcome.SourceCrs?.Label})."));
            if (outcome.Rejected > 0)
            {
                u.Out.WriteLine(u.T(
                    $"Từ chối {outcome.Rejected} dòng, ghi kèm lý do vào {Path.GetFileName(request.RejectsPath)}.",
                    $"Refused {outcome.Rejected} rows, written with the reasons to {Path.GetFileName(request.RejectsPath)}."));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
