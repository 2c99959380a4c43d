using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Facilities.Application;
using Facilities.Application.Results;
using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Presentation;
using Facilities.Core.Schema;
using Facilities.Reports.Results;
using Spectre.Console;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities deficit &lt;dataset&gt; --year y --out file</c>: classroom deficit per ward and level.</summary>
internal static class DeficitCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = CliOptions.Dataset();
        var year = CliOptions.Year();
        var level = new Option<string?>("--level") { Description = "Cấp học / level: mam_non | tieu_hoc | thcs | thpt (mặc định: cả bốn / all four)" };
        level.AcceptOnlyFromAmong([.. DatasetSchema.Levels]);
        var method = new Option<string>("--method") { Description = "admin (theo xã/phường, chính thức) | catchment (E2SFCA)", DefaultValueFactory = _ => "admin" };
        method.AcceptOnlyFromAmong("admin", "catchment");
        var capacityLimited = new Option<bool>("--capacity-limited") { Description = "catchment: không trường nào nhận quá sức chứa / no school beyond its capacity" };
        var grid = new Option<double>("--grid-m") { Description = "catchment: khoảng cách lưới điểm cầu (m) / demand grid spacing in metres", DefaultValueFactory = _ => 250 };
        var population = new Option<FileInfo?>("--population")
        {
            Description = "catchment: tệp điểm dân số (trường population) để đặt cầu theo nơi ở / population points (field population) to place demand where people live",
        };
        var norms = CliOptions.Norms();
        var twoSessions = new Option<bool>("--two-sessions") { Description = "Học 2 buổi/ngày: 1 phòng/lớp ở mọi cấp (CV 4555/BGDĐT-GDPT) / one room per class at every level" };
        var byAge = new Option<bool>("--preschool-by-age") { Description = "Mầm non: sĩ số theo độ tuổi 25/30/35 (TT 52/2020) / preschool caps by age group" };
        var publicOnly = new Option<bool>("--public-only") { Description = "Chỉ tính phòng học trường công lập / count public schools' rooms only" };
        var output = new Option<FileInfo>("--out") { Description = "Tệp kết quả / output: .csv (+ .stamp.json), .xlsx, .gpkg", Required = true };
        var cmd = new Command("deficit", "Thiếu phòng học theo xã/phường và cấp học, hiện tại và năm mục tiêu.\nClassroom deficit per ward and level, now and in a target year.")
        {
            dataset, year, level, method, capacityLimited, grid, population, norms, twoSessions, publicOnly, byAge, output,
        };
        cmd.SetAction(r =>
        {
            Facilities.Core.Diagnostics.PhaseTrace.Mark("start, command line parsed");
            var u = ui(r);
            var path = r.GetValue(dataset)!;
            using var target = ResultTarget.For(u, path, r.GetValue(output)!, r.GetValue<string>(CliOutput.FormatName));
            var (outPath, ext) = (target.Path, target.Extension);

            var options = new DeficitOptions(r.GetValue(year))
            {
                Levels = r.GetValue(level) is { } l ? [l] : DatasetSchema.Levels,
                TwoSessions = r.GetValue(twoSessions),
                PublicOnly = r.GetValue(publicOnly),
                PreschoolByAge = r.GetValue(byAge),
                Method = r.GetValue(method)!,
            };
            // As before the application layer: the admin method ignores --grid-m, so only the catchment method checks it.
            var catchmentOptions = options.Method == "catchment" ? CommandSupport.Catchment(u, r.GetValue(capacityLimited), r.GetValue(grid)) : new CatchmentOptions();
            var d = CommandSupport.Context(path, r.GetValue(norms));
            if (options.Method == "catchment" && r.GetValue(population) is { } points)
            {
                catchmentOptions = catchmentOptions with { Settlement = Settlement.FromPointsFile(d, points.FullName) };
            }

            Facilities.Core.Diagnostics.PhaseTrace.Mark("dataset opened");
            _ = d.City;
            Facilities.Core.Diagnostics.PhaseTrace.Mark("city model read");
            _ = d.ContentHash;
            Facilities.Core.Diagnostics.PhaseTrace.Mark("content hash");
            var run = options.Method == "catchment"
                ? u.WithProgress(u.T("Vùng phục vụ", "Catchment"), _ => DeficitComputation.Run(d, options, catchmentOptions))
                : DeficitComputation.Run(d, options, catchmentOptions);
            Facilities.Core.Diagnostics.PhaseTrace.Mark("computed and stamped");
            CommandSupport.Warn(u, run.Warnings);
            var stamp = run.Stamp;
            var wards = DeficitTables.Wards(d, run);
            Facilities.Core.Diagnostics.PhaseTrace.Mark("result table");
            if (run.Result.Catchment is { } catchment)
            {
                var schools = DeficitTables.Schools(d, run)!;
                switch (ext)
                {
                    case ".csv":
                        CatchmentWriter.WriteCsv(wards, schools, outPath);
                        break;
                    case ".xlsx":
                        CatchmentWriter.WriteXlsx(wards, schools, catchment, outPath);
                        break;
                    default:
                        CatchmentWriter.WriteGeoPackage(wards, schools, catchment.Options.Levels, outPath);
                        break;
                }

                PrintCatchment(u, catchment, run.Result.Calibration);
                target.Data = wards;
                CliResult.Finish(u, "deficit", stamp, target, CatchmentTotals(catchment), run.Warnings);
                return ExitCodes.Ok;
            }

            var result = run.Result.Admin;
            switch (ext)
            {
                case ".csv":
                    ResultCsvWriter.WriteWithStamp(wards, outPath);
                    break;
                case ".xlsx":
                    DeficitXlsxWriter.Write(wards, result, outPath);
                    break;
                default:
                    DeficitGeoPackageWriter.Write(wards, result.Options.Levels, outPath);
                    break;
            }

            Facilities.Core.Diagnostics.PhaseTrace.Mark("written");
            PrintTotals(u, result);
            target.Data = wards;
            CliResult.Finish(u, "deficit", stamp, target, AdminTotals(result), run.Warnings);
            Facilities.Core.Diagnostics.PhaseTrace.Mark("totals printed, finished");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The --json totals of the admin method: per level and for the city, as the printed table.</summary>
    private static JsonObject AdminTotals(DeficitResult result) => CliResult.Totals(result.TotalsByLevel().Append(result.CityTotal()).Select(x => (x.Level,
        (JsonNode?)new JsonObject
        {
            ["pupils"] = x.Pupils,
            ["classes_needed"] = x.ClassesNeeded,
            ["rooms_needed"] = x.RoomsNeeded,
            ["rooms_available"] = x.RoomsAvailable,
            ["rooms_to_build"] = x.Shortage,
            ["wards_short"] = x.WardsShort,
            ["subject_rooms_deficit"] = x.SubjectRoomsDeficit,
            ["wards_without_school_data"] = x.WardsWithoutSchoolData,
        })));

    /// <summary>The --json totals of the catchment method, per level, as the printed table.</summary>
    private static JsonObject CatchmentTotals(CatchmentResult result) => CliResult.Totals(result.Options.Levels.Select(level =>
    {
        var rows = result.Wards.Where(w => w.Level == level).ToList();
        return (level, (JsonNode?)new JsonObject
        {
            ["pupils"] = rows.Sum(w => w.Pupils),
            ["allocated"] = rows.Sum(w => w.Allocated),
            ["unserved"] = rows.Sum(w => w.Unserved),
            ["rooms_needed"] = rows.Sum(w => w.RoomsNeeded),
            ["schools_over_capacity"] = result.Schools.Count(s => s.Level == level && s.AllocatedRatio > 1 + 1e-9),
        });
    }));

    private static void PrintCatchment(Ui u, CatchmentResult result, IReadOnlyList<CalibrationSummary> calibration)
    {
        var t = new Table().Border(TableBorder.Ascii2)
            .AddColumn(u.T("Cấp học", "Level"))
            .AddColumn(new TableColumn(u.T("Học sinh", "Pupils")).RightAligned())
            .AddColumn(new TableColumn(u.T("Có chỗ", "Allocated")).RightAligned())
            .AddColumn(new TableColumn(u.T("Chưa có chỗ", "Unserved")).RightAligned())
            .AddColumn(new TableColumn(u.T("Trong bán kính", "Within reach")).RightAligned())
            .AddColumn(new TableColumn(u.T("Phòng cần", "Rooms needed")).RightAligned())
            .AddColumn(new TableColumn(u.T("Trường quá tải", "Schools over capacity")).RightAligned());
        foreach (var level in result.Options.Levels)
        {
            var rows = result.Wards.Where(w => w.Level == level).ToList();
            t.AddRow(Labels.Level.Label(level, u.Language), u.People(rows.Sum(w => w.Pupils)), u.People(rows.Sum(w => w.Allocated)), u.People(rows.Sum(w => w.Unserved)),
                u.Percent(result.WithinReachShare(level)),
                u.Count(rows.Sum(w => w.RoomsNeeded)), u.Count(result.Schools.Count(s => s.Level == level && s.AllocatedRatio > 1 + 1e-9)));
        }

        u.Out.WriteLine(u.T(
            $"Vùng phục vụ (E2SFCA) năm {result.Options.Year}: {u.Count(result.DemandPointCount)} điểm cầu; bảo toàn học sinh sai số {u.Measure(result.ConservationError, 6)}.",
            $"Catchment (E2SFCA) in {result.Options.Year}: {u.Count(result.DemandPointCount)} demand points; pupils conserved to {u.Measure(result.ConservationError, 6)}."));
        u.OutConsole.Write(t);
        // The calibration diagnostic (docs/deficit.md): with today's enrolment as demand, allocated ÷ enrolled per school.
        foreach (var c in calibration)
        {
            var level = Labels.Level.Label(c.Level, u.Language);
            u.Out.WriteLine(u.T(
                $"Hiệu chỉnh {level} (cầu = học sinh đang học): phân bổ ÷ đang học, trung vị {u.Number(c.Median, 2)}, P10 {u.Number(c.P10, 2)}, P90 {u.Number(c.P90, 2)} trên {u.Count(c.Schools)} trường; {u.Percent(c.WithinReachShare)} trong bán kính.",
                $"Calibration {level} (demand = enrolment): allocated ÷ enrolled, median {u.Number(c.Median, 2)}, P10 {u.Number(c.P10, 2)}, P90 {u.Number(c.P90, 2)} over {u.Count(c.Schools)} schools; {u.Percent(c.WithinReachShare)} within reach."));
        }
    }

    private static void PrintTotals(Ui u, DeficitResult result)
    {
        var t = new Table().Border(TableBorder.Ascii2)
            .AddColumn(u.T("Cấp học", "Level"))
            .AddColumn(new TableColumn(u.T("Học sinh", "Pupils")).RightAligned())
            .AddColumn(new TableColumn(u.T("Lớp cần", "Classes")).RightAligned())
            .AddColumn(new TableColumn(u.T("Phòng cần", "Rooms needed")).RightAligned())
            .AddColumn(new TableColumn(u.T("Phòng có", "Available")).RightAligned())
            .AddColumn(new TableColumn(u.T("Phải xây", "To build")).RightAligned())
            .AddColumn(new TableColumn(u.T("Xã/phường thiếu", "Wards short")).RightAligned())
            .AddColumn(new TableColumn(u.T("Thiếu P. bộ môn", "Subject rooms short")).RightAligned())
            .AddColumn(new TableColumn(u.T("Xã/phường không có dữ liệu trường", "Wards without school data")).RightAligned());
        foreach (var x in result.TotalsByLevel().Append(result.CityTotal()))
        {
            t.AddRow(x.Level == "all" ? u.T("Toàn thành phố", "City") : Labels.Level.Label(x.Level, u.Language), u.People(x.Pupils), u.Count(x.ClassesNeeded), u.Count(x.RoomsNeeded),
                u.Count(x.RoomsAvailable), u.Count(x.Shortage), u.Count(x.WardsShort), u.Count(x.SubjectRoomsDeficit), u.Count(x.WardsWithoutSchoolData));
        }

        var method = Labels.Method.Label(result.Options.Method, u.Language).ToLower(CultureInfo.InvariantCulture);
        u.Out.WriteLine(u.T($"Thiếu phòng học năm {result.Options.Year} ({method}):", $"Classroom deficit in {result.Options.Year} ({method}):"));
        u.OutConsole.Write(t);
    }
}
