using Facilities.Application;
using Facilities.Storage.PostGis.Datasets;
using Facilities.Storage.Sqlite.Datasets;
using Facilities.Testing;
using Npgsql;

namespace Facilities.Storage.PostGis.Tests.Datasets;

/// <summary>
/// A PostGIS dataset in a schema of its own (unique name) of the FACILITIES_TEST_PG database, dropped on dispose;
/// skips (or fails with FACILITIES_REQUIRE_TOOLS=1) without a server, as <see cref="TestDatabase"/> does.
/// </summary>
public sealed class PgDataset : IDisposable
{
    private PgDataset(string connectionString, string schema)
    {
        ConnectionString = connectionString;
        Schema = schema;
        Location = $"{connectionString};Schema={schema}";
        Store = new PostGisDatasetStore(PostGisLocation.Parse(Location));
    }

    /// <summary>The server's connection string (without a schema).</summary>
    public string ConnectionString { get; }

    /// <summary>This dataset's schema.</summary>
    public string Schema { get; }

    /// <summary>The dataset location as the CLI takes it.</summary>
    public string Location { get; }

    /// <summary>The store.</summary>
    public PostGisDatasetStore Store { get; }

    /// <summary>An empty dataset location (no schema yet).</summary>
    public static PgDataset Empty()
    {
        var cs = Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (Environment.GetEnvironmentVariable("FACILITIES_REQUIRE_TOOLS") == "1")
            {
                Assert.Fail("FACILITIES_TEST_PG is required (FACILITIES_REQUIRE_TOOLS=1) but not set; scripts/test.sh starts a PostGIS server");
            }

            Assert.Skip("set FACILITIES_TEST_PG");
        }

        return new PgDataset(cs!, "d_" + Guid.NewGuid().ToString("N")[..16]);
    }

    /// <summary>The sample city (gis-data/sample-city.gpkg) copied into a new schema.</summary>
    public static PgDataset SampleCity()
    {
        var d = Empty();
        DatasetCopy.Run(new GeoPackageStore(SharedData.SampleCity), d.Store);
        return d;
    }

    /// <summary>Runs SQL on the dataset's database (as QGIS or psql would), with <c>{s}</c> standing for the schema.</summary>
    public int Sql(string sql)
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal), c);
        return cmd.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Store.Drop();
        Store.Dispose();
    }
}
