using System.CommandLine;
using System.Net.Sockets;
using Facilities.Application;
using Facilities.Storage.PostGis.Datasets;
using Facilities.Web;
using Facilities.Web.Tiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Facilities.Cli.Commands;

/// <summary>
/// <c>facilities serve &lt;dataset&gt; [--db …] [--port N] [--open]</c>: the local map app and tracker API on 127.0.0.1 until
/// Ctrl+C (docs/web-api.md); <c>--listen ADDRESS:PORT</c> with <c>--tls-cert/--tls-key</c> or <c>--behind-proxy</c> for a
/// department server (docs/deployment.md).
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 8080;

    public static Command Create(Func<ParseResult, Ui> ui)
    {
        // The dataset: a GeoPackage or a PostgreSQL location (docs/cli.md); --dataset says the same for those who prefer an option.
        var dataset = CliOptions.Dataset();
        dataset.Arity = ArgumentArity.ZeroOrOne;
        var datasetOption = new Option<string?>("--dataset") { Description = "Bộ dữ liệu (thay cho đối số) / the dataset, instead of the argument: .gpkg or \"Host=…;Database=…;Schema=…\"" };
        var db = new Option<string?>("--db")
        {
            Description = "Hồ sơ GCN trên PostgreSQL thay vì SQLite cạnh bộ dữ liệu / tracker cases in PostgreSQL: \"Host=…;Database=…;Username=…\"",
        };
        var port = new Option<int?>("--port")
        {
            Description = $"Cổng trên 127.0.0.1 (mặc định {DefaultPort}, bận thì chọn cổng trống; 0: cổng trống) / port (default {DefaultPort}, a free one if busy; 0: any free port)",
        };
        var norms = CliOptions.Norms();
        var basemap = new Option<string?>("--basemap") { Description = "URL lớp nền trực tuyến, vd. https://…/{z}/{x}/{y}.png (mặc định: không, chạy ngoại tuyến) / online base map tile URL (default none: works offline)" };
        var log = new Option<bool>("--log") { Description = "Ghi mọi yêu cầu HTTP ra màn hình / log every request" };
        var open = new Option<bool>("--open")
        {
            Description = $"Mở trang trong trình duyệt của máy (xdg-open; biến {BrowserOpener.Variable} chọn lệnh khác) / open the page in the system's browser (xdg-open; {BrowserOpener.Variable} names another opener)",
        };
        var calendar = new Option<FileInfo?>("--calendar") { Description = "Tệp lịch của bộ theo dõi (JSON) / the tracker's calendar file (JSON): day swaps, extra holidays" };
        var procedures = new Option<FileInfo?>("--procedures") { Description = "Tệp thủ tục của tỉnh (JSON) / a province's procedures file (JSON)" };
        var (listen, tlsCert, tlsKey, behindProxy, proxy) = DepartmentOptions();
        var cmd = new Command("serve", "Chạy ứng dụng bản đồ trên máy (127.0.0.1): bản đồ thiếu phòng học, lớp dữ liệu, địa điểm đề xuất, theo dõi GCN.\nRun the local map app: deficit map, layers, candidate sites, certificate tracker.")
        {
            dataset, datasetOption, db, port, norms, basemap, log, open, calendar, procedures, listen, tlsCert, tlsKey, behindProxy, proxy,
        };
        cmd.SetAction(async (r, cancel) =>
        {
            Facilities.Core.Diagnostics.PhaseTrace.Mark("serve: options parsed");
            var u = ui(r);
            var location = r.GetValue(datasetOption) ?? r.GetValue(dataset)
                ?? throw new ArgumentException(u.T("cần bộ dữ liệu: facilities serve TỆP.gpkg hoặc --dataset \"Host=…\".", "a dataset is needed: facilities serve FILE.gpkg or --dataset \"Host=…\"."));
            var database = DatasetLocation.IsDatabase(location) ? PostGisLocation.Parse(location) : null;
            var path = database is null ? Path.GetFullPath(location) : location;
            if (database is null && !File.Exists(path))
            {
                throw new FileNotFoundException(u.T($"không tìm thấy bộ dữ liệu {path}", $"dataset {path} not found"), path);
            }

            if (r.GetValue(port) is < 0 or > 65535)
            {
                throw new ArgumentException(u.T("--port phải trong 0..65535.", "--port must be 0..65535."));
            }

            var endpoint = System.Net.IPEndPoint.Parse("127.0.0.1:0");
            if (r.GetValue(listen) is { } listenText)
            {
                if (r.GetValue(port) is not null)
                {
                    throw new ArgumentException(u.T("dùng --listen ĐỊA_CHỈ:CỔNG hoặc --port, không dùng cả hai.", "use --listen ADDRESS:PORT or --port, not both."));
                }

                endpoint = Facilities.Web.Security.ListenPolicy.ParseListen(listenText) ?? throw new ArgumentException(u.T(
                    $"--listen '{listenText}': cần ĐỊA_CHỈ:CỔNG, vd. 0.0.0.0:8443, [::]:8443, 192.168.1.10:8443.",
                    $"--listen '{listenText}': expected ADDRESS:PORT, e.g. 0.0.0.0:8443, [::]:8443, 192.168.1.10:8443."));
            }

            var proxies = new List<System.Net.IPAddress>();
            foreach (var p in r.GetValue(proxy) ?? [])
            {
                proxies.Add(System.Net.IPAddress.TryParse(p, out var a) ? a : throw new ArgumentException(u.T(
                    $"--proxy '{p}': không phải địa chỉ IP.", $"--proxy '{p}': not an IP address.")));
            }

            if (proxies.Count > 0 && !r.GetValue(behindProxy))
            {
                throw new ArgumentException(u.T("--proxy chỉ dùng cùng --behind-proxy.", "--proxy goes with --behind-proxy."));
            }

            var options = new WebOptions
            {
                DatasetPath = path,
                // A dataset in PostgreSQL keeps its tracker in the same database unless --db names another.
                TrackerDb = r.GetValue(db) ?? database?.ConnectionString,
                TrackerCalendarPath = r.GetValue(calendar)?.FullName,
                ProceduresPath = r.GetValue(procedures)?.FullName,
                NormsPath = r.GetValue(norms)?.FullName,
                Port = r.GetValue(listen) is null ? r.GetValue(port) ?? DefaultPort : endpoint.Port,
                ListenAddress = endpoint.Address,
                TlsCertPath = r.GetValue(tlsCert)?.FullName,
                TlsKeyPath = r.GetValue(tlsKey)?.FullName,
                BehindProxy = r.GetValue(behindProxy),
                BasemapUrl = r.GetValue(basemap),
                RequestLogging = r.GetValue(log),
            };
            if (proxies.Count > 0)
            {
                options = options with { Proxies = proxies };
            }

            if (Facilities.Web.Security.ListenPolicy.Refusal(options) is { } refused)
            {
                throw new ArgumentException(u.T(refused.Vi, refused.En));
            }

            foreach (var file in new[] { options.TlsCertPath, options.TlsKeyPath })
            {
                if (file is not null && !File.Exists(file))
                {
                    throw new FileNotFoundException(u.T($"không tìm thấy tệp {file}", $"file {file} not found"), file);
                }
            }

            // A bad calendar or procedures file stops the start with a message naming the file and entry (the built-in
            // ones are made on first use, off the start).
            if (options.TrackerCalendarPath is not null || options.ProceduresPath is not null)
            {
                _ = Facilities.Web.Tracker.TrackerContext.LoadSetup(options);
            }

            Facilities.Core.Diagnostics.PhaseTrace.Mark("serve: calendar and procedures read");
            var app = await StartAsync(u, options, fallBack: r.GetValue(port) is null && r.GetValue(listen) is null);
            if (app is null)
            {
                return ExitCodes.FileError;
            }

            await using (app)
            {
                Facilities.Core.Diagnostics.PhaseTrace.Mark("serve: listening");
                var address = FacilitiesWebApp.Address(app);
                u.Out.WriteLine($"Bản đồ đang chạy tại / map app running at: {address}/");
                var shown = database?.Display ?? Path.GetFileName(path);
                u.Out.WriteLine($"Bộ dữ liệu / dataset: {shown}; hồ sơ GCN / tracker: {(options.TrackerDb is null ? "SQLite " + Path.GetFileName(path) + ".tracker.sqlite" : "PostgreSQL")}");
                u.Out.WriteLine("Nhấn Ctrl+C để dừng. / Press Ctrl+C to stop.");
                u.Out.Flush();
                if (r.GetValue(open))
                {
                    _ = OpenBrowserAsync(u, address + "/");
                }

                // The parcel tiles' first zoom (the density kept in the file, or counted once after an edit) is made ready
                // in the background, so /api/meta and the first tile find it instead of waiting for it.
                _ = Task.Run(() =>
                {
                    try
                    {
                        Facilities.Core.Diagnostics.PhaseTrace.Mark("warm: begin");
                        app.Services.GetRequiredService<ParcelTiles>().Warm();
                        Facilities.Core.Diagnostics.PhaseTrace.Mark("warm: minZoom known");
                    }
                    catch (Exception e) when (e is IOException or Facilities.Formats.DataFileException or InvalidOperationException or Core.Datasets.DatasetUnavailableException)
                    {
                        u.Err.WriteLine(u.T("cảnh báo: không đọc được thửa đất: ", "warning: could not read the parcels: ") + e.Message);
                    }
                }, CancellationToken.None);
                await app.WaitForShutdownAsync(cancel);
            }

            u.Out.WriteLine(u.T("Đã dừng.", "Stopped."));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The department-server options: where to listen, TLS, and the reverse proxy (docs/deployment.md).</summary>
    private static (Option<string?> Listen, Option<FileInfo?> TlsCert, Option<FileInfo?> TlsKey, Option<bool> BehindProxy, Option<string[]> Proxy) DepartmentOptions() =>
    (
        new Option<string?>("--listen")
        {
            Description = "Nghe trên ĐỊA_CHỈ:CỔNG (vd. 0.0.0.0:8443, [::]:8443); ngoài 127.0.0.1 cần --tls-cert/--tls-key hoặc --behind-proxy / listen on ADDRESS:PORT; beyond loopback needs TLS or --behind-proxy",
        },
        new Option<FileInfo?>("--tls-cert") { Description = "Chứng thư HTTPS (PEM) / HTTPS certificate (PEM)" },
        new Option<FileInfo?>("--tls-key") { Description = "Khoá riêng của chứng thư (PEM) / the certificate's private key (PEM)" },
        new Option<bool>("--behind-proxy")
        {
            Description = "Chạy sau nginx/Caddy phục vụ HTTPS: tin X-Forwarded-* chỉ từ --proxy, cookie luôn Secure / behind an HTTPS reverse proxy: X-Forwarded-* trusted from --proxy only, cookies always Secure",
        },
        new Option<string[]>("--proxy")
        {
            Description = "Địa chỉ IP của proxy (mặc định 127.0.0.1 và ::1; lặp lại được) / the proxy's IP address (default loopback; repeatable)",
            AllowMultipleArgumentsPerToken = false,
        });

    /// <summary>Opens the page in the background; a failure says so and gives the address, and the server runs on.</summary>
    private static async Task OpenBrowserAsync(Ui u, string url)
    {
        var problem = await BrowserOpener.OpenAsync(url, BrowserOpener.Command(Environment.GetEnvironmentVariable(BrowserOpener.Variable)));
        if (problem is { } p)
        {
            u.Err.WriteLine(u.T($"Không mở được trình duyệt: {p.Vi}. Hãy mở {url} bằng tay.", $"Could not open the browser: {p.En}. Open {url} by hand."));
        }
        else
        {
            u.Out.WriteLine(u.T($"Đã mở {url} trong trình duyệt.", $"Opened {url} in the browser."));
        }

        u.Out.Flush();
        u.Err.Flush();
    }

    /// <summary>Starts the app; when the default port is taken, says so and starts on a free one instead.</summary>
    private static async Task<WebApplication?> StartAsync(Ui u, WebOptions options, bool fallBack)
    {
        var app = FacilitiesWebApp.Build(options);
        try
        {
            await app.StartAsync();
            return app;
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            if (!fallBack)
            {
                u.Err.WriteLine(u.T($"lỗi: cổng {options.Port} đang bận; chọn cổng khác bằng --port (0: cổng trống bất kỳ).",
                    $"error: port {options.Port} is in use; choose another with --port (0: any free port)."));
                return null;
            }

            u.Err.WriteLine(u.T($"cổng {options.Port} đang bận; dùng một cổng trống khác.", $"port {options.Port} is in use; using a free port instead."));
            var other = FacilitiesWebApp.Build(options with { Port = 0 });
            await other.StartAsync();
            return other;
        }
    }
}
