using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Facilities.Web.Tracker;

/// <summary>
/// Reads a JSON request body with the documented answers when it cannot be: 415 for another content type (the
/// framework's binding let such a request fall through to the 404 route), 413 above <see cref="MaxBytes"/>, 400 with the
/// error body for malformed JSON (the framework answered an empty 400).
/// </summary>
internal static class JsonBody
{
    /// <summary>Largest body a tracker request may have (a note of the longest allowed length with twenty attachments fits, escaped).</summary>
    public const int MaxBytes = 256 * 1024;

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiError.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                $"nội dung phải là JSON (Content-Type: application/json), không phải '{request.ContentType}'.",
                $"the body must be JSON (Content-Type: application/json), not '{request.ContentType}'."));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBytes;
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null
                ? (null, ApiError.Of(StatusCodes.Status400BadRequest, "bad-json", "thiếu nội dung JSON.", "the JSON body is missing."))
                : (value, null);
        }
        catch (JsonException x)
        {
            var where = x.LineNumber is { } line ? $" (dòng/line {line + 1}, cột/column {x.BytePositionInLine + 1})" : "";
            return (null, ApiError.Of(StatusCodes.Status400BadRequest, "bad-json", "JSON không hợp lệ" + where + ".", "malformed JSON" + where + "."));
        }
        catch (BadHttpRequestException x) when (x.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    private static IResult TooLarge() => ApiError.Of(StatusCodes.Status413PayloadTooLarge, "too-large",
        $"nội dung quá lớn: tối đa {MaxBytes / 1024} KB.", $"the body is too large: at most {MaxBytes / 1024} KB.");
}
