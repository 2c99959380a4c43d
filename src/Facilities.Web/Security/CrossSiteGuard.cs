namespace Facilities.Web.Security;

/// <summary>
/// CSRF protection for every state-changing request (POST, PUT, PATCH, DELETE), without tokens, so the client is
/// unchanged. Two standard checks, as OWASP's CSRF Prevention Cheat Sheet describes them ("Fetch Metadata headers",
/// and "Verifying Origin with standard headers"): a browser that sends <c>Sec-Fetch-Site</c> says where the request
/// comes from, and only <c>same-origin</c> (our own page) or <c>none</c> (typed by the user) may change anything;
/// without it, <c>Origin</c> (or else <c>Referer</c>) must name this server's own origin: its scheme, host and port as
/// the client reached it (behind a trusted proxy, the forwarded proto and host). A request with none of the three
/// headers is not from a browser page (curl, scripts): it carries no ambient cookie a page could abuse, so it passes.
/// The session cookie's SameSite=Strict and the JSON-only bodies (a form post is refused before reading) are further
/// layers; this guard does not rely on them. docs/security.md.
/// </summary>
internal static class CrossSiteGuard
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method)
            || Allowed(context.Request))
        {
            await next(context);
            return;
        }

        await ApiError.Of(StatusCodes.Status403Forbidden, "cross-site",
            "yêu cầu thay đổi dữ liệu phải gửi từ chính trang của ứng dụng (yêu cầu từ trang khác bị từ chối để chống giả mạo yêu cầu, CSRF).",
            "a request that changes data must come from the app's own page (requests from other sites are refused, against cross-site request forgery).")
            .ExecuteAsync(context);
    }

    /// <summary>Whether a state-changing request may go on, by its Fetch Metadata, Origin or Referer.</summary>
    public static bool Allowed(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            // same-site is refused too: a sibling site under the same domain (another department app) is another origin.
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            // "null" is what sandboxed frames, file: pages and some redirects send: never our page.
            return origin != "null" && SameOrigin(origin, request);
        }

        var referer = request.Headers.Referer.ToString();
        return referer.Length == 0 || SameOrigin(referer, request);
    }

    private static bool SameOrigin(string url, HttpRequest request) =>
        Uri.TryCreate(url, UriKind.Absolute, out var given)
        && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}/", UriKind.Absolute, out var own)
        && string.Equals(given.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(given.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase)
        && given.Port == own.Port;
}
