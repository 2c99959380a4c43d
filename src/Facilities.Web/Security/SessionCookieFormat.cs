using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Facilities.Web.Security;

/// <summary>
/// What the session cookie holds: the session id alone, not an encrypted ticket. The id is 256 random bits and means
/// something only while its session is open in the tracker's database (<see cref="SessionRegistry"/>), so it needs no
/// signature or encryption, and several server processes need no shared key ring to read each other's cookies (the
/// default ASP.NET format encrypts with per-process keys, which a second process cannot read). The account behind
/// the session (name, role, commune) is read from the database on every request by <c>AuthEndpoints.ValidateAsync</c>.
/// </summary>
internal sealed class SessionCookieFormat : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>The claim the session id travels in between sign-in and the cookie, and from the cookie to validation.</summary>
    public const string SessionClaim = "facilities_sid";

    /// <summary>Length of an id from <see cref="SessionRegistry.OpenAsync"/> (32 bytes, base64url without padding).</summary>
    private const int IdLength = 43;

    public string Protect(AuthenticationTicket data) => Protect(data, null);

    public string Protect(AuthenticationTicket data, string? purpose)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Principal.FindFirstValue(SessionClaim) ?? throw new InvalidOperationException("a sign-in without a session id");
    }

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is not { Length: IdLength } || !protectedText.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var identity = new ClaimsIdentity([new Claim(SessionClaim, protectedText)], CookieAuthenticationDefaults.AuthenticationScheme);
        return new AuthenticationTicket(new ClaimsPrincipal(identity), CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
