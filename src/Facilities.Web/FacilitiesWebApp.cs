using System.Net;
using System.Text.Json;
using Facilities.Core.Validation;
using Facilities.IO;
using Facilities.Web.Endpoints;
using Facilities.Web.Ogc;
using Facilities.Web.Tiles;
using Facilities.Web.Tracker;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.FileProviders;

namespace Facilities.Web;

/// <summary>
/// The map app's server: the client's static files, the dataset's layers and results as JSON, parcels as vector
/// tiles, OGC API – Features, and the tracker API (docs/web-api.md). Binds 127.0.0.1 only.
/// </summary>
public static class FacilitiesWebApp
{
    /// <summary>Builds the application; the caller starts it (<c>RunAsync</c>, or <c>StartAsync</c> in tests).</summary>
    public static WebApplication Build(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FacilitiesWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        if (options.RequestLogging)
        {
            builder.Logging.AddSimpleConsole();
        }

        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            j.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        var dataset = new DatasetService(options.DatasetPath, options.NormsPath);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(dataset);
        builder.Services.AddSingleton(new TrackerContext(options, dataset));
        builder.Services.AddSingleton(new ParcelTiles(dataset));
        // Sign-ins live as long as the process: a local app has no farm to share keys with, and no key file is left behind.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(c =>
        {
            c.Cookie.Name = "facilities_session";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Strict;
            c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            c.ExpireTimeSpan = TimeSpan.FromHours(10);
            c.SlidingExpiration = true;
            // An API answers 401/403 with the error body; it never redirects to a login page.
            c.Events.OnRedirectToLogin = e => ApiError.Of(StatusCodes.Status401Unauthorized, "login-required",
                "cần đăng nhập.", "login required.").ExecuteAsync(e.HttpContext);
            c.Events.OnRedirectToAccessDenied = e => ApiError.Of(StatusCodes.Status403Forbidden, "forbidden",
                "không có quyền.", "not allowed.").ExecuteAsync(e.HttpContext);
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleError, SuppressDiagnosticsCallback = _ => true });
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        MetaEndpoints.Map(app, options);
        LayerEndpoints.Map(app);
        ResultEndpoints.Map(app);
        TileEndpoints.Map(app);
        OgcEndpoints.Map(app);
        AuthEndpoints.Map(app);
        CaseEndpoints.Map(app);
        app.MapFallback("/api/{**rest}", () => ApiError.NotFound("không có địa chỉ này.", "no such address."));
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

    private static Task HandleError(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var answer = error switch
        {
            DataFileException e => ApiError.Of(StatusCodes.Status422UnprocessableEntity, e.Issue.Code,
                e.Issue.Render(Language.Vi), e.Issue.Render(Language.En)),
            BadHttpRequestException e => ApiError.Of(StatusCodes.Status400BadRequest, "bad-request", "yêu cầu không hợp lệ: " + e.Message, "bad request: " + e.Message),
            _ => ApiError.Of(StatusCodes.Status500InternalServerError, "internal", "lỗi nội bộ: " + error?.Message, "internal error: " + error?.Message),
        };
        return answer.ExecuteAsync(context);
    }
}
