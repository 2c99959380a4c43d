using System.Globalization;
using System.Net;

namespace Facilities.Web.Security;

/// <summary>
/// Where the server may listen and how: loopback over plain HTTP (one machine, the default), any other address only
/// with TLS (the server's own certificate) or behind a reverse proxy that terminates TLS (the proxy's address trusted
/// for X-Forwarded-*). A LAN address over plain HTTP would send passwords and session cookies in clear.
/// </summary>
public static class ListenPolicy
{
    /// <summary>Why <paramref name="options"/> may not be served (Vietnamese, English, with the fix); null when they may.</summary>
    public static (string Vi, string En)? Refusal(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if ((options.TlsCertPath is null) != (options.TlsKeyPath is null))
        {
            return ("--tls-cert và --tls-key phải đi cùng nhau (tệp PEM chứng thư và khoá).",
                "--tls-cert and --tls-key go together (PEM certificate and key files).");
        }

        if (options.TlsCertPath is not null && options.BehindProxy)
        {
            return ("chọn một: --tls-cert/--tls-key (máy chủ tự phục vụ HTTPS) hoặc --behind-proxy (proxy phục vụ HTTPS).",
                "choose one: --tls-cert/--tls-key (the server serves HTTPS) or --behind-proxy (the proxy serves HTTPS).");
        }

        if (!IPAddress.IsLoopback(options.ListenAddress) && options.TlsCertPath is null && !options.BehindProxy)
        {
            return ($"không nghe trên {options.ListenAddress} bằng HTTP thường (mật khẩu và cookie sẽ đi không mã hoá): thêm --tls-cert <cert.pem> --tls-key <key.pem>, hoặc --behind-proxy khi nginx/Caddy phục vụ HTTPS phía trước (docs/deployment.md).",
                $"refusing to listen on {options.ListenAddress} over plain HTTP (passwords and cookies would travel in clear): add --tls-cert <cert.pem> --tls-key <key.pem>, or --behind-proxy when nginx/Caddy serves HTTPS in front (docs/deployment.md).");
        }

        return null;
    }

    /// <summary>Parses <c>ADDRESS:PORT</c> (<c>0.0.0.0:8443</c>, <c>[::]:8443</c>, <c>192.168.1.10:8443</c>); null when malformed.</summary>
    public static IPEndPoint? ParseListen(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return null;
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            return null; // an IPv6 address needs brackets, or its last group would read as the port
        }

        return IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, port) : null;
    }
}
