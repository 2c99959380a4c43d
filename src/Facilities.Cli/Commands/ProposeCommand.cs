using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Facilities.Application;
using Facilities.Application.Results;
using Facilities.Core.Optimisation;
using Facilities.Core.Presentation;
using Facilities.Core.Proposals;
using Facilities.Core.Schema;
using Facilities.Formats.Writers;
using Facilities.Optimisation.OrTools;
using Facilities.Render;
using Facilities.Reports.Results;
using Spectre.Console;

namespace Facilities.Cli.Commands;

/// <summary>
/// <c>facilities propose &lt;dataset&gt; --urban-area id|name --out file.gpkg --report file.html</c>: what an
/// urban-area project needs, and where its schools could go (docs/sites.md, "Proposals").
/// </summary>
internal static class ProposeCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = CliOptions.Dataset();
        var urbanArea = new Option<string>("--urban-area") { Description = "Mã hoặc tên dự án khu đô thị / urban-area project id or name", Required = true };
        var year = new Option<int?>("--year") { Description = "Năm tính toán (mặc định: năm hoàn thành dự án) / year (default: the project's completion year)" };
        var levels = new Option<string>("--levels") { Description = "Các cấp học, cách nhau bởi dấu phẩy / levels, comma-separated", DefaultValueFactory = _ => string.Join(",", DatasetSchema.Levels) };
        var model = new Option<string>("--model") { Description = "Mô hình cho đề xuất / model of the proposal: covering (phủ tối đa) | median (p-trung vị)", DefaultValueFactory = _ => "covering" };
        model.AcceptOnlyFromAmong("covering", "median");
        var solverName = new Option<string>("--solver") { Description = "Bộ giải / solver: cbc | scip | greedy (chỉ tham lam / greedy only)", DefaultValueFactory = _ => "cbc" };
        solverName.AcceptOnlyFromAmong("cbc", "scip", "greedy");
        var timeLimit = new Option<double>("--time-limit") { Description = "Giới hạn thời gian mỗi mô hình, giây / time limit per model, seconds", DefaultValueFactory = _ => 60 };
        var gap = new Option<double>("--gap") { Description = "Khoảng cách tối ưu chấp nhận / relative gap to stop at (0: prove the optimum)", DefaultValueFactory = _ => 0 };
        var gridM = new Option<double>("--grid-m") { Description = "Khoảng cách lưới nhu cầu, m / demand grid spacing, m", DefaultValueFactory = _ => 250 };
        var norms = CliOptions.Norms();
        var twoSessions = new Option<bool>("--two-sessions") { Description = "Học 2 buổi/ngày: 1 phòng/lớp / one room per class" };
        var publicOnly = new Option<bool>("--public-only") { Description = "Chỉ tính trường công lập / public schools only" };
        var allowResidential = new Option<bool>("--allow-residential") { Description = "Cho phép đất ở (ODT, ONT) / also accept residential plots" };
        var sequentialOnly = new Option<bool>("--sequential") { Description = "Đề xuất theo lời giải tuần tự từng cấp (lời giải chung vẫn được so sánh) / propose the level-by-level solution (the joint one is still compared)" };
        var noCombined = new Option<bool>("--no-combined") { Description = "Không xét trường nhiều cấp học (liên cấp) / no combined schools in the joint model" };
        var unservedOnly = new Option<bool>("--unserved-only") { Description = "Chỉ tính học sinh mà trường hiện có không còn chỗ / weigh demand by the pupils existing schools have no room for" };
        var output = new Option<FileInfo>("--out") { Description = "GeoPackage kết quả / output GeoPackage (.gpkg): proposed_sites, catchments", Required = true };
        var report = new Option<FileInfo>("--report") { Description = "Hồ sơ HTML / HTML dossier (.html)", Required = true };
        var cmd = new Command("propose", "Đề xuất số trường và địa điểm cho dự án khu đô thị mới (phủ tối đa, p-trung vị; OR-Tools).\nPropose how many schools an urban-area project needs and where (maximal covering, p-median; OR-Tools).")
        {
            dataset, urbanArea, year, levels, model, solverName, timeLimit, gap, gridM, norms, twoSessions, publicOnly, allowResidential, unservedOnly, sequentialOnly, noCombined, output, report,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(dataset)!;
            using var target = ResultTarget.For(u, path, r.GetValue(output)!, r.GetValue<string>(CliOutput.FormatName));
            if (target.ToStdout && target.Extension != ".gpkg")
            {
                throw new ArgumentException(u.T("propose ra stdout chỉ có --format geojson.", "propose to stdout takes only --format geojson."));
            }

            var outPath = target.Path;
            var reportPath = r.GetValue(report)!.FullName;
            CheckPaths(u, path, outPath, reportPath);
            var levelList = ParseLevels(u, r.GetValue(levels)!);
            if (r.GetValue(timeLimit) is not (> 0 and <= 86_400) || r.GetValue(gap) is not (>= 0 and < 1) || r.GetValue(gridM) is not (>= 10 and <= 5000))
            {
                throw new ArgumentException(u.T("--time-limit phải trong (0, 86400] giây, --gap trong [0, 1), --grid-m trong [10, 5000] m.",
                    "--time-limit must be in (0, 86400] s, --gap in [0, 1), --grid-m in [10, 5000] m."));
            }

            var d = CommandSupport.Context(path, r.GetValue(norms));
            var key = r.GetValue(urbanArea)!;
            var area = ProposalComputation.FindArea(d, key, out var ambiguous);
            if (area is null)
            {
                var known = ProposalComputation.Areas(d).Select(g => $"{g.Id} ({g.Name})").ToList();
                var listed = ambiguous.Count > 0 ? string.Join("; ", ambiguous.Select(g => $"{g.Id} ({g.Name})")) : known.Count == 0 ? "—" : string.Join("; ", known);
                u.Errors.WriteLine(u.T(
                    ambiguous.Count > 0
                        ? $"lỗi: {d.Store.Name}, lớp urban_areas: tên '{key}' trùng nhiều dự án; hãy dùng mã: {listed}"
                        : $"lỗi: {d.Store.Name}, lớp urban_areas: không có dự án khu đô thị có mã hoặc tên '{key}'. Các dự án: {listed}",
                    ambiguous.Count > 0
                        ? $"error: {d.Store.Name}, layer urban_areas: the name '{key}' matches several projects; use the id: {listed}"
                        : $"error: {d.Store.Name}, layer urban_areas: no urban-area project has the id or name '{key}'. Projects: {listed}"));
                return ExitCodes.DataErrors;
            }

            var options = new ProposalOptions(r.GetValue(year) ?? area.CompletionYear ?? area.StartYear ?? DateTime.Now.Year)
            {
                Levels = levelList,
                Model = r.GetValue(model) == "median" ? SitingModel.PMedian : SitingModel.MaximalCovering,
                TwoSessions = r.GetValue(twoSessions),
                PublicOnly = r.GetValue(publicOnly),
                AllowResidential = r.GetValue(allowResidential),
                UnservedOnly = r.GetValue(unservedOnly),
                Joint = !r.GetValue(sequentialOnly),
                AllowCombined = !r.GetValue(noCombined),
                GridSpacingMetres = r.GetValue(gridM),
                Limits = new SolverLimits { TimeLimit = TimeSpan.FromSeconds(r.GetValue(timeLimit)), RelativeGap = r.GetValue(gap) },
            };
            var solver = r.GetValue(solverName) switch
            {
                "greedy" => (OrToolsSitingSolver?)null,
                "scip" => new OrToolsSitingSolver("SCIP"),
                _ => new OrToolsSitingSolver("CBC"),
            };
            var run = u.WithProgress(u.T("đề xuất", "proposing"), progress => ProposalComputation.Run(d, area, options, solver, progress));
            CommandSupport.Warn(u, run.Warnings);
            var (result, stamp, city) = (run.Result, run.Stamp, d.City);
            var map = ProposalMap.From(result, city, Labels.Level.Vi,
                $"Dấu kiểm / stamp {stamp.Id} · {stamp.DatasetFile} · định mức / norms {stamp.NormsVersion} · {stamp.Tool}");
            var png = ProposalMapRenderer.RenderPng(map);
            // Both files or neither: the dossier is written to its temporary file first, the GeoPackage (itself
            // atomic) inside that write, and only then is the dossier renamed into place. A report path that cannot be
            // written fails before the GeoPackage exists.
            var html = ProposalReport.Build(result, stamp, png);
            var tables = ProposalTables.Of(d, run);
            AtomicFile.Write(reportPath, temp =>
            {
                File.WriteAllText(temp, html, new UTF8Encoding(false));
                ProposalWriter.WriteGeoPackage(tables.Sites, tables.Catchments, tables.Needs, tables.Runs, result.Needs.Area.Id, result.Needs.ReservedM2, outPath);
            });
            Print(u, result);
            u.Out.WriteLine(u.T($"Đã ghi hồ sơ {reportPath}.", $"Wrote the dossier {reportPath}."));
            CliResult.Finish(u, "propose", stamp, target, Totals(result, reportPath), run.Warnings);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void CheckPaths(Ui u, string dataset, string outPath, string reportPath)
    {
        if (!string.Equals(Path.GetExtension(outPath), ".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(u.T("--out phải là tệp .gpkg.", "--out must be a .gpkg file."));
        }

        if (Path.GetExtension(reportPath).ToLowerInvariant() is not (".html" or ".htm"))
        {
            throw new ArgumentException(u.T("--report phải là tệp .html.", "--report must be an .html file."));
        }

        CommandSupport.CheckOutput(u, dataset, outPath);
        CommandSupport.CheckOutput(u, dataset, reportPath);
    }

    private static List<string> ParseLevels(Ui u, string text)
    {
        var list = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var bad = list.Where(l => !DatasetSchema.Levels.Contains(l)).ToList();
        if (list.Count == 0 || bad.Count > 0)
        {
            throw new ArgumentException(u.T($"--levels: cấp học không hợp lệ '{string.Join(",", bad)}'; các cấp: {string.Join(", ", DatasetSchema.Levels)}",
                $"--levels: unknown level '{string.Join(",", bad)}'; levels are {string.Join(", ", DatasetSchema.Levels)}"));
        }

        // Schema order, so the parcel given to one level first does not depend on how the option was typed.
        return [.. DatasetSchema.Levels.Where(list.Contains)];
    }

    private static void Print(Ui u, ProposalResult result)
    {
        var n = result.Needs;
        u.Out.WriteLine(u.T(
            $"Dự án {n.Area.Id} ({n.Area.Name}), năm {n.Year}: {u.People((double)n.Residents)} dân; đất cần {u.Count(n.LandM2)} m², dành {(n.ReservedM2 is decimal r ? u.Count(r) + " m²" : "không rõ")}.",
            $"Project {n.Area.Id} ({n.Area.Name}), {n.Year}: {u.People((double)n.Residents)} residents; land needed {u.Count(n.LandM2)} m², reserved {(n.ReservedM2 is decimal r2 ? u.Count(r2) + " m²" : "unknown")}."));
        var table = new Table().Border(TableBorder.Ascii2)
            .AddColumn(u.T("Cấp", "Level"))
            .AddColumn(new TableColumn(u.T("Học sinh", "Pupils")).RightAligned())
            .AddColumn(new TableColumn(u.T("Lớp", "Classes")).RightAligned())
            .AddColumn(new TableColumn(u.T("Phòng", "Rooms")).RightAligned())
            .AddColumn(new TableColumn(u.T("Trường", "Schools")).RightAligned())
            .AddColumn(new TableColumn(u.T("Đất m²", "Land m²")).RightAligned())
            .AddColumn(new TableColumn(u.T("Ứng viên", "Candidates")).RightAligned())
            .AddColumn(u.T("Địa điểm chọn", "Sites chosen"))
            .AddColumn(u.T("Lời giải", "Solution"));
        foreach (var l in result.Levels)
        {
            var used = l.Used;
            var solution = used is null ? "—" :
                $"{used.Method} {SolveStatusText.Of(used.Status)}{(double.IsNaN(used.Gap) ? "" : $" gap {u.Percent(used.Gap, 2)}")}{(l.UsedFallback ? " (fallback)" : "")}";
            table.AddRow(Markup.Escape(Labels.Level.Label(l.Level, u.Language)), u.People(l.Needs.Pupils), u.Count(l.Needs.Classes), u.Count(l.Needs.Classrooms), u.Count(l.Needs.Schools),
                u.Count(l.Needs.LandM2), u.Count(l.Candidates.Count), Markup.Escape(string.Join(", ", l.Sites.Select(s => s.Site.Id))), Markup.Escape(solution));
        }

        u.OutConsole.Write(table);
        PrintComparison(u, result);
        foreach (var l in result.Levels)
        {
            foreach (var note in l.Notes)
            {
                u.Err.WriteLine(u.T("lưu ý", "note") + $" ({Labels.Level.Label(l.Level, u.Language)}): " + u.T(note.Vi, note.En));
            }
        }
    }

    // The joint and the sequential solution side by side, then which is better and by how much (docs/sites.md, "Joint model").
    private static void PrintComparison(Ui u, ProposalResult result)
    {
        if (result.Comparison is not var (joint, sequential) || JointVerdict.Of(result) is not { } verdict)
        {
            return;
        }

        var run = result.JointUsed!;
        u.Out.WriteLine(u.T(
            $"Giải chung các cấp ({run.Method}, {SolveStatusText.Of(run.Status)}{Gap(u, run.Gap)}) so với giải tuần tự từng cấp:",
            $"Levels solved jointly ({run.Method}, {SolveStatusText.Of(run.Status)}{Gap(u, run.Gap)}) against one after another:"));
        var table = new Table().Border(TableBorder.Ascii2)
            .AddColumn(u.T("Cấp", "Level"))
            .AddColumn(new TableColumn(u.T("Trường cần", "Schools needed")).RightAligned())
            .AddColumn(new TableColumn(u.T("Chung: trường", "Joint: sites")).RightAligned())
            .AddColumn(new TableColumn(u.T("Chung: HS phục vụ", "Joint: pupils covered")).RightAligned())
            .AddColumn(new TableColumn(u.T("Chung: đất m²", "Joint: land m²")).RightAligned())
            .AddColumn(new TableColumn(u.T("Tuần tự: trường", "Sequential: sites")).RightAligned())
            .AddColumn(new TableColumn(u.T("Tuần tự: HS phục vụ", "Sequential: pupils covered")).RightAligned())
            .AddColumn(new TableColumn(u.T("Tuần tự: đất m²", "Sequential: land m²")).RightAligned());
        for (var i = 0; i < joint.Levels.Count; i++)
        {
            var (j, q) = (joint.Levels[i], sequential.Levels[i]);
            table.AddRow(Markup.Escape(Labels.Level.Label(j.Level, u.Language)), u.Count(j.SchoolsNeeded), u.Count(j.SitesPlaced), u.People(j.CoveredPupils),
                u.Measure(j.LandM2, 0), u.Count(q.SitesPlaced), u.People(q.CoveredPupils), u.Measure(q.LandM2, 0));
        }

        table.AddRow(u.T("Tổng", "Total"), u.Count(joint.Levels.Sum(l => l.SchoolsNeeded)), u.Count(joint.SitesPlaced), u.People(joint.CoveredPupils),
            u.Measure(joint.LandUsedM2, 0), u.Count(sequential.SitesPlaced), u.People(sequential.CoveredPupils), u.Measure(sequential.LandUsedM2, 0));
        u.OutConsole.Write(table);
        u.Out.WriteLine(u.T(verdict.Vi, verdict.En));
    }

    private static string Gap(Ui u, double gap) => double.IsNaN(gap) ? "" : $", gap {u.Percent(gap, 2)}";

    /// <summary>The --json totals: the project's needs and, per level, what was proposed (as the printed table).</summary>
    private static JsonObject Totals(ProposalResult result, string reportPath) => CliResult.Totals(
        result.Levels.Select(l => (l.Level, (JsonNode?)new JsonObject
        {
            ["pupils"] = l.Needs.Pupils,
            ["classes"] = l.Needs.Classes,
            ["rooms"] = l.Needs.Classrooms,
            ["schools"] = l.Needs.Schools,
            ["land_m2"] = l.Needs.LandM2,
            ["candidates"] = l.Candidates.Count,
            ["sites_chosen"] = new JsonArray([.. l.Sites.Select(s => JsonValue.Create(s.Site.Id))]),
            ["solution"] = l.Used is null ? null : SolveStatusText.Of(l.Used.Status),
        })).Prepend(("urban_area", (JsonNode?)result.Needs.Area.Id)).Prepend(("year", (JsonNode?)result.Needs.Year)).Append(("report", (JsonNode?)reportPath)));
}
