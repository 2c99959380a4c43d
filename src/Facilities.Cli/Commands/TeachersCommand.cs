using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Facilities.Application;
using Facilities.Application.Results;
using Facilities.Core.Deficit;
using Facilities.Core.Presentation;
using Facilities.Core.Schema;
using Facilities.Reports.Results;
using Spectre.Console;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities teachers &lt;dataset&gt; --year y --out file</c>: teacher shortfall per ward, level and school.</summary>
internal static class TeachersCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = CliOptions.Dataset();
        var year = CliOptions.Year();
        var norms = CliOptions.Norms();
        var publicOnly = new Option<bool>("--public-only") { Description = "Chỉ trường công lập / public schools only" };
        var method = new Option<string>("--method") { Description = "admin (lớp theo xã/phường) | catchment (lớp theo học sinh phân về trường, E2SFCA)", DefaultValueFactory = _ => "admin" };
        method.AcceptOnlyFromAmong("admin", "catchment");
        var capacityLimited = new Option<bool>("--capacity-limited") { Description = "catchment: không trường nào nhận quá sức chứa / no school beyond its capacity" };
        var grid = new Option<double>("--grid-m") { Description = "catchment: khoảng cách lưới điểm cầu (m) / demand grid spacing in metres", DefaultValueFactory = _ => 250 };
        var output = new Option<FileInfo>("--out") { Description = "Tệp kết quả / output: .csv (+ .schools.csv, .stamp.json), .xlsx, .gpkg", Required = true };
        var cmd = new Command("teachers", "Thiếu giáo viên theo xã/phường, cấp học và trường (\"có học sinh là có giáo viên\").\nTeacher shortfall per ward, level and school.")
        {
            dataset, year, norms, publicOnly, method, capacityLimited, grid, output,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(dataset)!;
            using var target = ResultTarget.For(u, path, r.GetValue(output)!, r.GetValue<string>(CliOutput.FormatName));
            var (outPath, ext) = (target.Path, target.Extension);

            var options = new DeficitOptions(r.GetValue(year)) { PublicOnly = r.GetValue(publicOnly), Method = r.GetValue(method)! };
            var catchmentOptions = CommandSupport.Catchment(u, r.GetValue(capacityLimited), r.GetValue(grid));
            var d = CommandSupport.Context(path, r.GetValue(norms));
            var run = options.Method == "catchment"
                ? u.WithProgress(u.T("Vùng phục vụ", "Catchment"), _ => TeachersComputation.Run(d, options, catchmentOptions))
                : TeachersComputation.Run(d, options, catchmentOptions);
            CommandSupport.Warn(u, run.Warnings);
            var (wards, stamp) = (run.Result.Wards, run.Stamp);
            var (wardTable, schoolTable) = (TeachersTables.Wards(d, run), TeachersTables.Schools(d, run));
            switch (ext)
            {
                case ".csv":
                    ResultCsvWriter.WriteWithStamp(wardTable, outPath);
                    ResultCsvWriter.Write(schoolTable, Path.ChangeExtension(outPath, ".schools.csv"));
                    break;
                case ".xlsx":
                    TeachersXlsxWriter.Write(wardTable, schoolTable, wards, options.Year, d.Norms, outPath);
                    break;
                default:
                    TeachersGeoPackageWriter.Write(wardTable, outPath);
                    break;
            }

            var t = new Table().Border(TableBorder.Ascii2)
                .AddColumn(u.T("Cấp học", "Level"))
                .AddColumn(new TableColumn(u.T("GV cần", "Needed")).RightAligned())
                .AddColumn(new TableColumn(u.T("GV có (đã báo)", "Reported")).RightAligned())
                .AddColumn(new TableColumn(u.T("Thiếu (xã/phường đủ số liệu)", "Short (wards with full data)")).RightAligned())
                .AddColumn(new TableColumn(u.T("Xã/phường chưa rõ", "Wards unknown")).RightAligned())
                .AddColumn(new TableColumn(u.T("Xã/phường không có dữ liệu trường", "Wards without school data")).RightAligned());
            foreach (var level in DatasetSchema.Levels)
            {
                var rows = wards.Where(w => w.Level == level).ToList();
                t.AddRow(Labels.Level.Label(level, u.Language), u.People(rows.Sum(w => w.TeachersNeeded ?? 0)), u.People(rows.Sum(w => w.TeachersAvailable ?? 0)),
                    u.People(rows.Where(w => w.Shortfall is long).Sum(w => Math.Max(0, w.Shortfall!.Value))), u.Count(rows.Count(w => w.Shortfall is null)),
                    u.Count(rows.Count(w => w.SchoolsInData == 0)));
            }

            var methodLabel = Labels.Method.Label(options.Method, u.Language).ToLower(CultureInfo.InvariantCulture);
            u.Out.WriteLine(u.T($"Giáo viên năm {options.Year} ({methodLabel}):", $"Teachers in {options.Year} ({methodLabel}):"));
            u.OutConsole.Write(t);
            target.Data = wardTable;
            CliResult.Finish(u, "teachers", stamp, target, CliResult.Totals(DatasetSchema.Levels.Select(level =>
            {
                var rows = wards.Where(w => w.Level == level).ToList();
                return (level, (JsonNode?)new JsonObject
                {
                    ["teachers_needed"] = rows.Sum(w => w.TeachersNeeded ?? 0),
                    ["teachers_reported"] = rows.Sum(w => w.TeachersAvailable ?? 0),
                    ["teachers_short"] = rows.Where(w => w.Shortfall is long).Sum(w => Math.Max(0, w.Shortfall!.Value)),
                    ["wards_unknown"] = rows.Count(w => w.Shortfall is null),
                    ["wards_without_school_data"] = rows.Count(w => w.SchoolsInData == 0),
                });
            })), run.Warnings);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
