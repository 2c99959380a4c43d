using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Facilities.Web.Tracker;

/// <summary>
/// Admission control for the tracker: at most <see cref="WebOptions.WriteConcurrency"/> moves run at once and
/// <see cref="WebOptions.WriteQueue"/> wait in order; beyond that a request is answered 503 with Retry-After at once
/// instead of piling up until every thread or database connection is taken (issue 12: 25–35 s hangs, then 500s).
/// Logins (a deliberately slow password hash) and reads have their own, separate limits.
/// </summary>
internal static class TrackerLimits
{
    public const string Write = "tracker-write";
    public const string Login = "tracker-login";
    public const string Read = "tracker-read";

    public static void Add(IServiceCollection services, WebOptions options) => services.AddRateLimiter(r =>
    {
        r.AddConcurrencyLimiter(Write, c => Configure(c, options.WriteConcurrency, options.WriteQueue));
        r.AddConcurrencyLimiter(Login, c => Configure(c, Math.Max(2, Environment.ProcessorCount), 32));
        r.AddConcurrencyLimiter(Read, c => Configure(c, options.WriteConcurrency * 2, options.WriteQueue * 2));
        r.OnRejected = (context, _) => new ValueTask(ApiError.WriteBusyAsync(context.HttpContext, database: false));
    });

    private static void Configure(ConcurrencyLimiterOptions c, int permits, int queue)
    {
        c.PermitLimit = permits;
        c.QueueLimit = queue;
        c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
    }
}
