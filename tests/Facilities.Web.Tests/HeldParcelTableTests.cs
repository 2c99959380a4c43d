using System.Globalization;
using Facilities.Application;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

namespace Facilities.Web.Tests;

/// <summary>
/// The map app's server holds the parcels in a table (issue 15): read on the first screening, not at start; the same
/// result as the CLI's streamed screening; read again after the GeoPackage is written to.
/// </summary>
public sealed class HeldParcelTableTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_table_is_read_on_the_first_screening_gives_the_streamed_result_and_is_read_again_after_a_write()
    {
        var path = _dir.File("city.gpkg");
        CliRun.Ok("generate", "--out", path, "--parcels", "3000", "--wards", "4", "--seed", "11");
        var options = new ScreeningOptions("tieu_hoc", 2030) { Top = 0 };
        var dataset = new DatasetService(path, null);
        Assert.True(dataset.Context.HoldsParcels);
        Assert.False(dataset.Context.ParcelsLoaded); // nothing read at start

        var before = SitesComputation.Run(dataset.Context, options).Result.Result;

        Assert.True(dataset.Context.ParcelsLoaded);
        Assert.Equal(3000, dataset.Context.Parcels.Count);
        AssertSame(Streamed(path, options), before);

        // A large parcel of a use the rule does not admit becomes education land: one fewer rejection on land use.
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            GeoPackageSqlFunctions.Register(c); // the R-tree's triggers call ST_IsEmpty, as in QGIS
            using var update = c.CreateCommand();
            update.CommandText = "UPDATE parcels SET land_use = 'DGD' WHERE fid = (SELECT min(fid) FROM parcels WHERE area_m2 >= 3500 " +
                "AND land_use NOT IN ('DGD', 'TSC', 'DHT') AND coalesce(planned_land_use, '') <> 'DGD')";
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        dataset.Refresh();
        Assert.Equal(1, dataset.Reloads);
        Assert.False(dataset.Context.ParcelsLoaded);
        var after = SitesComputation.Run(dataset.Context, options).Result.Result;

        Assert.Equal(before.RejectedBy[HardConstraint.LandUse] - 1, after.RejectedBy[HardConstraint.LandUse]);
        AssertSame(Streamed(path, options), after);
    }

    private static ScreeningResult Streamed(string path, ScreeningOptions options)
    {
        var streaming = new DatasetContext(DatasetLocation.Open(path), NormsSet.BuiltIn);
        Assert.False(streaming.HoldsParcels);
        return SitesComputation.Run(streaming, options).Result.Result;
    }

    private static void AssertSame(ScreeningResult expected, ScreeningResult actual)
    {
        Assert.Equal(expected.ParcelsScreened, actual.ParcelsScreened);
        Assert.Equal(expected.MergedPassed, actual.MergedPassed);
        Assert.Equal(HardConstraintCodes.All.Select(c => expected.RejectedBy[c]), HardConstraintCodes.All.Select(c => actual.RejectedBy[c]));
        Assert.NotEmpty(actual.Candidates);
        Assert.Equal(expected.Candidates.Select(Row), actual.Candidates.Select(Row));
    }

    private static string Row(CandidateSite c) => string.Join("|", c.Rank, c.Id, string.Join("+", c.ParcelIds),
        c.Score.ToString(CultureInfo.InvariantCulture), c.WidthM.ToString("R", CultureInfo.InvariantCulture), c.WardCode,
        c.AreaM2.ToString("R", CultureInfo.InvariantCulture), c.Geometry.AsText());
}
