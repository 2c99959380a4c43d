using System.Text.Json;
using Facilities.Web;

namespace Facilities.Storage.PostGis.Tests.Datasets;

/// <summary>The map app's server on a PostGIS dataset, on loopback: an edit made straight in the database shows without a restart.</summary>
public sealed class PostGisServeTests
{
    private static async Task<JsonElement> Ward(HttpClient client, string ward)
    {
        var json = await client.GetStringAsync(new Uri("/api/deficit?level=thcs&year=2030", UriKind.Relative), TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties"))
            .Single(p => p.GetProperty("ward_code").GetString() == ward).Clone();
    }

    [Fact]
    public async Task ASchoolInsertedWithSqlChangesTheNextDeficitAnswerOfTheRunningServer()
    {
        using var pg = PgDataset.SampleCity();
        var app = FacilitiesWebApp.Build(new WebOptions
        {
            DatasetPath = pg.Location,
            TrackerDb = pg.ConnectionString,
            TrackerSchema = pg.Schema + "_tracker",
            Port = 0,
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(FacilitiesWebApp.Address(app)) };
            var before = await Ward(client, "99001");

            // What QGIS does when a school is added to the layer: one INSERT into the table.
            pg.Sql("INSERT INTO {s}.schools (id, name, level, classrooms, ownership, ward_code, geom) " +
                "VALUES ('99001-thcs-new', 'Trường THCS Mới', 'thcs', 40, 'public', '99001', ST_SetSRID(ST_MakePoint(106.6709, 20.8706), 4326))");
            var after = await Ward(client, "99001");

            // Hand-computed: the ward gains the new school's 40 classrooms and one school; the need is unchanged.
            Assert.Equal(before.GetProperty("rooms_available").GetInt64() + 40, after.GetProperty("rooms_available").GetInt64());
            Assert.Equal(before.GetProperty("deficit_rooms").GetInt64() - 40, after.GetProperty("deficit_rooms").GetInt64());
            Assert.Equal(before.GetProperty("schools").GetInt32() + 1, after.GetProperty("schools").GetInt32());
            Assert.Equal(before.GetProperty("rooms_needed").GetInt64(), after.GetProperty("rooms_needed").GetInt64());
            Assert.Equal(pg.Store.ContentHash(), app.Services.GetService(typeof(DatasetService)) is DatasetService d ? d.Sha256 : null);
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
            pg.Sql($"DROP SCHEMA IF EXISTS {pg.Schema}_tracker CASCADE");
        }
    }
}
