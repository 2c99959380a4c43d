using System.ComponentModel;
using System.Diagnostics;

namespace Facilities.Cli.Commands;

/// <summary>
/// Opens the map app in the system's browser for <c>serve --open</c> (the desktop-map substitute): xdg-open on
/// Linux, open on macOS, the shell on Windows; <see cref="Variable"/> names another opener (a tester's script, or a
/// browser). Opening is a convenience: every failure is reported and the server keeps running.
/// </summary>
internal static class BrowserOpener
{
    /// <summary>Environment variable naming the opener command (run with the address as its only argument).</summary>
    public const string Variable = "FACILITIES_BROWSER";

    /// <summary>The opener: <see cref="Variable"/> when set, else the platform's; null on Windows (the shell opens URLs).</summary>
    public static string? Command(string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? configured.Trim()
        : OperatingSystem.IsWindows() ? null
        : OperatingSystem.IsMacOS() ? "open"
        : "xdg-open";

    /// <summary>
    /// Starts <paramref name="command"/> on <paramref name="url"/> and waits for the opener (not the browser) to
    /// finish. Null when it reported success; otherwise why not, in Vietnamese and English.
    /// </summary>
    public static async Task<(string Vi, string En)?> OpenAsync(string url, string? command)
    {
        if (command is not null && Find(command) is null)
        {
            return ($"không có lệnh mở trình duyệt '{command}' trên máy này", $"there is no browser opener '{command}' on this machine");
        }

        var start = command is null
            ? new ProcessStartInfo(url) { UseShellExecute = true }
            : new ProcessStartInfo(Find(command)!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (command is not null)
        {
            start.ArgumentList.Add(url);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null || command is null)
            {
                return null;
            }

            // Drained so a chatty opener cannot block on a full pipe.
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            await process.WaitForExitAsync();
            await drain;
            return process.ExitCode == 0
                ? null
                : ($"lệnh '{command}' kết thúc với mã {process.ExitCode} (có thể máy không có trình duyệt hoặc màn hình)",
                    $"'{command}' exited with code {process.ExitCode} (perhaps no browser or display)");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return ($"không chạy được '{command ?? url}': {e.Message}", $"could not run '{command ?? url}': {e.Message}");
        }
    }

    /// <summary>The executable's full path: as given when it contains a slash, else the first match on PATH.</summary>
    private static string? Find(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal) || command.Contains('\\', StringComparison.Ordinal))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
    }
}
