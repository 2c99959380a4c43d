using System.CommandLine;
using Facilities.Application;
using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Schema;
using Facilities.Formats.Writers;
using Facilities.Render;
using Facilities.Reports.Results;
using Facilities.Storage.Sqlite;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities render &lt;dataset&gt; --map deficit --level l --year y --out map.png</c>: a choropleth for reports.</summary>
internal static class RenderCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = CliOptions.Dataset();
        var map = new Option<string>("--map") { Description = "Bản đồ / map: deficit", DefaultValueFactory = _ => "deficit" };
        map.AcceptOnlyFromAmong("deficit");
        var level = new Option<string>("--level") { Description = "Cấp học / level: mam_non | tieu_hoc | thcs | thpt", Required = true };
        level.AcceptOnlyFromAmong([.. DatasetSchema.Levels]);
        var year = CliOptions.Year();
        var method = new Option<string>("--method") { Description = "admin | catchment", DefaultValueFactory = _ => "admin" };
        method.AcceptOnlyFromAmong("admin", "catchment");
        var norms = CliOptions.Norms();
        var twoSessions = new Option<bool>("--two-sessions") { Description = "Học 2 buổi/ngày / two sessions a day" };
        var publicOnly = new Option<bool>("--public-only") { Description = "Chỉ trường công lập / public schools only" };
        var capacityLimited = new Option<bool>("--capacity-limited") { Description = "catchment: không trường nào nhận quá sức chứa / no school beyond capacity" };
        var grid = new Option<double>("--grid-m") { Description = "catchment: lưới điểm cầu (m) / demand grid (m)", DefaultValueFactory = _ => 250 };
        var classes = new Option<string>("--classes")
        {
            Description = "Cách chia lớp màu / classing: jenks (ngắt tự nhiên / natural breaks) | quantile (phân vị) | equal (khoảng đều)",
            DefaultValueFactory = _ => "jenks",
        };
        classes.AcceptOnlyFromAmong("jenks", "quantile", "equal");
        var output = new Option<FileInfo>("--out") { Description = "Ảnh PNG / PNG file", Required = true };
        var cmd = new Command("render", "Vẽ bản đồ thiếu/thừa phòng học (PNG) có chú giải, thước tỉ lệ, hướng bắc.\nRender a deficit choropleth (PNG) with legend, scale bar and north arrow.")
        {
            dataset, map, level, year, method, norms, twoSessions, publicOnly, capacityLimited, grid, classes, output,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(dataset)!;
            var outPath = r.GetValue(output)!.FullName;
            var lvl = r.GetValue(level)!;
            var options = new DeficitOptions(r.GetValue(year)) { Levels = [lvl], TwoSessions = r.GetValue(twoSessions), PublicOnly = r.GetValue(publicOnly), Method = r.GetValue(method)! };
            CommandSupport.CheckOutput(u, path, outPath);
            var catchmentOptions = options.Method == "catchment" ? CommandSupport.Catchment(u, r.GetValue(capacityLimited), r.GetValue(grid)) : new CatchmentOptions();
            var d = CommandSupport.Context(path, r.GetValue(norms));
            var run = DeficitComputation.Run(d, options, catchmentOptions);
            CommandSupport.Warn(u, run.Warnings);
            var (stamp, city) = (run.Stamp, d.City);
            Dictionary<string, long> values;
            HashSet<string> noData;
            if (run.Result.Catchment is { } catchment)
            {
                values = catchment.Wards.ToDictionary(w => w.WardCode, w => w.RoomsNeeded, StringComparer.Ordinal);
                noData = [.. catchment.Wards.Where(w => w.SchoolsInData == 0).Select(w => w.WardCode)];
            }
            else
            {
                var admin = run.Result.Admin;
                values = admin.Rows.ToDictionary(x => x.WardCode, x => x.DeficitRooms, StringComparer.Ordinal);
                noData = [.. admin.Rows.Where(x => x.SchoolsInData == 0).Select(x => x.WardCode)];
            }

            // A ward without school data is drawn as no data, not as the deepest shortage (docs/deficit.md).
            var features = city.Wards.Select(w => new MapFeature(w.Area, !noData.Contains(w.Code) && values.TryGetValue(w.Code, out var v) ? v : null, w.Name)).ToList();
            var title = DatasetTitle.Of(d.Store.Metadata());
            var chart = RenderSheet.Options(u.Language, lvl, options.Method == "catchment", options.Year, title, Path.GetFileNameWithoutExtension(d.Store.Name), stamp, noData.Count) with
            {
                ClassMethod = r.GetValue(classes) switch { "quantile" => ClassMethod.Quantile, "equal" => ClassMethod.Equal, _ => ClassMethod.Jenks },
            };
            var png = ChoroplethRenderer.RenderPng(features, chart);
            AtomicFile.Write(outPath, temp => File.WriteAllBytes(temp, png));
            ResultCsvWriter.WriteStamp(stamp, outPath + ".stamp.json");
            u.Out.WriteLine(u.T($"Đã vẽ {outPath} (dấu kiểm {stamp.Id}).", $"Rendered {outPath} (stamp {stamp.Id})."));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
