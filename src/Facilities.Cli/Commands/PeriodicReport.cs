using System.CommandLine;
using Facilities.Application;
using Facilities.Core.Tracker.Reporting;
using Facilities.Reports.Tracker;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities cases report --period 2026-Q1 --out report.xlsx|report.html</c>: the periodic report (docs/tracker.md).</summary>
internal static class PeriodicReport
{
    public static async Task<int> RunAsync(Ui u, CasesOptions o, ParseResult r, string periodText, string outPath, DateOnly? asOf, CancellationToken cancel)
    {
        var period = ReportPeriod.TryParse(periodText) ?? throw new ArgumentException(u.T(
            $"--period: '{periodText}' không phải kỳ báo cáo; dùng 2026-03 (tháng), 2026-Q1 (quý) hoặc 2026 (năm).",
            $"--period: '{periodText}' is not a period; use 2026-03 (month), 2026-Q1 (quarter) or 2026 (year)."));
        var html = outPath.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
        if (!html && !outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(u.T("--out phải là tệp .xlsx hoặc .html.", "--out must be an .xlsx or .html file."));
        }

        using var s = CasesSession.Open(r, u, o);
        var user = await s.LoginAsync(r, o, cancel);
        if (user is null)
        {
            return ExitCodes.Denied;
        }

        var day = asOf ?? DateOnly.FromDateTime(CasesSession.Now.DateTime);
        if (period.Start > day)
        {
            throw new ArgumentException(u.T($"--period {period.Label} bắt đầu sau ngày {day:dd/MM/yyyy}.", $"--period {period.Label} starts after {day:yyyy-MM-dd}."));
        }

        var dataset = s.DatasetPath("danh sách điểm trường và dấu kết quả lấy từ bộ dữ liệu", "the sites and the stamp come from the dataset");
        var computed = await CasesReportComputation.RunAsync(s.Chains, user, s.Sites.All, period, day, dataset, cancel);
        var tables = ProgressReportTables.Build(computed.Result, computed.Stamp, s.Chains.Catalog, s.Names.School, s.Names.Commune);
        var title = $"Báo cáo tiến độ thủ tục điểm trường – kỳ {period.Label} / Progress of school-site procedures – {period.Label}";
        if (html)
        {
            ProgressReportFiles.SaveHtml(tables, title, outPath);
        }
        else
        {
            ProgressReportFiles.SaveXlsx(tables, outPath);
        }

        foreach (var w in computed.Warnings)
        {
            u.Err.WriteLine(w.In(u.Language));
        }

        var city = computed.Result.City;
        u.Out.WriteLine(u.T(
            $"Đã ghi {outPath}: kỳ {period.Label}, {u.Count(city.Sites)} điểm trường, {u.Count(computed.Result.Overdue.Count)} thủ tục quá hạn, dấu {computed.Stamp.Id}.",
            $"Wrote {outPath}: period {period.Label}, {u.Count(city.Sites)} sites, {u.Count(computed.Result.Overdue.Count)} overdue procedures, stamp {computed.Stamp.Id}."));
        return ExitCodes.Ok;
    }
}
