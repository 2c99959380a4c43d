using Facilities.Core.Validation;

namespace Facilities.Web;

/// <summary>The error body every endpoint answers with: <c>{"error": {"code", "vi", "en"}}</c> (docs/web-api.md).</summary>
internal static class ApiError
{
    /// <summary>Seconds a client is asked to wait (Retry-After) when the server is busy or the database unreachable.</summary>
    public const int RetryAfterSeconds = 2;

    public static IResult Of(int status, string code, string vi, string en) =>
        Results.Json(new { error = new { code, vi, en } }, statusCode: status);

    public static IResult Of(int status, string code, LocalizedText text) => Of(status, code, text.Vi, text.En);

    public static IResult BadParameter(string name, string vi, string en) =>
        Of(StatusCodes.Status400BadRequest, "bad-parameter", $"tham số '{name}': {vi}", $"parameter '{name}': {en}");

    public static IResult NotFound(string vi, string en) => Of(StatusCodes.Status404NotFound, "not-found", vi, en);

    /// <summary>
    /// 503 with Retry-After: too many requests at once (nothing was written), or the tracker's database unreachable.
    /// In the second case a move whose commit reached the database just as the connection broke may have been written,
    /// so the answer does not say "nothing was written": it tells the user to reload the case first.
    /// </summary>
    public static Task WriteBusyAsync(HttpContext context, bool database)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (database
            ? Of(StatusCodes.Status503ServiceUnavailable, "store-unavailable",
                $"không kết nối được cơ sở dữ liệu hồ sơ. Thử lại sau {RetryAfterSeconds} giây; nếu đây là một lần chuyển bước, hãy tải lại hồ sơ trước: bước đã được ghi sẽ hiện trong lịch sử.",
                $"the tracker's database cannot be reached. Try again in {RetryAfterSeconds} s; if this was a move, reload the case first: a move that was written shows in its history.")
            : Of(StatusCodes.Status503ServiceUnavailable, "busy",
                $"máy chủ đang quá tải; chưa ghi gì. Thử lại sau {RetryAfterSeconds} giây.",
                $"the server is busy; nothing was written. Try again in {RetryAfterSeconds} s.")).ExecuteAsync(context);
    }
}
