using System.CommandLine;
using System.Globalization;
using System.Text;
using Facilities.Application;
using Facilities.Core.Optimisation;
using Facilities.Core.Programme;
using Facilities.Core.Schema;
using Facilities.Core.Tracker;
using Facilities.Formats.Readers;
using Facilities.Formats.Writers;
using Facilities.Optimisation.OrTools;
using Facilities.Reports.Results;
using Facilities.Storage.PostGis;
using Facilities.Storage.PostGis.Datasets;
using Facilities.Storage.Sqlite.Tracker;

namespace Facilities.Cli.Commands;

/// <summary>
/// <c>facilities programme DATASET --from 2026 --to 2030 --budget budget.csv --out programme.xlsx</c>: which schools to
/// build or extend, where and in which year, within the budget (docs/programme.md).
/// </summary>
internal static class ProgrammeCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = CliOptions.Dataset();
        var from = new Option<int>("--from") { Description = "Năm đầu kỳ kế hoạch / first year", Required = true };
        var to = new Option<int>("--to") { Description = "Năm cuối kỳ kế hoạch / last year", Required = true };
        var budget = new Option<FileInfo>("--budget") { Description = "CSV ngân sách theo năm (year,budget_vnd) / budget per year", Required = true };
        var carryOver = new Option<bool>("--carry-over") { Description = "Vốn chưa dùng được chuyển năm sau / unspent money carries over" };
        var costs = new Option<FileInfo?>("--costs") { Description = "JSON suất đầu tư (khoá cost.*) / unit costs file (cost.* keys)" };
        var equity = new Option<string?>("--equity") { Description = "Tỉ lệ tối đa của một phường trong số HS thiếu chỗ, vd 0.10@2030 / largest ward share of unmet need by a year" };
        var levels = new Option<string>("--levels") { Description = "Các cấp học / levels, comma-separated", DefaultValueFactory = _ => string.Join(",", DatasetSchema.Levels) };
        var weights = new Option<string?>("--weights") { Description = "Trọng số theo cấp, vd mam_non=1.5,thpt=1 / pupil-year weight by level" };
        var method = new Option<string>("--method") { Description = "Cách tính nhu cầu / need method: admin (theo phường / per ward) | catchment (vùng phục vụ / within the service radius)", DefaultValueFactory = _ => "admin" };
        method.AcceptOnlyFromAmong("admin", "catchment");
        var scenarios = new Option<string[]>("--scenario") { Description = "Kịch bản so sánh / scenarios: budget-20%, budget+20%, growth-high, growth-low", AllowMultipleArgumentsPerToken = true };
        var solverName = new Option<string>("--solver") { Description = "Bộ giải / solver: scip | cbc | greedy", DefaultValueFactory = _ => "scip" };
        solverName.AcceptOnlyFromAmong("scip", "cbc", "greedy");
        var timeLimit = new Option<double>("--time-limit") { Description = "Giới hạn thời gian mỗi kịch bản, giây / time limit per scenario, s", DefaultValueFactory = _ => 60 };
        var gap = new Option<double>("--gap") { Description = "Khoảng cách tối ưu chấp nhận / relative gap", DefaultValueFactory = _ => 0.01 };
        var sites = new Option<int>("--sites-per-level") { Description = "Số địa điểm sàng lọc mỗi cấp / screened sites per level", DefaultValueFactory = _ => 30 };
        var asOf = new Option<string?>("--as-of") { Description = "Ngày tính thủ tục đất (yyyy-MM-dd, mặc định hôm nay) / day land readiness counts from" };
        var norms = CliOptions.Norms();
        var twoSessions = new Option<bool>("--two-sessions") { Description = "Học 2 buổi/ngày / two sessions a day" };
        var output = new Option<FileInfo>("--out") { Description = "Danh mục dự án (.xlsx) / investment plan list", Required = true };
        var report = new Option<FileInfo?>("--report") { Description = "Hồ sơ HTML / HTML dossier" };
        var gpkg = new Option<FileInfo?>("--gpkg") { Description = "GeoPackage dự án / projects GeoPackage" };
        var cmd = new Command("programme", "Chương trình đầu tư trường học nhiều năm trong giới hạn ngân sách (MIP, OR-Tools).\nThe multi-year school build programme within the budget (MIP, OR-Tools).")
        {
            dataset, from, to, budget, carryOver, costs, equity, levels, weights, method, scenarios, solverName, timeLimit, gap, sites, asOf, norms, twoSessions, output, report, gpkg,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(dataset)!;
            var outPath = r.GetValue(output)!.FullName;
            var reportPath = r.GetValue(report)?.FullName;
            var gpkgPath = r.GetValue(gpkg)?.FullName;
            Check(u, path, outPath, reportPath, gpkgPath);
            var (first, last) = (r.GetValue(from), r.GetValue(to));
            if (first < 2000 || last < first || last - first > 15)
            {
                throw new ArgumentException(u.T("--from/--to: kỳ kế hoạch 1–16 năm, --from ≤ --to.", "--from/--to: a plan of 1–16 years, --from ≤ --to."));
            }
            if (r.GetValue(timeLimit) is not (> 0 and <= 86_400) || r.GetValue(gap) is not (>= 0 and < 1) || r.GetValue(sites) is not (>= 0 and <= 1000))
            {
                throw new ArgumentException(u.T("--time-limit trong (0, 86400] giây, --gap trong [0, 1), --sites-per-level trong [0, 1000].",
                    "--time-limit must be in (0, 86400] s, --gap in [0, 1), --sites-per-level in [0, 1000]."));
            }
            var unknown = (r.GetValue(scenarios) ?? []).Where(s => !ProgrammeOptions.KnownScenarios.Contains(s)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException(u.T($"--scenario: không biết '{string.Join(",", unknown)}'; các kịch bản: {string.Join(", ", ProgrammeOptions.KnownScenarios)}",
                    $"--scenario: unknown '{string.Join(",", unknown)}'; scenarios are {string.Join(", ", ProgrammeOptions.KnownScenarios)}"));
            }
            var normsSet = CommandSupport.LoadNorms(r.GetValue(norms));
            if (r.GetValue(costs) is { } costsFile)
            {
                normsSet = ProgrammeComputation.WithCosts(normsSet, costsFile.FullName);
            }
            var d = new DatasetContext(new Facilities.Storage.Sqlite.Datasets.GeoPackageStore(path), normsSet);
            var options = new ProgrammeOptions(first, last, BudgetCsvReader.Read(r.GetValue(budget)!.FullName, r.GetValue(carryOver)))
            {
                Method = r.GetValue(method)!,
                Levels = Levels(u, r.GetValue(levels)!),
                Equity = Equity(u, r.GetValue(equity)),
                LevelWeights = Weights(u, r.GetValue(weights)),
                TwoSessions = r.GetValue(twoSessions),
                SitesPerLevel = r.GetValue(sites),
                AsOf = AsOf(u, r.GetValue(asOf)),
                Scenarios = [.. (r.GetValue(scenarios) ?? []).Distinct()],
                Limits = new SolverLimits { TimeLimit = TimeSpan.FromSeconds(r.GetValue(timeLimit)), RelativeGap = r.GetValue(gap) },
            };
            if (ProgrammeComputation.Refusal(options) is { } refused)
            {
                throw new ArgumentException(u.T(refused.Vi, refused.En));
            }
            IProgrammeSolver? solver = r.GetValue(solverName) switch
            {
                "greedy" => null,
                "cbc" => new OrToolsProgrammeSolver("CBC"),
                _ => new OrToolsProgrammeSolver("SCIP"),
            };
            var cases = Cases(path);
            var run = u.WithProgress(u.T("lập chương trình", "planning"), progress => ProgrammeComputation.Run(d, options, solver, cases, progress));
            CommandSupport.Warn(u, run.Warnings);
            var (result, stamp) = (run.Result, run.Stamp);
            // All files or none: each is written to a temporary file inside the next one's atomic write.
            AtomicFile.Write(outPath, temp =>
            {
                if (reportPath is not null)
                {
                    var html = ProgrammeReport.Build(result, stamp, run.Warnings, [.. d.City.Wards.Select(w => w.Area)]);
                    AtomicFile.Write(reportPath, t => File.WriteAllText(t, html, new UTF8Encoding(false)));
                }
                if (gpkgPath is not null)
                {
                    ProgrammeGeoPackageWriter.Write(result, stamp, d.City.MetricCrs, gpkgPath);
                }
                ProgrammeWorkbook.Write(result, stamp, d.Norms, temp);
            });
            Print(u, result);
            CliResult.Wrote(u, stamp, outPath);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static IReadOnlyList<StoredCase> Cases(string dataset)
    {
        // A dataset in PostgreSQL keeps its tracker in the same database (as `serve` does).
        if (DatasetLocation.IsDatabase(dataset))
        {
            using var pg = PostgresCaseStore.Open(PostGisLocation.Parse(dataset).ConnectionString);
            return pg.ListCasesAsync().GetAwaiter().GetResult();
        }

        var trackerPath = SqliteCaseStore.PathFor(dataset);
        if (!File.Exists(trackerPath))
        {
            return [];
        }
        using var store = SqliteCaseStore.Open(trackerPath);
        return store.ListCasesAsync().GetAwaiter().GetResult();
    }

    private static void Check(Ui u, string dataset, string outPath, string? reportPath, string? gpkgPath)
    {
        if (!string.Equals(Path.GetExtension(outPath), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(u.T("--out phải là tệp .xlsx.", "--out must be an .xlsx file."));
        }
        if (reportPath is not null && Path.GetExtension(reportPath).ToLowerInvariant() is not (".html" or ".htm"))
        {
            throw new ArgumentException(u.T("--report phải là tệp .html.", "--report must be an .html file."));
        }
        if (gpkgPath is not null && !string.Equals(Path.GetExtension(gpkgPath), ".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(u.T("--gpkg phải là tệp .gpkg.", "--gpkg must be a .gpkg file."));
        }
        foreach (var p in new[] { outPath, reportPath, gpkgPath }.OfType<string>())
        {
            CommandSupport.CheckOutput(u, dataset, p);
        }
    }

    private static List<string> Levels(Ui u, string text)
    {
        var list = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var bad = list.Where(l => !DatasetSchema.Levels.Contains(l)).ToList();
        if (list.Count == 0 || bad.Count > 0)
        {
            throw new ArgumentException(u.T($"--levels: cấp học không hợp lệ '{string.Join(",", bad)}'; các cấp: {string.Join(", ", DatasetSchema.Levels)}",
                $"--levels: unknown level '{string.Join(",", bad)}'; levels are {string.Join(", ", DatasetSchema.Levels)}"));
        }
        return [.. DatasetSchema.Levels.Where(list.Contains)];
    }

    private static EquityRule? Equity(Ui u, string? text)
    {
        if (text is null)
        {
            return null;
        }
        var parts = text.Split('@');
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is > 0 and <= 1
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new EquityRule(share, year);
        }
        throw new ArgumentException(u.T($"--equity: '{text}' không hợp lệ; dạng TỈLỆ@NĂM, vd 0.10@2030", $"--equity: invalid '{text}'; use SHARE@YEAR, e.g. 0.10@2030"));
    }

    private static Dictionary<string, double> Weights(Ui u, string? text)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = pair.Split('=');
            if (kv.Length != 2 || !DatasetSchema.Levels.Contains(kv[0]) || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || w < 0)
            {
                throw new ArgumentException(u.T($"--weights: '{pair}' không hợp lệ; dạng cấp=trọng số, vd mam_non=1.5", $"--weights: invalid '{pair}'; use level=weight, e.g. mam_non=1.5"));
            }
            weights[kv[0]] = w;
        }
        return weights;
    }

    private static DateOnly AsOf(Ui u, string? text) =>
        text is null ? DateOnly.FromDateTime(DateTime.Today)
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ArgumentException(u.T($"--as-of: ngày '{text}' không hợp lệ (yyyy-MM-dd)", $"--as-of: invalid date '{text}' (yyyy-MM-dd)"));

    private static void Print(Ui u, ProgrammeResult result)
    {
        foreach (var s in result.Scenarios)
        {
            var projects = s.Projects();
            u.Out.WriteLine(u.T(
                $"[{s.Name}] {u.Count(projects.Count)} dự án, {u.Count(projects.Sum(p => p.Action.Classrooms))} phòng học, {Billions(u, projects.Sum(p => p.Action.CostVnd))} tỉ đồng; HS-năm thiếu chỗ {u.People(s.ChosenOutcome.BaselinePupilYears)} → {u.People(s.ChosenOutcome.PupilYears)} (tham lam {u.People(s.GreedyOutcome.PupilYears)}); {s.Chosen.Solver} {s.Chosen.Status}{(s.Chosen.Gap is double g ? $", gap {u.Percent(g, 2)}" : "")}.",
                $"[{s.Name}] {u.Count(projects.Count)} projects, {u.Count(projects.Sum(p => p.Action.Classrooms))} classrooms, {Billions(u, projects.Sum(p => p.Action.CostVnd))} billion VND; unmet pupil-years {u.People(s.ChosenOutcome.BaselinePupilYears)} → {u.People(s.ChosenOutcome.PupilYears)} (greedy {u.People(s.GreedyOutcome.PupilYears)}); {s.Chosen.Solver} {s.Chosen.Status}{(s.Chosen.Gap is double g2 ? $", gap {u.Percent(g2, 2)}" : "")}."));
        }
    }

    // Billions of VND with one decimal, as the planners' budgets are written (12,5 tỉ đồng).
    private static string Billions(Ui u, decimal vnd) => u.Number((double)(vnd / 1_000_000_000m), 1);
}
