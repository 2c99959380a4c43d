using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Facilities.Web.Tests;

/// <summary>A throwaway self-signed certificate for 127.0.0.1 and localhost, written as PEM files as an operator would give them.</summary>
internal sealed class SelfSignedCertificate
{
    private SelfSignedCertificate(string certPath, string keyPath, string thumbprint)
    {
        CertPath = certPath;
        KeyPath = keyPath;
        Thumbprint = thumbprint;
    }

    public string CertPath { get; }

    public string KeyPath { get; }

    /// <summary>SHA-1 thumbprint, which a client pins to trust exactly this certificate.</summary>
    public string Thumbprint { get; }

    public static SelfSignedCertificate Write(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var certPath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(certPath, cert.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new SelfSignedCertificate(certPath, keyPath, cert.Thumbprint);
    }

    /// <summary>A handler that trusts this certificate and no other (and keeps cookies in <paramref name="jar"/>).</summary>
    public HttpClientHandler Handler(CookieContainer? jar) => new()
    {
        CookieContainer = jar ?? new CookieContainer(),
        UseCookies = jar is not null,
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == Thumbprint,
    };
}
