using System.Security.Claims;
using Facilities.Core.Tracker;
using Facilities.Web.Security;

namespace Facilities.Web.Tracker;

/// <summary>
/// /api/cases, /api/cases/{id}, /api/cases/{id}/transitions, /api/cases/{id}/history, /api/progress: the tracker
/// over HTTP, with the rules of <see cref="CaseService"/> (role scoping, allowed moves, optimistic concurrency).
/// </summary>
internal static class CaseEndpoints
{
    public sealed record TransitionBody(string? To, int? Version, string? Note, IReadOnlyList<string>? Attachments);

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/cases", List).RequireRateLimiting(TrackerLimits.Read);
        api.MapGet("/cases/{siteId}", Get).RequireRateLimiting(TrackerLimits.Read);
        api.MapPost("/cases/{siteId}/transitions", Transition).RequireRateLimiting(TrackerLimits.Write);
        api.MapGet("/cases/{siteId}/history", History).RequireRateLimiting(TrackerLimits.Read);
        api.MapGet("/progress", Progress).RequireRateLimiting(TrackerLimits.Read);
        ChainEndpoints.Map(api);
    }

    private static async Task<IResult> List(HttpRequest request, ClaimsPrincipal principal, TrackerContext t)
    {
        var user = AuthEndpoints.UserOf(principal)!;
        var commune = request.Query["commune"].ToString() is { Length: > 0 } c ? c : null;
        if (CaseService.DecideList(user, commune) is { Allowed: false } denied)
        {
            return ApiError.Of(StatusCodes.Status403Forbidden, "forbidden", denied.Reason);
        }

        CaseStep? step = null;
        if (request.Query["step"].ToString() is { Length: > 0 } s)
        {
            if (!CaseSteps.TryParse(s, out var parsed))
            {
                return ApiError.BadParameter("step", $"'{s}' không phải bước; các bước: {Codes()}", $"'{s}' is not a step; steps: {Codes()}");
            }

            step = parsed;
        }

        var overdueText = request.Query["overdue"].ToString();
        if (overdueText is not ("" or "true" or "false"))
        {
            return ApiError.BadParameter("overdue", "dùng true | false", "use true | false");
        }

        var today = t.Today();
        var list = (await t.Service.ListAsync(user, t.Sites.All, commune, request.HttpContext.RequestAborted))
            .Where(x => x.Version > 0 || !t.Sites.Certified.Contains(x.Site.SiteId))
            .Where(x => step is null || x.Step == step)
            .Where(x => overdueText != "true" || x.IsOverdue(today))
            .Select(x => CaseJson.Case(t, x, today, false))
            .ToList();
        return Results.Json(list);
    }

    private static Task<IResult> Get(string siteId, HttpContext context, TrackerContext t) =>
        WithCase(siteId, context, t, state => Results.Json(CaseJson.Case(t, state, t.Today(), true)));

    private static Task<IResult> History(string siteId, HttpContext context, TrackerContext t) =>
        WithCase(siteId, context, t, state => Results.Json(state.Events.Select(e => CaseJson.Event(t, e)).ToList()));

    private static async Task<IResult> Transition(string siteId, HttpContext context, TrackerContext t)
    {
        var (body, error) = await JsonBody.ReadAsync<TransitionBody>(context.Request);
        if (body is null)
        {
            return error!;
        }

        var user = AuthEndpoints.UserOf(context.User)!;
        var site = t.Sites.Find(siteId);
        if (site is null)
        {
            return NoSite(siteId);
        }

        if (!CaseSteps.TryParse(body.To, out var to) || to == CaseStep.NotStarted)
        {
            return ApiError.BadParameter("to", $"'{body.To}' không phải bước; các bước: {Codes()}", $"'{body.To}' is not a step; steps: {Codes()}");
        }

        if (body.Version is not int version)
        {
            return ApiError.BadParameter("version", "bắt buộc: phiên bản hồ sơ bạn đã xem (chống ghi đè).",
                "required: the version of the case you saw (guards against lost updates).");
        }

        // The audit line (who, from where, the move) is written by the store in the move's own transaction: a crash
        // between the two cannot keep one without the other.
        TransitionOutcome outcome;
        try
        {
            outcome = await t.Service.AdvanceAsync(user, site,
                new TransitionRequest(to, t.Now(), body.Note ?? "", body.Attachments ?? [], version, AuditTrail.Address(context)), context.RequestAborted);
        }
        catch (AuditNotWrittenException e)
        {
            return AuditTrail.NotWritten(context, e);
        }

        if (outcome.Accepted)
        {
            // The case as the move left it, not read again: a committed move is acknowledged even if the database
            // fails right after the commit.
            return Results.Json(CaseJson.Case(t, outcome.State!, t.Today(), true));
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
            // Not on a 403: the moves would tell another commune's official where that case stands.
            allowedMoves = outcome.Refusal == RefusalKind.Forbidden
                ? []
                : outcome.AllowedMoves.Select(m => new { step = CaseSteps.Code(m), name = CaseJson.Name(t, m) }),
        }, statusCode: status);
    }

    private static async Task<IResult> Progress(HttpContext context, TrackerContext t)
    {
        var user = AuthEndpoints.UserOf(context.User)!;
        var today = t.Today();
        var steps = CaseSteps.All.Where(s => s != CaseStep.NotStarted).ToList();
        var rows = (await t.Service.ListAsync(user, t.Sites.All, null, context.RequestAborted))
            .GroupBy(c => c.Site.CommuneCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new
            {
                communeCode = g.Key,
                communeName = t.CommuneName(g.Key),
                sites = g.Count(),
                withCertificate = g.Count(c => t.Sites.Certified.Contains(c.Site.SiteId) || c.Step == CaseStep.HandedOver),
                notStarted = g.Count(c => c.Version == 0 && !t.Sites.Certified.Contains(c.Site.SiteId)),
                byStep = steps.ToDictionary(CaseSteps.Code, s => g.Count(c => c.Version > 0 && c.Step == s)),
                overdue = g.Count(c => c.IsOverdue(today)),
            })
            .ToList();
        return Results.Json(rows);
    }

    private static async Task<IResult> WithCase(string siteId, HttpContext context, TrackerContext t, Func<CaseState, IResult> answer)
    {
        var site = t.Sites.Find(siteId);
        if (site is null)
        {
            return NoSite(siteId);
        }

        var (access, state) = await t.Service.ReadAsync(AuthEndpoints.UserOf(context.User)!, site, context.RequestAborted);
        return state is null ? ApiError.Of(StatusCodes.Status403Forbidden, "forbidden", access.Reason) : answer(state);
    }

    private static IResult NoSite(string siteId) =>
        ApiError.NotFound($"không có trường mã '{siteId}' trong lớp schools.", $"no school with id '{siteId}' in the schools layer.");

    private static string Codes() => string.Join(", ", CaseSteps.All.Skip(1).Select(CaseSteps.Code));
}
