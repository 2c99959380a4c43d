using Facilities.Core.Tracker;

namespace Facilities.Web.Security;

/// <summary>
/// Writes the audit log (<see cref="ITrackerSecurityStore"/>): who, when (UTC), from where (the client address after the
/// proxy rule: the connection's address, or the proxy's X-Forwarded-For when it came from a trusted proxy) and what.
/// A line that cannot be written does not change the answer: the login or the move it describes has already happened
/// (a committed move must be acknowledged), so the line goes to the server's error log in full instead.
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

    /// <summary>The client's address as the server trusts it (IPv4-mapped IPv6 shown as IPv4).</summary>
    public static string Address(HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress;
        return ip is null ? "" : (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
    }
}
