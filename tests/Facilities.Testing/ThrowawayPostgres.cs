using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Facilities.Testing;

/// <summary>
/// A PostgreSQL cluster of one test's own (Debian's PostgreSQL 15 binaries), in a fresh data directory under /tmp, on
/// 127.0.0.1 and a free port, with its unix socket inside the data directory: a test may restart or stop it without
/// disturbing the shared server other test projects use at the same time. Stopped and deleted on dispose. fsync stays
/// on: tests that restart the server check what survived. initdb, pg_ctl and postgres refuse to run as root, so as root
/// they run as the postgres user (runuser), which then owns the data directory.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    /// <summary>Where Debian's postgresql-15 package puts initdb, pg_ctl and psql.</summary>
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>How long one initdb, pg_ctl or psql may take before the test fails instead of hanging.</summary>
    private static readonly TimeSpan CommandGuard = TimeSpan.FromMinutes(2);

    private ThrowawayPostgres(string dataDirectory, int port, string database)
    {
        DataDirectory = dataDirectory;
        Port = port;
        Database = database;
    }

    /// <summary>The cluster's data directory (deleted on dispose).</summary>
    public string DataDirectory { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The database created at start.</summary>
    public string Database { get; }

    /// <summary>An Npgsql connection string to <see cref="Database"/> as the superuser postgres (trust authentication).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={Database}";

    /// <summary>The server's log (for failure messages).</summary>
    public string LogPath => Path.Combine(DataDirectory, "log.txt");

    /// <summary>
    /// Creates a cluster, starts it and creates <paramref name="database"/>. Skips the test when the PostgreSQL
    /// binaries are absent, or fails it when FACILITIES_REQUIRE_TOOLS=1 (the test command installs them).
    /// </summary>
    public static ThrowawayPostgres Start(string database = "facilities")
    {
        RequireBinaries();
        var dir = Path.Combine("/tmp", "facilities-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                Run("chown", ["postgres", dir], asPostgres: false);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Run(Tool("initdb"), ["-D", dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], asPostgres: true);
            var cluster = StartOnFreePort(dir, database);
            Run(Tool("psql"), [$"host=127.0.0.1 port={cluster.Port} user=postgres dbname=postgres", "-qXc", $"CREATE DATABASE {database}"], asPostgres: false);
            return cluster;
        }
        catch
        {
            StopAndDelete(dir);
            throw;
        }
    }

    /// <summary>
    /// <c>pg_ctl restart -m fast -w</c>: open connections are terminated, the server shuts down cleanly and starts
    /// again with the same options; returns once it accepts connections.
    /// </summary>
    public Task RestartAsync() =>
        RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-l", LogPath, "-m", "fast", "-w", "-t", "60", "restart"], asPostgres: true);

    /// <summary>Stops the server (fast, then immediate if that fails) and deletes the data directory.</summary>
    public void Dispose() => StopAndDelete(DataDirectory);

    private static ThrowawayPostgres StartOnFreePort(string dir, string database)
    {
        // A port free now may be taken before the server binds it: try a few.
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = FreePort();
            try
            {
                Run(Tool("pg_ctl"), ["-D", dir, "-l", Path.Combine(dir, "log.txt"), "-w", "-t", "60",
                    "-o", $"-h 127.0.0.1 -p {port} -k {dir} -c fsync=on -c max_connections=100", "start"], asPostgres: true);
                return new ThrowawayPostgres(dir, port, database);
            }
            catch (InvalidOperationException x)
            {
                last = x;
            }
        }

        throw new InvalidOperationException("could not start a throwaway PostgreSQL on a free port: " + LogTail(dir), last);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void StopAndDelete(string dir)
    {
        if (File.Exists(Path.Combine(dir, "postmaster.pid")))
        {
            try
            {
                Run(Tool("pg_ctl"), ["-D", dir, "-m", "fast", "-w", "-t", "30", "stop"], asPostgres: true);
            }
            catch (InvalidOperationException)
            {
                Run(Tool("pg_ctl"), ["-D", dir, "-m", "immediate", "-w", "-t", "30", "stop"], asPostgres: true);
            }
        }

        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void RequireBinaries()
    {
        if (new[] { "initdb", "pg_ctl", "psql", "postgres" }.All(t => File.Exists(Tool(t))))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") == "1")
        {
            Assert.Fail($"PostgreSQL 15 is required (FACILITIES_REQUIRE_TOOLS=1) but {BinDirectory} lacks initdb, pg_ctl, psql or postgres; install postgresql-15");
        }

        Assert.Skip($"PostgreSQL 15 not installed ({BinDirectory}; apt-get install postgresql-15)");
    }

    private static string Tool(string name) => Path.Combine(BinDirectory, name);

    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgres) =>
        RunAsync(program, arguments, asPostgres).GetAwaiter().GetResult();

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",   // the postgres user may not reach the test's working directory
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            psi.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                psi.ArgumentList.Add(a);
            }
        }
        else
        {
            psi.FileName = program;
        }

        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["LC_ALL"] = "C";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}");
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(CommandGuard);
        try
        {
            await p.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish in {CommandGuard.TotalSeconds:F0} s");
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {p.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static string LogTail(string dir)
    {
        var log = Path.Combine(dir, "log.txt");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(5)) : "(no log)";
    }
}
