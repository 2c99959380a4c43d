using System.Security.Claims;
using Facilities.Core.Tracker;

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
        api.MapGet("/cases", List);
        api.MapGet("/cases/{siteId}", Get);
        api.MapPost("/cases/{siteId}/transitions", Transition);
        api.MapGet("/cases/{siteId}/history", History);
        api.MapGet("/progress", Progress);
    }

    private static IResult List(HttpRequest request, ClaimsPrincipal principal, TrackerContext t)
    {
        var user = AuthEndpoints.UserOf(principal)!;
        var commune = request.Query["commune"].ToString() is { Length: > 0 } c ? c : null;
        if (commune is not null && user.CommuneCode is { } own && own != commune)
        {
            return ApiError.Of(StatusCodes.Status403Forbidden, "forbidden",
                $"tài khoản này chỉ xem được xã/phường {own}.", $"this account may only see commune {own}.");
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
        var list = t.Service.List(user, t.Sites.All, commune)
            .Where(x => x.Version > 0 || !t.Sites.Certified.Contains(x.Site.SiteId))
            .Where(x => step is null || x.Step == step)
            .Where(x => overdueText != "true" || x.IsOverdue(today))
            .Select(x => CaseJson.Case(t, x, today, false))
            .ToList();
        return Results.Json(list);
    }

    private static IResult Get(string siteId, ClaimsPrincipal principal, TrackerContext t) =>
        WithCase(siteId, principal, t, state => Results.Json(CaseJson.Case(t, state, t.Today(), true)));

    private static IResult History(string siteId, ClaimsPrincipal principal, TrackerContext t) =>
        WithCase(siteId, principal, t, state => Results.Json(state.Events.Select(CaseJson.Event).ToList()));

    private static IResult Transition(string siteId, TransitionBody body, ClaimsPrincipal principal, TrackerContext t)
    {
        var user = AuthEndpoints.UserOf(principal)!;
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

        var outcome = t.Service.Advance(user, site, new TransitionRequest(to, t.Now(), body.Note ?? "", body.Attachments ?? [], version));
        if (outcome.Accepted)
        {
            return Results.Json(CaseJson.Case(t, t.Service.Load(site), t.Today(), true));
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
            allowedMoves = outcome.AllowedMoves.Select(m => new { step = CaseSteps.Code(m), name = CaseJson.Name(t, m) }),
        }, statusCode: status);
    }

    private static IResult Progress(ClaimsPrincipal principal, TrackerContext t)
    {
        var user = AuthEndpoints.UserOf(principal)!;
        var today = t.Today();
        var steps = CaseSteps.All.Where(s => s != CaseStep.NotStarted).ToList();
        var rows = t.Service.List(user, t.Sites.All)
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

    private static IResult WithCase(string siteId, ClaimsPrincipal principal, TrackerContext t, Func<CaseState, IResult> answer)
    {
        var site = t.Sites.Find(siteId);
        if (site is null)
        {
            return NoSite(siteId);
        }

        var (access, state) = t.Service.Read(AuthEndpoints.UserOf(principal)!, site);
        return state is null ? ApiError.Of(StatusCodes.Status403Forbidden, "forbidden", access.Reason) : answer(state);
    }

    private static IResult NoSite(string siteId) =>
        ApiError.NotFound($"không có trường mã '{siteId}' trong lớp schools.", $"no school with id '{siteId}' in the schools layer.");

    private static string Codes() => string.Join(", ", CaseSteps.All.Skip(1).Select(CaseSteps.Code));
}
