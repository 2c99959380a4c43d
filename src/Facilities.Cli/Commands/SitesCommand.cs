using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Facilities.Application;
using Facilities.Application.Results;
using Facilities.Core.Presentation;
using Facilities.Core.Schema;
using Facilities.Core.Screening;
using Facilities.Formats;
using Facilities.Formats.Readers;
using Facilities.Reports.Results;
using Spectre.Console;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities sites &lt;dataset&gt; --level l --year y --out file</c>: parcels that could take a new school.</summary>
internal static class SitesCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = CliOptions.Dataset();
        var level = new Option<string>("--level") { Description = "Cấp học / level: mam_non | tieu_hoc | thcs | thpt", Required = true };
        level.AcceptOnlyFromAmong([.. DatasetSchema.Levels]);
        var year = CliOptions.Year();
        var top = new Option<int>("--top") { Description = "Số địa điểm tốt nhất giữ lại (0: tất cả) / best sites to keep (0: all)", DefaultValueFactory = _ => 100 };
        var norms = CliOptions.Norms();
        var weights = new Option<FileInfo?>("--weights") { Description = "Tệp trọng số điểm / score weights file (JSON, docs/sites.md)" };
        var allowResidential = new Option<bool>("--allow-residential") { Description = "Cho phép đất ở (ODT, ONT) / also accept residential plots" };
        var noMerge = new Option<bool>("--no-merge") { Description = "Không gộp các thửa nhà nước nhỏ liền kề / do not merge adjacent small state parcels" };
        var twoSessions = new Option<bool>("--two-sessions") { Description = "Học 2 buổi/ngày: 1 phòng/lớp / one room per class" };
        var publicOnly = new Option<bool>("--public-only") { Description = "Chỉ tính trường công lập / public schools only" };
        var capacityLimited = new Option<bool>("--capacity-limited") { Description = "Học sinh bị trường đầy từ chối tính là chưa có trường / pupils turned away by full schools count as unserved" };
        var rejected = new Option<bool>("--rejected") { Description = "Ghi cả các thửa bị loại và mọi lý do / also write every rejected parcel with all its reasons" };
        var output = new Option<FileInfo>("--out") { Description = "Tệp kết quả / output: .gpkg (candidate_sites), .csv (+ .stamp.json), .xlsx", Required = true };
        var cmd = new Command("sites", "Sàng lọc thửa đất có thể xây trường mới: điều kiện bắt buộc, điểm theo từng tiêu chí.\nScreen land parcels for a new school: hard constraints, then a score broken down by criterion.")
        {
            dataset, level, year, top, norms, weights, allowResidential, noMerge, twoSessions, publicOnly, capacityLimited, rejected, output,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(dataset)!;
            using var target = ResultTarget.For(u, path, r.GetValue(output)!, r.GetValue<string>(CliOutput.FormatName));
            var (outPath, ext) = (target.Path, target.Extension);

            if (r.GetValue(top) < 0)
            {
                throw new ArgumentException(u.T("--top không được âm.", "--top must not be negative."));
            }

            var options = new ScreeningOptions(r.GetValue(level)!, r.GetValue(year))
            {
                Top = r.GetValue(top),
                Weights = LoadWeights(r.GetValue(weights)),
                AllowResidential = r.GetValue(allowResidential),
                MergeAdjacent = !r.GetValue(noMerge),
                TwoSessions = r.GetValue(twoSessions),
                PublicOnly = r.GetValue(publicOnly),
                CapacityLimited = r.GetValue(capacityLimited),
                RecordRejections = r.GetValue(rejected),
            };
            var watch = Stopwatch.StartNew();
            var d = CommandSupport.Context(path, r.GetValue(norms));
            var run = SitesComputation.Run(d, options);
            Facilities.Core.Diagnostics.PhaseTrace.Mark("sites: computed");
            var elapsed = watch.Elapsed;
            CommandSupport.Warn(u, run.Warnings);
            var (result, stamp) = (run.Result.Result, run.Stamp);
            var (candidates, rejections) = (SitesTables.Candidates(d, run, drawn: ext != ".csv"), SitesTables.Rejections(run));
            Facilities.Core.Diagnostics.PhaseTrace.Mark("sites: tables");
            switch (ext)
            {
                case ".csv":
                    SitesWriter.WriteCsv(candidates, rejections, outPath);
                    break;
                case ".xlsx":
                    SitesWriter.WriteXlsx(candidates, SitesTables.Summary(run), rejections, result.Norms, outPath);
                    break;
                default:
                    SitesWriter.WriteGeoPackage(candidates, SitesTables.Summary(run), rejections, outPath);
                    break;
            }

            Facilities.Core.Diagnostics.PhaseTrace.Mark("sites: written");
            target.Data = candidates;

            Print(u, result, run.Result.LandUse, elapsed);
            CliResult.Finish(u, "sites", stamp, target,
                CliResult.Totals(SiteColumns.Summary(result).Select(x => (x.Key, (JsonNode?)x.Count))), run.Warnings);
            Facilities.Core.Diagnostics.PhaseTrace.Mark("sites: finished");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static ScoreWeights LoadWeights(FileInfo? file)
    {
        if (file is null)
        {
            return ScoreWeights.Default;
        }

        try
        {
            return ScoreWeights.Parse(TextFileCheck.ReadUtf8(file.FullName, null), file.Name);
        }
        catch (FormatException e)
        {
            throw new DataFileException("weights-invalid", file.Name, null, e.Message, e.Message, e);
        }
    }

    /// <summary>The land the rule admits, in words: education land, then state land of the convertible codes (left out
    /// when a norms file admits none, which used to print "DGD,  của nhà nước"), then residential land if allowed.</summary>
    private static string LandConsidered(LandUseRule rule, bool residential, bool vi)
    {
        var parts = new List<string> { "DGD" };
        if (rule.Convertible.Count > 0)
        {
            parts.Add(vi ? $"{string.Join(", ", rule.Convertible)} của nhà nước" : $"state {string.Join(", ", rule.Convertible)}");
        }

        if (residential)
        {
            parts.Add(vi ? "đất ở" : "residential");
        }

        return string.Join(", ", parts);
    }

    private static void Print(Ui u, ScreeningResult result, LandUseRule rule, TimeSpan elapsed)
    {
        var o = result.Options;
        u.Out.WriteLine(u.T(
            $"Sàng lọc {u.Count(result.ParcelsScreened)} thửa cho {Labels.Level.Vi(o.Level)} năm {o.Year} ({u.Number(elapsed.TotalSeconds, 1)} giây); đất được xét: {LandConsidered(rule, o.AllowResidential, vi: true)}.",
            $"Screened {u.Count(result.ParcelsScreened)} parcels for {o.Level} in {o.Year} ({u.Number(elapsed.TotalSeconds, 1)} s); land considered: {LandConsidered(rule, o.AllowResidential, vi: false)}."));
        var summary = new Table().Border(TableBorder.Ascii2)
            .AddColumn(u.T("Kết quả", "Outcome"))
            .AddColumn(new TableColumn(u.T("Số thửa", "Parcels")).RightAligned());
        summary.AddRow(u.T("đạt mọi điều kiện", "pass every constraint"), u.Count(result.ParcelsPassed));
        foreach (var c in HardConstraintCodes.All)
        {
            summary.AddRow(u.T("loại: " + c.Vi(), "rejected: " + c.Code()), u.Count(result.RejectedBy[c]));
        }

        summary.AddRow(u.T("địa điểm gộp nhiều thửa", "merged sites"), u.Count(result.MergedPassed));
        u.OutConsole.Write(summary);

        var best = new Table().Border(TableBorder.Ascii2)
            .AddColumn("#")
            .AddColumn(u.T("Địa điểm", "Site"))
            .AddColumn(u.T("Xã/phường", "Ward"))
            .AddColumn(u.T("Loại đất", "Land use"))
            .AddColumn(new TableColumn(u.T("Diện tích m²", "Area m²")).RightAligned())
            .AddColumn(new TableColumn(u.T("Điểm", "Score")).RightAligned());
        foreach (var s in result.Candidates.Take(10))
        {
            best.AddRow(u.Count(s.Rank), Markup.Escape(s.Id + (s.IsMerged ? $" (+{s.ParcelIds.Count - 1})" : "")), Markup.Escape(s.WardName), Markup.Escape(s.LandUse),
                u.Measure(s.AreaM2, 0), u.Number((double)s.Score, 3));
        }

        u.Out.WriteLine(u.T($"{u.Count(result.Candidates.Count)} địa điểm đề xuất; 10 tốt nhất:", $"{u.Count(result.Candidates.Count)} candidate sites; the best 10:"));
        u.OutConsole.Write(best);
    }
}
