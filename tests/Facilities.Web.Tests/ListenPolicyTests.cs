using System.Net;
using Facilities.Cli;
using Facilities.Web.Security;

namespace Facilities.Web.Tests;

/// <summary>Where <c>facilities serve</c> may listen: loopback over HTTP, anything else only with TLS or behind a proxy.</summary>
public sealed class ListenPolicyTests
{
    [Theory]
    [InlineData("0.0.0.0:8443", "0.0.0.0", 8443)]
    [InlineData("[::]:8443", "::", 8443)]
    [InlineData("192.168.1.10:8443", "192.168.1.10", 8443)]
    [InlineData("[fe80::1]:80", "fe80::1", 80)]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    public void Listen_reads_ipv4_and_bracketed_ipv6_addresses_with_their_port(string text, string address, int port)
    {
        var endpoint = ListenPolicy.ParseListen(text);
        Assert.NotNull(endpoint);
        Assert.Equal((IPAddress.Parse(address), port), (endpoint.Address, endpoint.Port));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::1:8443")]
    [InlineData("[::]")]
    [InlineData("server.local:8443")]
    [InlineData("0.0.0.0:70000")]
    [InlineData("0.0.0.0:-1")]
    public void Listen_without_a_port_with_a_name_or_an_unbracketed_ipv6_address_is_malformed(string text) =>
        Assert.Null(ListenPolicy.ParseListen(text));

    [Fact]
    public void A_lan_address_is_refused_over_plain_http_and_allowed_with_tls_or_behind_a_proxy()
    {
        var lan = new WebOptions { DatasetPath = "d.gpkg", ListenAddress = IPAddress.Parse("192.168.1.10") };
        var refusal = ListenPolicy.Refusal(lan);
        Assert.NotNull(refusal);
        Assert.Contains("--tls-cert", refusal.Value.En, StringComparison.Ordinal);
        Assert.Contains("--behind-proxy", refusal.Value.Vi, StringComparison.Ordinal);
        Assert.Null(ListenPolicy.Refusal(lan with { TlsCertPath = "c.pem", TlsKeyPath = "k.pem" }));
        Assert.Null(ListenPolicy.Refusal(lan with { BehindProxy = true }));
        Assert.Null(ListenPolicy.Refusal(lan with { ListenAddress = IPAddress.IPv6Loopback }));
        Assert.NotNull(ListenPolicy.Refusal(lan with { TlsCertPath = "c.pem" }));
        Assert.NotNull(ListenPolicy.Refusal(lan with { TlsCertPath = "c.pem", TlsKeyPath = "k.pem", BehindProxy = true }));
    }

    [Theory]
    [InlineData("0.0.0.0:8443")]
    [InlineData("[::]:8443")]
    public void Serve_on_an_open_address_without_tls_exits_non_zero_with_one_line_naming_the_fix(string listen)
    {
        using var dir = new Facilities.Testing.TempDir();
        var dataset = dir.File("d.gpkg");
        File.WriteAllBytes(dataset, []);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(["serve", dataset, "--listen", listen, "--lang", "en"], output, error);
        Assert.Equal(1, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("plain HTTP", line, StringComparison.Ordinal);
        Assert.Contains("--tls-cert <cert.pem> --tls-key <key.pem>", line, StringComparison.Ordinal);
        Assert.Contains("--behind-proxy", line, StringComparison.Ordinal);
    }
}
