using System.Security.Cryptography;
using System.Text.Json;
using Facilities.Core.Diagnostics;
using Facilities.Core.Tracker;
using Facilities.Core.Validation;
using Facilities.Formats;
using Facilities.Web.Endpoints;
using Facilities.Web.Ogc;
using Facilities.Web.Security;
using Facilities.Web.Tiles;
using Facilities.Web.Tracker;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;

namespace Facilities.Web;

/// <summary>
/// The map app's server: the client's static files, the dataset's layers and results as JSON, parcels as vector
/// tiles, OGC API – Features, and the tracker API (docs/web-api.md). Binds 127.0.0.1 unless told otherwise, and any
/// other address only with TLS or behind a reverse proxy (<see cref="ListenPolicy"/>, docs/deployment.md).
/// </summary>
public static class FacilitiesWebApp
{
    /// <summary>Builds the application; the caller starts it (<c>RunAsync</c>, or <c>StartAsync</c> in tests).</summary>
    public static WebApplication Build(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ListenPolicy.Refusal(options) is { } refused)
        {
            throw new ArgumentException(refused.En, nameof(options));
        }

        PhaseTrace.Mark("host: build");
        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FacilitiesWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        PhaseTrace.Mark("host: slim builder created");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(options.ListenAddress, options.Port, listen =>
            {
                if (options.TlsCertPath is not null)
                {
                    listen.UseHttps(LoadCertificate(options.TlsCertPath, options.TlsKeyPath!));
                }
            });
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        // Without --log only what an operator must see: refused logins and lockouts, and internal errors with their id.
        var extra = options.LogTo;
        if (extra is not null)
        {
            builder.Logging.AddProvider(extra);
        }

        builder.Logging.AddFilter((provider, category, level) => provider == extra?.GetType().FullName
            ? category?.StartsWith("Facilities.", StringComparison.Ordinal) == true
            : options.RequestLogging || (category == "Facilities.Security" && level >= LogLevel.Warning)
                || (category == "Facilities.Errors" && level >= LogLevel.Warning));

        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            j.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        var dataset = new DatasetService(options.DatasetPath, options.NormsPath);
        PhaseTrace.Mark("host: dataset opened");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(dataset);
        builder.Services.AddSingleton(new TrackerContext(options, dataset));
        var security = new TrackerSecurity(options, dataset.Path);
        builder.Services.AddSingleton(security);
        builder.Services.AddSingleton(new SessionRegistry(security, options.Time, options.SessionIdle, options.SessionLifetime));
        builder.Services.AddSingleton(new LoginThrottle(security, options.Time));
        TrackerLimits.Add(builder.Services, options);
        builder.Services.AddSingleton(new ParcelTiles(dataset));
        // Nothing the server hands out is encrypted with these keys (the session cookie is a bare id, SessionCookieFormat),
        // so per-process ephemeral keys cost nothing when several processes share one database.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(c =>
        {
            c.Cookie.Name = "facilities_session";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Strict;
            // Secure on every HTTPS request; behind a proxy always, as the browser reached the proxy over HTTPS even if
            // a misconfigured proxy forgets X-Forwarded-Proto.
            c.Cookie.SecurePolicy = options.BehindProxy ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // The cookie only names a server-side session kept in the tracker's database (SessionRegistry), which
            // enforces the idle and absolute lifetimes and is ended by logout or any change of the account
            // (docs/security.md); every server process on that database reads the same sessions.
            c.TicketDataFormat = new SessionCookieFormat();
            c.ExpireTimeSpan = options.SessionLifetime;
            c.SlidingExpiration = false;
            c.Events.OnValidatePrincipal = AuthEndpoints.ValidateAsync;
            // An API answers 401/403 with the error body; it never redirects to a login page.
            c.Events.OnRedirectToLogin = e => ApiError.Of(StatusCodes.Status401Unauthorized, "login-required",
                "cần đăng nhập.", "login required.").ExecuteAsync(e.HttpContext);
            c.Events.OnRedirectToAccessDenied = e => ApiError.Of(StatusCodes.Status403Forbidden, "forbidden",
                "không có quyền.", "not allowed.").ExecuteAsync(e.HttpContext);
        });
        builder.Services.AddAuthorization();

        // On loopback over plain HTTP a web page the user opens elsewhere could still reach the app through a DNS name
        // rebound to 127.0.0.1; such requests carry that name as Host, so only loopback names are served. With TLS a
        // rebound name fails the browser's certificate check, and behind a proxy the proxy's server_name chooses
        // which names reach the app, so the department's own name is served.
        var loopbackOnly = options.TlsCertPath is null && !options.BehindProxy;
        builder.Services.Configure<HostFilteringOptions>(h => h.AllowedHosts = loopbackOnly ? ["localhost", "127.0.0.1", "[::1]"] : ["*"]);
        builder.Services.Configure<ForwardedHeadersOptions>(f =>
        {
            f.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the named proxies: a client that sends X-Forwarded-For itself must not choose the address the
            // audit log and the login throttle see.
            f.KnownIPNetworks.Clear();
            f.KnownProxies.Clear();
            foreach (var proxy in options.Proxies)
            {
                f.KnownProxies.Add(proxy);
            }
        });

        PhaseTrace.Mark("host: services added");
        var app = builder.Build();
        PhaseTrace.Mark("host: app built");
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleError, SuppressDiagnosticsCallback = _ => true });
        if (options.BehindProxy)
        {
            // First: the client address, scheme and host the proxy saw are what every later step uses.
            app.UseForwardedHeaders();
        }

        app.UseHostFiltering();
        app.Use(CrossSiteGuard.InvokeAsync);
        // Data edited while the server runs (QGIS on PostGIS, a replaced GeoPackage) shows in the next answer.
        app.Use((context, next) =>
        {
            if (PhaseTrace.Enabled)
            {
                PhaseTrace.Mark("request " + context.Request.Path);
            }

            dataset.RefreshFor(context.Request.Path);
            return next(context);
        });
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.UseRouting();
        // Before authentication: a request turned away for load costs no account lookup.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        MetaEndpoints.Map(app, options);
        LayerEndpoints.Map(app);
        ResultEndpoints.Map(app);
        ProgrammeEndpoints.Map(app);
        TileEndpoints.Map(app);
        Tiles.TileDiscoveryEndpoints.Map(app);
        OgcEndpoints.Map(app);
        AuthEndpoints.Map(app);
        CaseEndpoints.Map(app);
        app.MapFallback("/api/{**rest}", () => ApiError.NotFound("không có địa chỉ này.", "no such address."));
        PhaseTrace.Mark("host: endpoints mapped");
        var tracker = app.Services.GetRequiredService<TrackerContext>();
        // Open (and migrate) the tracker's store as the server starts, not inside the first burst of requests; a
        // database that is down now is tried again on first use.
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            try
            {
                _ = tracker.Store;
                _ = security.Store;
                _ = tracker.Setup;
                PhaseTrace.Mark("tracker store opened (background)");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Facilities.Errors")
                    .LogError(e, "the tracker's store could not be opened at start; it is tried again on first use");
            }
        }));
        return app;
    }

    /// <summary>The address the app listens on once started (http://127.0.0.1:port).</summary>
    public static string Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feature = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>();
        return feature?.Addresses.FirstOrDefault()?.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) ?? "";
    }

    /// <summary>A PEM certificate and key (the key may be PKCS#8 or RSA/EC); re-exported so Kestrel can use the key on Linux.</summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadCertificate(string cert, string key)
    {
        using var pem = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(cert, key);
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(pem.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12), null);
    }

    private static Task HandleError(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is CaseStoreUnavailableException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Facilities.Errors")
                .LogWarning("{Method} {Path}: {Message}", context.Request.Method, context.Request.Path, error.Message);
            return ApiError.WriteBusyAsync(context, database: true);
        }

        IResult answer;
        switch (error)
        {
            case DataFileException e:
                answer = ApiError.Of(StatusCodes.Status422UnprocessableEntity, e.Issue.Code, e.Issue.Render(Language.Vi), e.Issue.Render(Language.En));
                break;
            case BadHttpRequestException e:
                answer = ApiError.Of(e.StatusCode, "bad-request", "yêu cầu không hợp lệ.", "bad request.");
                break;
            default:
                // Only an id goes to the client: exception texts name tables, paths and database errors. The log has it all.
                var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Facilities.Errors")
                    .LogError(error, "internal error {ErrorId} on {Method} {Path}", id, context.Request.Method, context.Request.Path);
                answer = Results.Json(new
                {
                    error = new { code = "internal", vi = $"lỗi nội bộ, mã lỗi {id} (xem nhật ký máy chủ).", en = $"internal error, error id {id} (see the server log).", id },
                }, statusCode: StatusCodes.Status500InternalServerError);
                break;
        }

        return answer.ExecuteAsync(context);
    }
}
