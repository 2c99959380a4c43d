using System.Net;
using System.Net.Sockets;
using Facilities.Cli;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary><c>facilities serve</c> refusals (a running server is what the other tests here talk to).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void An_explicit_port_that_is_busy_is_refused_with_a_clear_message()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(3, Program.Run(["serve", SharedData.SampleCity, "--port", port, "--lang", "en"], output, error));
        Assert.Contains($"port {port} is in use; choose another with --port", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("running at", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_dataset_is_a_file_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(3, Program.Run(["serve", "/nonexistent/city.gpkg", "--port", "0"], output, error));
        Assert.Contains("không tìm thấy bộ dữ liệu", error.ToString(), StringComparison.Ordinal);
    }
}
