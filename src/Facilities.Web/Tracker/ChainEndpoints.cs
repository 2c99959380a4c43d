using Facilities.Application;
using Facilities.Core.Tracker;
using Facilities.Core.Tracker.Procedures;
using Facilities.Core.Tracker.Reporting;
using Facilities.Reports.Tracker;
using Facilities.Web.Security;

namespace Facilities.Web.Tracker;

/// <summary>
/// The site chains over HTTP: /api/procedures (the steps, moves, offices and limits: Core's data, which the page shows),
/// /api/chains (every readable site's stage and ready-to-build date, for the map), /api/cases/{id}/chain,
/// /api/cases/{id}/procedures/{procedure}/transitions and /api/cases/report?period= (the periodic report, the same
/// computation as <c>facilities cases report --period</c>).
/// </summary>
internal static class ChainEndpoints
{
    public sealed record MoveBody(string? To, int? Version, string? Note, IReadOnlyList<string>? Attachments);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/procedures", (TrackerContext t) => Results.Json(ChainJson.Catalog(t.Chains.Catalog))).RequireRateLimiting(TrackerLimits.Read);
        api.MapGet("/chains", Chains).RequireRateLimiting(TrackerLimits.Read);
        api.MapGet("/cases/report", Report).RequireRateLimiting(TrackerLimits.Read);
        api.MapGet("/cases/{siteId}/chain", Chain).RequireRateLimiting(TrackerLimits.Read);
        api.MapPost("/cases/{siteId}/procedures/{procedure}/transitions", Move).RequireRateLimiting(TrackerLimits.Write);
    }

    private static async Task<IResult> Chains(HttpRequest request, TrackerContext t)
    {
        var user = AuthEndpoints.UserOf(request.HttpContext.User)!;
        var commune = request.Query["commune"].ToString() is { Length: > 0 } c ? c : null;
        if (CaseService.DecideList(user, commune) is { Allowed: false } denied)
        {
            return ApiError.Of(StatusCodes.Status403Forbidden, "forbidden", denied.Reason);
        }

        var chains = await t.Chains.ListAsync(user, t.Sites.All, t.Today(), commune, request.HttpContext.RequestAborted);
        return Results.Json(chains.Select(ch => ChainJson.Chain(t, ch, false)).ToList());
    }

    private static async Task<IResult> Chain(string siteId, HttpContext context, TrackerContext t)
    {
        var site = t.Sites.Find(siteId);
        if (site is null)
        {
            return ApiError.NotFound($"không có trường mã '{siteId}' trong lớp schools.", $"no school with id '{siteId}' in the schools layer.");
        }

        var (access, chain) = await t.Chains.ReadAsync(AuthEndpoints.UserOf(context.User)!, site, t.Today(), context.RequestAborted);
        return chain is null ? ApiError.Of(StatusCodes.Status403Forbidden, "forbidden", access.Reason) : Results.Json(ChainJson.Chain(t, chain, true));
    }

    private static async Task<IResult> Move(string siteId, string procedure, HttpContext context, TrackerContext t)
    {
        var (body, error) = await JsonBody.ReadAsync<MoveBody>(context.Request);
        if (body is null)
        {
            return error!;
        }

        var site = t.Sites.Find(siteId);
        if (site is null)
        {
            return ApiError.NotFound($"không có trường mã '{siteId}' trong lớp schools.", $"no school with id '{siteId}' in the schools layer.");
        }

        if (body.Version is not int version)
        {
            return ApiError.BadParameter("version", "bắt buộc: phiên bản thủ tục bạn đã xem (chống ghi đè).",
                "required: the version of the procedure you saw (guards against lost updates).");
        }

        var user = AuthEndpoints.UserOf(context.User)!;
        ProcedureOutcome outcome;
        try
        {
            outcome = await t.Chains.AdvanceAsync(user, site, procedure, body.To ?? "", t.Now(), body.Note ?? "", body.Attachments ?? [], version,
                t.Time.GetUtcNow(), AuditTrail.Address(context), context.RequestAborted);
        }
        catch (AuditNotWrittenException e)
        {
            return AuditTrail.NotWritten(context, e);
        }

        if (outcome.Accepted)
        {
            var (_, chain) = await t.Chains.ReadAsync(user, site, t.Today(), CancellationToken.None);
            return Results.Json(ChainJson.Chain(t, chain!, true));
        }

        var (status, code) = outcome.Refusal switch
        {
            RefusalKind.Forbidden => (StatusCodes.Status403Forbidden, "forbidden"),
            RefusalKind.Conflict => (StatusCodes.Status409Conflict, "stale-version"),
            RefusalKind.NotAllowed => (StatusCodes.Status400BadRequest, "move-not-allowed"),
            RefusalKind.InvalidTime => (StatusCodes.Status400BadRequest, "invalid-time"),
            _ => (StatusCodes.Status400BadRequest, "invalid-input"),
        };
        return Results.Json(new
        {
            error = new { code, vi = outcome.Message.Vi, en = outcome.Message.En },
            allowedMoves = outcome.Refusal == RefusalKind.Forbidden ? [] : outcome.AllowedMoves,
        }, statusCode: status);
    }

    private static async Task<IResult> Report(HttpRequest request, TrackerContext t)
    {
        var text = request.Query["period"].ToString();
        var period = ReportPeriod.TryParse(text);
        if (period is null)
        {
            return ApiError.BadParameter("period", $"'{text}' không phải kỳ báo cáo; dùng 2026-03, 2026-Q1 hoặc 2026.",
                $"'{text}' is not a period; use 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).");
        }

        var format = request.Query["format"].ToString() is { Length: > 0 } f ? f : "json";
        if (format is not ("json" or "xlsx" or "html"))
        {
            return ApiError.BadParameter("format", "dùng json | xlsx | html", "use json | xlsx | html");
        }

        var today = t.Today();
        if (period.Start > today)
        {
            return ApiError.BadParameter("period", $"kỳ {period.Label} chưa bắt đầu.", $"the period {period.Label} has not started.");
        }

        var user = AuthEndpoints.UserOf(request.HttpContext.User)!;
        var computed = await CasesReportComputation.RunAsync(t.Chains, user, t.Sites.All, period, today, t.DatasetPath, request.HttpContext.RequestAborted);
        if (format == "json")
        {
            return Results.Json(new
            {
                report = computed.Result,
                stamp = new { id = computed.Stamp.Id, lines = computed.Stamp.Lines().ToDictionary(l => l.Key, l => l.Value) },
                warnings = computed.Warnings.Select(w => new { vi = w.Vi, en = w.En }),
            });
        }

        string School(string id) => t.Info(id).Name is { Length: > 0 } n ? n : id;
        string Commune(string code) => t.CommuneName(code) is { Length: > 0 } n ? n : code;
        var tables = ProgressReportTables.Build(computed.Result, computed.Stamp, t.Chains.Catalog, School, Commune);
        var title = $"Báo cáo tiến độ thủ tục điểm trường – kỳ {period.Label} / Progress of school-site procedures – {period.Label}";
        if (format == "html")
        {
            return Results.Content(ProgressReportFiles.Html(tables, title), "text/html; charset=utf-8");
        }

        var temp = Path.Combine(Path.GetTempPath(), $"facilities-report-{Guid.NewGuid():N}.xlsx");
        try
        {
            ProgressReportFiles.SaveXlsx(tables, temp);
            return Results.File(await File.ReadAllBytesAsync(temp), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bao-cao-{period.Label}.xlsx");
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
