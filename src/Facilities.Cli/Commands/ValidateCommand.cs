using System.CommandLine;
using System.Text.Json.Nodes;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.IO;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities validate &lt;dataset|file&gt;</c>: check without writing anything.</summary>
internal static class ValidateCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var target = new Argument<FileInfo>("path") { Description = "Bộ dữ liệu .gpkg, hoặc tệp GIS với --layer / a dataset, or a GIS file with --layer" };
        var layer = CliOptions.Layer(required: false);
        var crs = CliOptions.Crs("Hệ toạ độ của tệp / CRS of the file, overrides its own");
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Tệp ánh xạ tên trường / field-mapping JSON" };
        var dataset = new Option<FileInfo?>("--dataset") { Description = "Bộ dữ liệu có lớp wards để kiểm tra trường học / dataset whose wards place schools" };
        var cmd = new Command("validate", "Kiểm tra bộ dữ liệu hoặc tệp; mã thoát khác 0 nếu có lỗi.\nCheck a dataset or a file; exits non-zero on errors.")
        {
            target, layer, crs, mapping, dataset,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(target)!.FullName;
            var layerName = r.GetValue(layer);
            IssueList issues;
            if (layerName is null && Path.GetExtension(path).Equals(".gpkg", StringComparison.OrdinalIgnoreCase))
            {
                issues = DatasetValidator.Validate(path);
            }
            else
            {
                layerName ??= DatasetSchema.Find(Path.GetFileNameWithoutExtension(path).ToLowerInvariant())?.Name
                    ?? throw new ArgumentException(u.T("cần --layer để biết tệp là lớp nào.", "--layer is needed to know which layer the file is."));
                var request = new ImportRequest(path, layerName, r.GetValue(dataset)?.FullName)
                {
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
