using System.Security.Claims;
using Facilities.Core.Tracker;
using Facilities.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Facilities.Web.Tracker;

/// <summary>
/// /api/login, /api/logout, /api/me: local tracker accounts and a cookie (HttpOnly, SameSite=Strict, Secure over
/// HTTPS) that names a session kept in the tracker's database (<see cref="SessionRegistry"/>); logins (also failed
/// ones) and logouts go to the audit log (<see cref="AuditTrail"/>); docs/security.md.
/// </summary>
internal static class AuthEndpoints
{
    /// <summary>Longest password looked at (a longer one is refused before it is hashed).</summary>
    public const int MaxPasswordLength = 1000;

    private const string RoleClaim = "facilities_role";
    private const string CommuneClaim = "facilities_commune";
    private const string SessionClaim = SessionCookieFormat.SessionClaim;
    private const string SecurityLog = "Facilities.Security";

    public sealed record LoginRequest(string? User, string? Password);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/login", LoginAsync).RequireRateLimiting(TrackerLimits.Login);
        app.MapPost("/api/logout", async (HttpContext context, ClaimsPrincipal principal, SessionRegistry sessions) =>
        {
            await sessions.EndAsync(principal.FindFirstValue(SessionClaim), CancellationToken.None);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (UserOf(principal) is { } user)
            {
                await AuditTrail.WriteAsync(context, user.Name, AuditActions.Logout, "");
            }

            return Results.NoContent();
        });
        app.MapGet("/api/me", (ClaimsPrincipal principal) => Results.Json(Describe(UserOf(principal)!))).RequireAuthorization();
    }

    /// <summary>The tracker user a signed-in principal stands for; null when not signed in.</summary>
    public static TrackerUser? UserOf(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && principal.Identity.Name is { } name && TrackerRoles.TryParse(principal.FindFirstValue(RoleClaim), out var role)
            ? new TrackerUser(name, role, principal.FindFirstValue(CommuneClaim))
            : null;

    /// <summary>
    /// Checked on every request that carries the cookie: the session must be open (not logged out, idle or too old) and
    /// the account unchanged since sign-in (not removed, disabled, given another role or password), read from the
    /// store each time, so a change made with <c>facilities cases users</c> applies to the next request.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var sessions = services.GetRequiredService<SessionRegistry>();
        var sid = context.Principal?.FindFirstValue(SessionClaim);
        var session = await sessions.TouchAsync(sid, context.HttpContext.RequestAborted);
        string? why = session is null ? "session ended (logout, idle or lifetime)" : null;
        StoredUser? stored = null;
        if (why is null)
        {
            stored = await services.GetRequiredService<TrackerContext>().Store.FindUserAsync(session!.User, context.HttpContext.RequestAborted);
            why = stored is null ? "account removed"
                : stored.Disabled ? "account disabled"
                : stored.SessionEpoch != session.Epoch ? "account changed (password, role or commune)"
                : null;
        }

        if (why is not null)
        {
            await sessions.EndAsync(sid, CancellationToken.None);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityLog);
            if (session is not null && log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("session of {User} refused: {Reason}", session.User, why);
            }

            return;
        }

        // The cookie carries only the session id; who the user is comes from the database, as of this request.
        context.ReplacePrincipal(Principal(stored!.User, sid!));
    }

    private static ClaimsPrincipal Principal(TrackerUser user, string sid)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(RoleClaim, TrackerRoles.Code(user.Role)), new(SessionClaim, sid) };
        if (user.CommuneCode is { } commune)
        {
            claims.Add(new Claim(CommuneClaim, commune));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context, TrackerContext tracker, SessionRegistry sessions, LoginThrottle throttle, ILoggerFactory logs)
    {
        var (body, error) = await JsonBody.ReadAsync<LoginRequest>(context.Request);
        if (body is null)
        {
            return error!;
        }

        var name = body.User ?? "";
        var password = body.Password ?? "";
        // Before the store sees it: a NUL made PostgreSQL answer with its own error text, SQLite looked it up.
        if (TrackerInput.Check("user", name, TrackerInput.MaxNameLength, multiline: false) is { } badName)
        {
            return ApiError.Of(StatusCodes.Status400BadRequest, "bad-parameter", badName);
        }

        if (password.Length > MaxPasswordLength)
        {
            return ApiError.BadParameter("password", $"dài quá {MaxPasswordLength} ký tự.", $"longer than {MaxPasswordLength} characters.");
        }

        if (await tracker.Store.CountUsersAsync(context.RequestAborted) == 0)
        {
            return ApiError.Of(StatusCodes.Status401Unauthorized, "no-accounts",
                "chưa có tài khoản nào: tạo bằng `facilities cases users add <tên> --role city_department --dataset <tệp.gpkg>`.",
                "there is no account yet: create one with `facilities cases users add <name> --role city_department --dataset <file.gpkg>`.");
        }

        var log = logs.CreateLogger(SecurityLog);
        // After the proxy rule: behind a trusted proxy, the client it forwarded for.
        var address = AuditTrail.Address(context);
        if (await throttle.RefusedForAsync(name, address, context.RequestAborted) is { } wait)
        {
            // Refused without hashing the password: a locked account answers the same whether the guess was right.
            if (log.IsEnabled(LogLevel.Warning))
            {
                log.LogWarning("login refused without checking the password: {User} from {Address} is locked for {Seconds} s", name, address, (int)wait.TotalSeconds);
            }

            await AuditTrail.WriteAsync(context, name, AuditActions.LoginFailed, "locked");
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiError.Of(StatusCodes.Status429TooManyRequests, "login-locked",
                $"quá nhiều lần đăng nhập sai; tài khoản/địa chỉ này bị khoá {Math.Ceiling(wait.TotalMinutes)} phút.",
                $"too many wrong passwords; this account or address is locked for {Math.Ceiling(wait.TotalMinutes)} min.");
        }

        var stored = await tracker.Service.AuthenticateAsync(name, password, context.RequestAborted);
        if (stored is null)
        {
            var locked = await throttle.FailedAsync(name, address);
            if (locked && log.IsEnabled(LogLevel.Warning))
            {
                log.LogWarning("login failed for {User} from {Address}; account locked for {Minutes} min", name, address, LoginThrottle.LockoutMinutes);
            }
            else if (!locked && log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("login failed for {User} from {Address}", name, address);
            }

            await AuditTrail.WriteAsync(context, name, AuditActions.LoginFailed, locked ? "wrong name or password; now locked" : "wrong name or password");
            return ApiError.Of(StatusCodes.Status401Unauthorized, "login-failed", "sai tên hoặc mật khẩu.", "wrong name or password.");
        }

        await throttle.SucceededAsync(name);
        var user = stored.User;
        var sid = await sessions.OpenAsync(user.Name, stored.SessionEpoch, CancellationToken.None);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user, sid));
        await AuditTrail.WriteAsync(context, user.Name, AuditActions.Login, "");
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("login of {User} from {Address}", user.Name, address);
        }

        return Results.Json(Describe(user));
    }

    private static object Describe(TrackerUser user) => new { user = user.Name, role = TrackerRoles.Code(user.Role), commune = user.CommuneCode };
}
