using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Facilities.Web.Tests;

/// <summary>
/// Real <c>facilities serve</c> OS processes (the apphost built beside the tests) on a PostgreSQL database of their
/// own, created on the test server and dropped with the processes: the department deployment as it runs, with
/// nothing shared through the test's memory.
/// </summary>
internal sealed partial class ServeProcesses : IAsyncDisposable
{
    private readonly List<Process> _servers = [];
    private readonly List<StringBuilder> _errors = [];
    private string? _admin;
    private string? _database;

    /// <summary>The test server's connection string, or skips (fails under FACILITIES_REQUIRE_TOOLS=1) without one.</summary>
    public static string TestServer()
    {
        var server = Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") != "1", "set FACILITIES_TEST_PG");
            Assert.Fail("FACILITIES_TEST_PG is required (FACILITIES_REQUIRE_TOOLS=1) but not set; scripts/test.sh starts a PostgreSQL server");
        }

        return server!;
    }

    /// <summary>Every process's stderr so far (for a failure message).</summary>
    public string Errors => string.Join(Environment.NewLine, _errors.Select(e =>
    {
        lock (e)
        {
            return e.ToString();
        }
    }));

    /// <summary>True while every started process is running.</summary>
    public bool AllRunning => _servers.All(p => !p.HasExited);

    /// <summary>
    /// A fresh database on the test server, named after the test server's database (serve keeps the tracker in the
    /// default schema of --db, so each test needs a database of its own); its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string server, CancellationToken cancel)
    {
        var admin = new NpgsqlConnectionStringBuilder(server);
        _database = (admin.Database ?? "postgres") + "_procs_" + Guid.NewGuid().ToString("N")[..12];
        _admin = admin.ConnectionString;
        await using (var c = new NpgsqlConnection(_admin))
        {
            await c.OpenAsync(cancel);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", c);
            await create.ExecuteNonQueryAsync(cancel);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
    }

    /// <summary>
    /// Starts <c>facilities serve DATASET --db … --port 0</c> as its own process and waits for the line that names its
    /// address (http://127.0.0.1:port); fails with the process's stderr if it ends first.
    /// </summary>
    public async Task<string> StartAsync(string dataset, string connection, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "facilities"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "serve", dataset, "--db", connection, "--port", "0" })
        {
            start.ArgumentList.Add(a);
        }

        var p = Process.Start(start) ?? throw new InvalidOperationException("could not start facilities serve");
        _servers.Add(p);
        var errors = new StringBuilder();
        _errors.Add(errors);
        p.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        p.BeginErrorReadLine();

        // The address line comes within the first few lines; a bounded read, no sleeps.
        for (var i = 0; i < 20; i++)
        {
            var line = await p.StandardOutput.ReadLineAsync(cancel);
            if (line is null)
            {
                await p.WaitForExitAsync(cancel);
                Assert.Fail($"facilities serve ended (exit {p.ExitCode}) before printing its address: {errors}");
            }

            if (AddressPattern().Match(line) is { Success: true } m)
            {
                // Keep draining stdout so the process never blocks on a full pipe.
                _ = p.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return m.Value;
            }
        }

        Assert.Fail($"facilities serve printed no address in its first 20 lines: {errors}");
        return "";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _servers)
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }

            await p.WaitForExitAsync(CancellationToken.None);
            p.Dispose();
        }

        if (_admin is not null && _database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(_admin);
            await c.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", c);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex AddressPattern();
}
