using Facilities.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Facilities.Web.E2E;

/// <summary>
/// The real server (<see cref="FacilitiesWebApp.Build"/>) on a real 127.0.0.1 port over a fresh temp copy of
/// gis-data/sample-city.gpkg. With the tracker, two accounts and a few cases are made first through the CLI.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    public const string Password = "mat-khau-thu-nghiem";
    public const string CityUser = "so-gd";
    public const string CommuneUser = "canbo-99004";
    public const string CommuneCode = "99004";

    /// <summary>The clock of the server: cases received on 5 January are overdue by then, those of November are not.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));

    private readonly TempDir _dir;
    private readonly WebApplication _app;

    private TestApp(TempDir dir, string dataset, WebApplication app, TrackerCases? cases)
    {
        _dir = dir;
        Dataset = dataset;
        _app = app;
        Cases = cases;
        Address = FacilitiesWebApp.Address(app);
    }

    public string Dataset { get; }

    public string Address { get; }

    public TempDir Dir => _dir;

    /// <summary>The cases made before start (null without the tracker).</summary>
    public TrackerCases? Cases { get; }

    public static async Task<TestApp> StartAsync(bool tracker = false, string? title = null)
    {
        var dir = new TempDir();
        var dataset = dir.File("sample-city.gpkg");
        File.Copy(SharedData.SampleCity, dataset);
        if (title is not null)
        {
            global::Facilities.Storage.Sqlite.DatasetTitle.Set(dataset, title);
        }

        var cases = tracker ? TrackerCases.Create(dataset) : null;
        var app = FacilitiesWebApp.Build(new WebOptions { DatasetPath = dataset, Port = 0, Time = new FixedTime(Now) });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApp(dir, dataset, app, cases);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

/// <summary>
/// Tracker data for the tests, made with <c>facilities cases</c>: a city account, a commune official of 99004, and
/// three cases — one in 99004 received in January (overdue), one in 99004 checked in November, one in 99002 received
/// in November.
/// </summary>
internal sealed record TrackerCases(string OverdueSite, string CheckedSite, string OtherCommuneSite)
{
    public static TrackerCases Create(string dataset)
    {
        Facilities.Run("cases", "users", "add", TestApp.CityUser, "--role", "city_department", "--new-password", TestApp.Password, "--dataset", dataset);
        string[] login = ["--dataset", dataset, "--user", TestApp.CityUser, "--password", TestApp.Password];
        Facilities.Run(["cases", "users", "add", TestApp.CommuneUser, "--role", "commune_official", "--commune", TestApp.CommuneCode, "--new-password", TestApp.Password, .. login]);

        var home = SitesWithoutCertificate(dataset, TestApp.CommuneCode);
        var other = SitesWithoutCertificate(dataset, "99002");
        var cases = new TrackerCases(home[0], home[1], other[0]);
        Facilities.Run(["cases", "advance", cases.OverdueSite, "--to", "received", "--at", "2026-01-05T09:00:00+07:00", "--note", "Hồ sơ nộp đầu năm", .. login]);
        Facilities.Run(["cases", "advance", cases.CheckedSite, "--to", "received", "--at", "2026-11-02T09:00:00+07:00", .. login]);
        Facilities.Run(["cases", "advance", cases.CheckedSite, "--to", "checked", "--at", "2026-11-10T09:00:00+07:00", .. login]);
        Facilities.Run(["cases", "advance", cases.OtherCommuneSite, "--to", "received", "--at", "2026-11-16T09:00:00+07:00", .. login]);
        return cases;
    }

    /// <summary>Ids of a commune's schools with no land-use certificate, read straight from the GeoPackage.</summary>
    private static List<string> SitesWithoutCertificate(string dataset, string commune)
    {
        using var connection = new SqliteConnection($"Data Source={dataset};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM schools WHERE ward_code = $c AND COALESCE(land_certificate, '') NOT IN ('issued', 'yes') ORDER BY id";
        command.Parameters.AddWithValue("$c", commune);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        Assert.True(ids.Count >= 2, $"the sample city should have two schools without a certificate in {commune}");
        return ids;
    }
}
