using System.Globalization;
using System.Security.Cryptography;
using Facilities.Core.Provenance;
using Facilities.Core.Tracker;
using Facilities.Core.Tracker.Procedures;
using Facilities.Core.Tracker.Reporting;
using Facilities.Core.Validation;

namespace Facilities.Application;

/// <summary>
/// The periodic report of the sites' procedures (<c>facilities cases report --period</c> and
/// <c>GET /api/cases/report?period=</c>): loads every readable site's histories, builds the report and stamps it with the
/// dataset's hash, the procedures' and the tracker config's versions, the period and what it could not account for.
/// </summary>
public static class CasesReportComputation
{
    /// <summary>Computes the report for <paramref name="period"/> as <paramref name="user"/> may see it.</summary>
    public static async Task<Computed<ProgressReport>> RunAsync(ChainService chains, TrackerUser user, IEnumerable<CaseSite> sites, ReportPeriod period,
        DateOnly asOf, string datasetPath, CancellationToken cancel = default)
    {
        var all = sites.ToList();
        var readable = all.Where(s => TrackerAuthorization.Decide(user, s, TrackerAction.Read).Allowed).ToList();
        var states = await chains.LoadAllAsync(readable, null, cancel);
        var report = ProgressReportBuilder.Build(chains.Catalog, period, asOf, states);
        var warnings = new List<LocalizedText>();
        if (readable.Count < all.Count)
        {
            warnings.Add(new LocalizedText(
                $"Báo cáo chỉ gồm {readable.Count}/{all.Count} điểm trường mà tài khoản được xem; số liệu «toàn thành phố» là của các xã đó.",
                $"The report covers only the {readable.Count} of {all.Count} sites this account may read; the 'city' figures are theirs."));
        }

        if (period.End > asOf)
        {
            warnings.Add(new LocalizedText(
                $"Kỳ {period.Label} chưa kết thúc: số liệu tính đến {asOf:dd/MM/yyyy}.",
                $"The period {period.Label} has not ended: figures are as of {asOf:yyyy-MM-dd}."));
        }

        var unconfirmed = chains.Catalog.Procedures
            .SelectMany(p => p.Limits.Values.Where(l => l.Status == "unconfirmed").Select(l => $"procedures.{p.Code}.time_limits.{l.Key}")
                .Concat(p.Steps.Where(s => s.Status == "unconfirmed" && s.Clock == StepClock.Paused).Select(s => $"procedures.{p.Code}.steps.{s.Code}.clock")))
            .Order(StringComparer.Ordinal)
            .ToList();
        var config = chains.Cases.Config;
        var options = string.Create(CultureInfo.InvariantCulture,
            $"period={period.Label}; last_day={report.LastDay:yyyy-MM-dd}; tracker_config={config.Version} ({config.Sha256}); user={user.Name}");
        var stamp = new ResultStamp(ToolVersion.Tool, "cases-report", Path.GetFileName(datasetPath), HashFile(datasetPath),
            "procedures " + chains.Catalog.Version, chains.Catalog.Sha256, options, unconfirmed)
        {
            Warnings = [.. warnings.Select(w => w.En)],
        };
        return new Computed<ProgressReport>(report, stamp, warnings);
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
