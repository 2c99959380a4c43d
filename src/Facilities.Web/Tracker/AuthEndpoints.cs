using System.Security.Claims;
using Facilities.Core.Tracker;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Facilities.Web.Tracker;

/// <summary>/api/login, /api/logout, /api/me: local tracker accounts, a cookie session (HttpOnly, SameSite=Strict).</summary>
internal static class AuthEndpoints
{
    private const string RoleClaim = "facilities_role";
    private const string CommuneClaim = "facilities_commune";

    public sealed record LoginRequest(string? User, string? Password);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/login", async (LoginRequest body, HttpContext context, TrackerContext tracker) =>
        {
            if (tracker.Store.CountUsers() == 0)
            {
                return ApiError.Of(StatusCodes.Status401Unauthorized, "no-accounts",
                    "chưa có tài khoản nào: tạo bằng `facilities cases users add <tên> --role city_department --dataset <tệp.gpkg>`.",
                    "there is no account yet: create one with `facilities cases users add <name> --role city_department --dataset <file.gpkg>`.");
            }

            var user = tracker.Service.Login(body.User ?? "", body.Password ?? "");
            if (user is null)
            {
                return ApiError.Of(StatusCodes.Status401Unauthorized, "login-failed", "sai tên hoặc mật khẩu.", "wrong name or password.");
            }

            var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(RoleClaim, TrackerRoles.Code(user.Role)) };
            if (user.CommuneCode is { } commune)
            {
                claims.Add(new Claim(CommuneClaim, commune));
            }

            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
            return Results.Json(Describe(user));
        });
        app.MapPost("/api/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        });
        app.MapGet("/api/me", (ClaimsPrincipal principal) => Results.Json(Describe(UserOf(principal)!))).RequireAuthorization();
    }

    /// <summary>The tracker user a signed-in principal stands for; null when not signed in.</summary>
    public static TrackerUser? UserOf(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && principal.Identity.Name is { } name && TrackerRoles.TryParse(principal.FindFirstValue(RoleClaim), out var role)
            ? new TrackerUser(name, role, principal.FindFirstValue(CommuneClaim))
            : null;

    private static object Describe(TrackerUser user) => new { user = user.Name, role = TrackerRoles.Code(user.Role), commune = user.CommuneCode };
}
