using System.Diagnostics;
using System.Text.Json;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>
/// The files of deploy/ agree with each other and with the server's options. scripts/deploy-test.sh runs the Debian
/// install itself (nginx, PostgreSQL, the app); here: the compose file parses as YAML (read by Python's PyYAML as the
/// reference parser) with the proxy the app trusts at nginx's address, and, where `docker compose` exists, Docker's
/// own check of it (`docker compose config`); this machine has Docker without the compose plugin, so that part skips.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static string Deploy(string name) => Path.Combine(SharedData.RepoRoot, "deploy", name);

    [Fact]
    public void The_compose_file_parses_and_the_app_trusts_forwarded_headers_only_from_its_nginx()
    {
        var json = Run("python3", ["-c", "import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", Deploy("docker-compose.yml")], out var code);
        if (code != 0)
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") != "1", "python3 with PyYAML is not available: " + json);
            Assert.Fail("python3 with PyYAML could not parse deploy/docker-compose.yml: " + json);
        }

        var services = JsonDocument.Parse(json).RootElement.GetProperty("services");
        Assert.Equal(["app", "db", "proxy"], services.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var app = services.GetProperty("app");
        var proxyAddress = services.GetProperty("proxy").GetProperty("networks").GetProperty("backend").GetProperty("ipv4_address").GetString();
        Assert.Equal(proxyAddress, app.GetProperty("environment").GetProperty("FACILITIES_PROXY").GetString());
        Assert.Equal("deploy/Dockerfile", app.GetProperty("build").GetProperty("dockerfile").GetString());
        Assert.Contains("--behind-proxy --proxy \\\"$FACILITIES_PROXY\\\"", File.ReadAllText(Deploy("Dockerfile")), StringComparison.Ordinal);
        Assert.Contains(services.GetProperty("proxy").GetProperty("volumes").EnumerateArray(), v => v.GetString()!.StartsWith("./nginx/docker.conf:", StringComparison.Ordinal));
    }

    [Fact]
    public void Docker_compose_config_accepts_the_compose_file_where_the_compose_plugin_exists()
    {
        _ = Run("docker", ["compose", "version"], out var code);
        Assert.SkipWhen(code != 0, "`docker compose` is not available on this machine (Docker without the compose plugin): not run");
        var output = Run("docker", ["compose", "-f", Deploy("docker-compose.yml"), "config", "--quiet"], out code, ("POSTGRES_PASSWORD", "check-only"));
        Assert.True(code == 0, output);
    }

    [Fact]
    public void The_compose_nginx_site_is_the_debian_site_with_only_the_upstream_changed()
    {
        static IEnumerable<string> Directives(string path) => File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
        var debian = Directives(Path.Combine(SharedData.RepoRoot, "deploy", "nginx", "facilities.conf")).ToList();
        var docker = Directives(Path.Combine(SharedData.RepoRoot, "deploy", "nginx", "docker.conf")).ToList();
        Assert.Equal(debian.Select(l => l.Replace("http://127.0.0.1:8080", "http://app:8080", StringComparison.Ordinal)), docker);
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", debian);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", debian);
    }

    [Fact]
    public void The_systemd_unit_serves_on_loopback_behind_the_proxy()
    {
        var exec = Assert.Single(File.ReadAllLines(Deploy("facilities.service")), l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        Assert.Contains("--listen 127.0.0.1:8080 --behind-proxy", exec, StringComparison.Ordinal);
        Assert.Contains("proxy_pass http://127.0.0.1:8080;", File.ReadAllText(Path.Combine(SharedData.RepoRoot, "deploy", "nginx", "facilities.conf")), StringComparison.Ordinal);
    }

    private static string Run(string file, string[] args, out int code, params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }

        try
        {
            using var p = Process.Start(start)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            code = p.ExitCode;
            return code == 0 ? stdout.Result : stderr + stdout.Result;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            code = -1;
            return e.Message;
        }
    }
}
