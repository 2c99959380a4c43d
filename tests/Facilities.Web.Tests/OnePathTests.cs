using Facilities.Formats;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>The server and the command line share one application layer: what they say about the same inputs is the same.</summary>
public sealed class OnePathTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_broken_norms_file_is_refused_by_the_server_in_the_words_of_the_command_line()
    {
        var norms = _dir.Write("hp.json", """{ "version": "hp", "values": { "class_cap.thcs": { "value": 0, "source": "test" } } }""");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.Program.Run(["--lang", "en", "deficit", SharedData.SampleCity, "--year", "2030", "--norms", norms, "--out", _dir.File("d.csv")], output, error);

        var refused = Assert.Throws<DataFileException>(() => new DatasetService(SharedData.SampleCity, norms));

        Assert.NotEqual(0, code);
        Assert.Equal("norms-invalid", refused.Issue.Code);
        Assert.Contains(refused.Issue.Message.En, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("class_cap.thcs", refused.Issue.Message.En, StringComparison.Ordinal);
        Assert.Equal("hp.json", refused.Issue.File);
        Assert.DoesNotContain("hp.json", refused.Issue.Message.En, StringComparison.Ordinal);   // the issue names the file once
    }
}
