using System.Diagnostics;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>
/// The map client's JavaScript passes its linter and its JSDoc type check: <c>npm run check</c> in
/// src/Facilities.Web/client runs ESLint (eslint.config.js), then tsc (tsconfig.json), offline, from the node_modules
/// the Web project's build installed (its FacilitiesBuildClient step runs <c>npm install</c>). Here rather than in the
/// E2E project because it needs node, not a browser.
/// </summary>
public sealed class ClientLintTests
{
    [Fact]
    public async Task The_map_client_has_no_eslint_or_type_check_error()
    {
        var client = Path.Combine(SharedData.RepoRoot, "src", "Facilities.Web", "client");
        foreach (var tool in new[] { "eslint", "tsc" })
        {
            Assert.True(
                File.Exists(Path.Combine(client, "node_modules", ".bin", tool)),
                $"{tool} is not installed in {client}/node_modules: build src/Facilities.Web (it runs npm install) or run npm install there");
        }

        var psi = new ProcessStartInfo("npm", "run --silent check")
        {
            WorkingDirectory = client,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Plain text for the failure message, and nothing asked of a registry: the check runs offline.
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["FORCE_COLOR"] = "0";
        psi.Environment["npm_config_offline"] = "true";
        psi.Environment["npm_config_update_notifier"] = "false";
        using var process = Process.Start(psi)!;
        var token = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(token);
        var stderr = process.StandardError.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);

        Assert.True(process.ExitCode == 0, $"npm run check (ESLint, then tsc) in {client} exited {process.ExitCode}:\n{await stdout}{await stderr}");
    }
}
