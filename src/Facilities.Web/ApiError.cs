using Facilities.Core.Validation;

namespace Facilities.Web;

/// <summary>The error body every endpoint answers with: <c>{"error": {"code", "vi", "en"}}</c> (docs/web-api.md).</summary>
internal static class ApiError
{
    public static IResult Of(int status, string code, string vi, string en) =>
        Results.Json(new { error = new { code, vi, en } }, statusCode: status);

    public static IResult Of(int status, string code, LocalizedText text) => Of(status, code, text.Vi, text.En);

    public static IResult BadParameter(string name, string vi, string en) =>
        Of(StatusCodes.Status400BadRequest, "bad-parameter", $"tham số '{name}': {vi}", $"parameter '{name}': {en}");

    public static IResult NotFound(string vi, string en) => Of(StatusCodes.Status404NotFound, "not-found", vi, en);
}
