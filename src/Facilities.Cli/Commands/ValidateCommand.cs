using System.CommandLine;
using System.Text.Json.Nodes;
using Facilities.Application;
using Facilities.Application.Import;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities validate &lt;dataset|file&gt;</c>: check without writing anything.</summary>
internal static class ValidateCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var target = new Argument<string>("path") { Description = "Bộ dữ liệu (.gpkg hoặc PostgreSQL \"Host=…\"), hoặc tệp GIS với --layer / a dataset (.gpkg or a PostgreSQL location), or a GIS file with --layer" };
        var layer = CliOptions.Layer(required: false);
        var crs = CliOptions.Crs("Hệ toạ độ của tệp / CRS of the file, overrides its own");
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Tệp ánh xạ tên trường / field-mapping JSON" };
        var dataset = new Option<string?>("--dataset") { Description = "Bộ dữ liệu có lớp wards để kiểm tra trường học (.gpkg hoặc PostgreSQL) / dataset whose wards place schools (.gpkg or PostgreSQL)" };
        var cmd = new Command("validate", "Kiểm tra bộ dữ liệu hoặc tệp; mã thoát khác 0 nếu có lỗi.\nCheck a dataset or a file; exits non-zero on errors.")
        {
            target, layer, crs, mapping, dataset,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(target)!;
            var layerName = r.GetValue(layer);
            IssueList issues;
            if (DatasetLocation.IsDatabase(path) || (layerName is null && Path.GetExtension(path).Equals(".gpkg", StringComparison.OrdinalIgnoreCase)))
            {
                var store = DatasetLocation.Open(path);
                issues = DatasetValidator.Validate(store);
                path = store.Name;
            }
            else
            {
                layerName ??= DatasetSchema.Find(Path.GetFileNameWithoutExtension(path).ToLowerInvariant())?.Name
                    ?? throw new ArgumentException(u.T("cần --layer để biết tệp là lớp nào.", "--layer is needed to know which layer the file is."));
                var wardsFrom = r.GetValue(dataset) is { } ds ? DatasetLocation.Open(ds) : null;
                var request = new ImportRequest(Path.GetFullPath(path), layerName, wardsFrom is null ? null : DatasetLocation.FilePath(wardsFrom) ?? wardsFrom.Name)
                {
                    Target = wardsFrom,
                    CrsOverride = r.GetValue(crs) is { } c ? CrsRegistry.Parse(c) : null,
                    MappingPath = r.GetValue(mapping)?.FullName,
                };
                issues = DatasetImporter.Import(request, dryRun: true).Issues;
            }

            u.Issues(issues.Items);
            var errors = issues.ErrorCount;
            var warnings = issues.Items.Count - errors;
            u.Out.WriteLine(u.T($"{Path.GetFileName(path)}: {errors} lỗi, {warnings} cảnh báo.", $"{Path.GetFileName(path)}: {errors} errors, {warnings} warnings."));
            CliSummary.Write(u, "validate", errors == 0, null, new JsonObject
            {
                ["path"] = path,
                ["errors"] = errors,
                ["warnings"] = warnings,
                ["issues"] = new JsonArray([.. issues.Items.Select(i => new JsonObject
                {
                    ["severity"] = i.Severity.ToString().ToLowerInvariant(),
                    ["code"] = i.Code,
                    ["file"] = i.File,
                    ["layer"] = i.Layer,
                    ["feature"] = i.Feature,
                    ["field"] = i.Field,
                    ["vi"] = i.Message.Vi,
                    ["en"] = i.Message.En,
                })]),
            }, [], null);
            return errors > 0 ? ExitCodes.DataErrors : ExitCodes.Ok;
        });
        return cmd;
    }
}
