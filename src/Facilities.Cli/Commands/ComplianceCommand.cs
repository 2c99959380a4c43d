using System.CommandLine;
using System.Text.Json.Nodes;
using Facilities.Application;
using Facilities.Application.Results;
using Facilities.Core.Compliance;
using Facilities.Core.Presentation;
using Facilities.Reports.Results;
using Spectre.Console;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities compliance &lt;dataset&gt; --out file</c>: every school against the facility norms.</summary>
internal static class ComplianceCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = CliOptions.Dataset();
        var norms = CliOptions.Norms();
        var twoSessions = new Option<bool>("--two-sessions") { Description = "Học 2 buổi/ngày / two sessions a day" };
        var output = new Option<FileInfo>("--out") { Description = "Tệp kết quả / output: .csv (+ .wards.csv, .stamp.json), .xlsx, .gpkg", Required = true };
        var cmd = new Command("compliance", "Kiểm tra từng trường theo chuẩn cơ sở vật chất (TT 13/2020): đạt, không đạt, chưa rõ.\nCheck every school against the facility norms: pass, fail or unknown.")
        {
            dataset, norms, twoSessions, output,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(dataset)!;
            using var target = ResultTarget.For(u, path, r.GetValue(output)!, r.GetValue<string>(CliOutput.FormatName));
            var (outPath, ext) = (target.Path, target.Extension);

            var d = CommandSupport.Context(path, r.GetValue(norms));
            var run = ComplianceComputation.Run(d, r.GetValue(twoSessions));
            CommandSupport.Warn(u, run.Warnings);
            var (rows, stamp) = (run.Result, run.Stamp);
            var (schoolTable, wardTable) = (ComplianceTables.Schools(d, run), ComplianceTables.Wards(d, run));
            switch (ext)
            {
                case ".csv":
                    ResultCsvWriter.WriteWithStamp(schoolTable, outPath);
                    ResultCsvWriter.Write(wardTable, Path.ChangeExtension(outPath, ".wards.csv"));
                    break;
                case ".xlsx":
                    ComplianceXlsxWriter.Write(schoolTable, wardTable, rows, d.Norms, outPath);
                    break;
                default:
                    ComplianceGeoPackageWriter.Write(schoolTable, outPath);
                    break;
            }

            var t = new Table().Border(TableBorder.Ascii2)
                .AddColumn(u.T("Tiêu chí", "Check"))
                .AddColumn(new TableColumn(u.T("Đạt", "Pass")).RightAligned())
                .AddColumn(new TableColumn(u.T("Không đạt", "Fail")).RightAligned())
                .AddColumn(new TableColumn(u.T("Chưa rõ", "Unknown")).RightAligned())
                .AddColumn(new TableColumn(u.T("Không áp dụng", "N/A")).RightAligned());
            foreach (var name in ComplianceChecker.CheckNames)
            {
                var s = rows.Select(x => x[name].Status).ToList();
                t.AddRow(Markup.Escape(Labels.Check.Label(name, u.Language)), u.Count(s.Count(x => x == CheckStatus.Pass)), u.Count(s.Count(x => x == CheckStatus.Fail)),
                    u.Count(s.Count(x => x == CheckStatus.Unknown)), u.Count(s.Count(x => x == CheckStatus.NotApplicable)));
            }

            u.Out.WriteLine(u.T($"Kiểm tra {u.Count(rows.Count)} trường (theo cấp học):", $"Checked {u.Count(rows.Count)} school rows (one per level):"));
            u.OutConsole.Write(t);
            target.Data = schoolTable;
            CliResult.Finish(u, "compliance", stamp, target, CliResult.Totals(ComplianceChecker.CheckNames.Select(name =>
            {
                var s = rows.Select(x => x[name].Status).ToList();
                return (name, (JsonNode?)new JsonObject
                {
                    ["pass"] = s.Count(x => x == CheckStatus.Pass),
                    ["fail"] = s.Count(x => x == CheckStatus.Fail),
                    ["unknown"] = s.Count(x => x == CheckStatus.Unknown),
                    ["not_applicable"] = s.Count(x => x == CheckStatus.NotApplicable),
                });
            }).Prepend(("school_rows", (JsonNode?)rows.Count))), run.Warnings);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
