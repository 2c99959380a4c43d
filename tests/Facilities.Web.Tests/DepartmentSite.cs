using Facilities.Core.Tracker;
using Facilities.Testing;
using Facilities.Web.Security;
using Facilities.Web.Tracker;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Facilities.Web.Tests;

/// <summary>A generated dataset (3 communes, 99001–99003) with the accounts admin and cb1 (commune 99001), for the department-server tests.</summary>
internal sealed class DepartmentSite : IDisposable
{
    public const string Own = "99001-mam_non-2";

    public DepartmentSite()
    {
        Dataset = Dir.File("d.gpkg");
        CliRun.Ok("generate", "--out", Dataset, "--parcels", "0", "--wards", "3");
    }

    public TempDir Dir { get; } = new();

    public string Dataset { get; }

    public SettableClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));

    /// <summary>Creates admin and cb1 through the app's own service (the first account needs no login).</summary>
    public static async Task AddAccountsAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var service = app.Services.GetRequiredService<TrackerContext>().Service;
        var admin = new TrackerUser("admin", TrackerRole.CityDepartment);
        Assert.Null(await service.AddUserAsync(null, admin, "admin-pw-1"));
        Assert.Null(await service.AddUserAsync(admin, new TrackerUser("cb1", TrackerRole.CommuneOfficial, "99001"), "cb1-pw-12"));
    }

    /// <summary>The audit log as the app's own store reads it.</summary>
    public static Task<IReadOnlyList<AuditEntry>> AuditAsync(Microsoft.AspNetCore.Builder.WebApplication app) =>
        app.Services.GetRequiredService<TrackerSecurity>().Store.ListAuditAsync(cancel: TestContext.Current.CancellationToken);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Dir.Dispose();
    }
}
