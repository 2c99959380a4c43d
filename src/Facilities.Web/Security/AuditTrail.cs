using Facilities.Core.Tracker;

namespace Facilities.Web.Security;

/// <summary>
/// Writes the audit log (<see cref="ITrackerSecurityStore"/>) of logins and logouts: who, when (UTC), from where (the
/// client address after the proxy rule: the connection's address, or the proxy's X-Forwarded-For when it came from a
/// trusted proxy) and what. A login line that cannot be written does not change the answer (the sign-in has happened),
/// so the line goes to the server's error log in full instead. A move's line is not written here but by the case
/// store, in the move's own transaction (<see cref="TransitionRequest.AuditFrom"/>): a move is never recorded without
/// it, and one whose line the database refuses is not made (<see cref="NotWritten"/>).
/// </summary>
internal static class AuditTrail
{
    public static async Task WriteAsync(HttpContext context, string actor, string action, string detail)
    {
        var services = context.RequestServices;
        var entry = new AuditEntry(services.GetRequiredService<WebOptions>().Time.GetUtcNow().ToUniversalTime(), actor, Address(context), action, detail);
        try
        {
            await services.GetRequiredService<TrackerSecurity>().Store.AppendAuditAsync(entry, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Facilities.Errors");
            if (log.IsEnabled(LogLevel.Error))
            {
                log.LogError(e, "audit line not written: {At:o} {Actor} {Address} {Action} {Detail}", entry.At, entry.Actor, entry.Address, entry.Action, entry.Detail);
            }
        }
    }

    /// <summary>
    /// The answer to a move the database refused to audit (so refused to make): 500 with a one-line cause and fix for
    /// the operator, Vietnamese first; the database's own text goes to the server's error log, not to the client.
    /// </summary>
    public static IResult NotWritten(HttpContext context, AuditNotWrittenException e)
    {
        var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Facilities.Errors");
        if (log.IsEnabled(LogLevel.Error))
        {
            log.LogError("{Method} {Path}: {Message}", context.Request.Method, context.Request.Path, e.Message);
        }

        return ApiError.Of(StatusCodes.Status500InternalServerError, "audit-not-written",
            "không ghi được nhật ký kiểm tra (audit_log) nên bước chưa được ghi. Báo quản trị viên: xem nhật ký máy chủ, kiểm tra quyền ghi bảng audit_log và dung lượng đĩa của cơ sở dữ liệu hồ sơ.",
            "the audit log (audit_log) could not be written, so the move was not made. Tell the administrator: see the server log, check the write privilege on audit_log and the disk space of the tracker's database.");
    }

    /// <summary>The client's address as the server trusts it (IPv4-mapped IPv6 shown as IPv4).</summary>
    public static string Address(HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress;
        return ip is null ? "" : (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
    }
}
