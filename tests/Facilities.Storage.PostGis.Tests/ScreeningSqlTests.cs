using System.Globalization;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.PostGisReference;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Storage.PostGis.Tests;

/// <summary>
/// The parcel screening written as PostGIS SQL (<see cref="PostGisScreening"/>) flags exactly the parcels the
/// in-memory <see cref="ParcelScreener"/> flags, rejects the others on the same first constraint, and scores them
/// alike.
/// </summary>
/// <remarks>
/// Inherent differences, and why the comparison still holds (docs/sites.md):
/// <list type="bullet">
/// <item>Width. NTS and GEOS both find the largest inscribed circle by successive grid refinement, to different
/// tolerances: C# decides rectangles exactly (their shorter side), then by bounds, then with a 0.5 m circle refined to
/// 0.1 m; PostGIS 3.3's ST_MaximumInscribedCircle takes no tolerance and uses max(width, height) ÷ 1000 (0.2 m for a
/// 200 m parcel). Both radii are lower bounds of the true one, so a non-rectangular parcel whose true width lies
/// within a few decimetres above the minimum can pass in one engine and fail in the other. The generated parcels are
/// rectangles, for which GEOS starts from the centroid, the exact centre, so both give the shorter side; the
/// hand-built L and triangle below are far from the threshold.</item>
/// <item>Centroids, distances and sums are computed by different code (NTS, GEOS, and the executor's summation
/// order), so they agree to about 1e-12, not bit for bit; a criterion's points can differ by one unit in the third
/// decimal when the exact value sits on a rounding boundary. The test allows 0.001 per criterion.</item>
/// <item>Boundaries: the area ward is looked up with ST_Intersects (on the boundary counts, as the C# locator), the
/// industrial test is ST_Distance &lt; minimum (as the C# facet distance), and the score's nodes count when
/// ST_DWithin (≤ radius), as ServiceSurface's row and column bounds.</item>
/// </list>
/// </remarks>
public class ScreeningSqlTests
{
    private static readonly NormsSet Norms = NormsSet.BuiltIn;

    // 4,000 parcels on the default 16 km × 12 km sample city (seed 20250701): cells of about 170 m, so large parcels
    // and many small ones reach school-site size, and long 5 m strips fail on width.
    private static readonly Lazy<CityModel> Generated = new(() =>
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 4000 });
        return CityModel.FromLayers(city.Layer("wards"), city.Layer("schools"), city.Layer("urban_areas"), city.Layer("industrial_zones"),
            Norms["dependants_per_worker"], city.Layer("parcels"));
    });

    [Theory]
    [InlineData("mam_non")]
    [InlineData("tieu_hoc")]
    [InlineData("thcs")]
    [InlineData("thpt")]
    public async Task GeneratedCity_EachLevel_SqlFlagsTheSameParcelsWithTheSameScores(string level)
    {
        var (memory, sql) = await CompareAsync(Generated.Value, new ScreeningOptions(level, 2030) { Top = 0, MergeAdjacent = false });

        Assert.Equal(4000, sql.ParcelsScreened);
        Assert.True(sql.ParcelsPassed > 50, $"{sql.ParcelsPassed} passed");
        Assert.True(sql.RejectedBy[HardConstraint.Area] > 0 && sql.RejectedBy[HardConstraint.LandUse] > 0);
        Assert.Contains(memory.Candidates, c => c.UnitType == "phuong");
        Assert.Contains(memory.Candidates, c => c.UnitType != "phuong");
    }

    [Fact]
    public async Task GeneratedCity_ResidentialAllowedPublicOnlyTwoSessions_SqlAgrees()
    {
        var options = new ScreeningOptions("thcs", 2035)
        {
            Top = 0,
            MergeAdjacent = false,
            AllowResidential = true,
            PublicOnly = true,
            TwoSessions = true,
            ConvertibleLandUses = ["tsc"],
            Weights = ScoreWeights.Default with { LandStatus = 30, AreaMargin = 5 },
        };

        var (_, sql) = await CompareAsync(Generated.Value, options);

        Assert.Contains(sql.Candidates, c => c.LandUse is "ODT" or "ONT");
        Assert.DoesNotContain(sql.Candidates, c => c.LandUse == "DHT" && c.PlannedLandUse != "DGD");
    }

    [Fact]
    public async Task GeneratedCity_TopTen_SameRankingAsInMemory()
    {
        var (memory, sql) = await CompareAsync(Generated.Value, new ScreeningOptions("tieu_hoc", 2030) { Top = 10, MergeAdjacent = false });

        Assert.Equal(10, sql.Candidates.Count);
        Assert.Equal(memory.Candidates.Select(c => c.Id), sql.Candidates.Select(c => c.Id));
    }

    [Fact]
    public async Task HandBuiltParcels_EachConstraintRejectsTheSameParcelInBothEngines()
    {
        // ScreeningCity of the core tests: one 5 km xã, an industrial zone in its north-east km², a THCS on a 100 m
        // site at (602000, 2302000), a point primary school at (600500, 2300500). Minimum primary site 3,500 m².
        static string Rect(double x, double y, double w, double h) => string.Create(CultureInfo.InvariantCulture,
            $"POLYGON(({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))");
        ParcelUnit P(string id, string wkt, string use = "DGD", string? owner = "state", string? planned = null)
        {
            var g = Wkt.Read(wkt, 32648);
            return new ParcelUnit(id, use, planned, owner, g.Area, g);
        }

        ParcelUnit[] parcels =
        [
            P("ok-square", Rect(601000, 2301000, 80, 80)),
            P("ok-planned", Rect(603000, 2301000, 80, 80), " luc ", "household", "dgd"),
            P("ok-tsc", Rect(601000, 2303000, 70, 70), "TSC"),
            P("ok-L", "POLYGON((600100 2303000, 600200 2303000, 600200 2303040, 600140 2303040, 600140 2303100, 600100 2303100, 600100 2303000))"),
            P("ok-triangle", "POLYGON((603000 2303000, 603150 2303000, 603000 2303150, 603000 2303000))"),
            P("small", Rect(601200, 2301000, 50, 50)),
            P("tsc-household", Rect(601400, 2301000, 80, 80), "TSC", "household"),
            P("residential", Rect(601600, 2301000, 80, 80), "ODT", "household"),
            P("unknown-owner", Rect(601800, 2301000, 80, 80), "DHT", null),
            P("near-zone", Rect(603700, 2304200, 80, 80)),
            P("in-zone", Rect(604200, 2304200, 80, 80)),
            P("school-site", Rect(602050, 2302050, 80, 80)),
            P("point-school", Rect(600450, 2300450, 80, 80)),
            P("touching-site", Rect(602100, 2302000, 80, 80)),
            P("strip", Rect(600000, 2304500, 700, 5)),
            P("thin-L", "POLYGON((602500 2300100, 602700 2300100, 602700 2300120, 602520 2300120, 602520 2300300, 602500 2300300, 602500 2300100))"),
        ];
        var ward = new WardUnit("A", "Xã A", "xa", 50_000, new Dictionary<string, long> { ["tieu_hoc"] = 3500 }, Wkt.Read(Rect(600000, 2300000, 5000, 5000), 32648));
        var site = Wkt.Read(Rect(602000, 2302000, 100, 100), 32648);
        var city = CityModel.Of(CrsRegistry.Get(32648), [ward],
            [
                new SchoolSite("TH-1", "TH-1", "tieu_hoc", 20, null, true, "A", (Point)Wkt.Read("POINT(600500 2300500)", 32648)),
                new SchoolSite("THCS-1", "THCS-1", "thcs", 20, null, true, "A", site.InteriorPoint) { Site = site },
            ],
            [new GrowthArea("industrial_zone", "KCN", "KCN", 0, null, null, Wkt.Read(Rect(604000, 2304000, 1000, 1000), 32648))], parcels);

        var (memory, sql) = await CompareAsync(city, new ScreeningOptions("tieu_hoc", 2030) { Top = 0, MergeAdjacent = false });

        Assert.Equal(["ok-L", "ok-planned", "ok-square", "ok-triangle", "ok-tsc", "touching-site"], sql.Candidates.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1, sql.RejectedBy[HardConstraint.Area]);
        Assert.Equal(3, sql.RejectedBy[HardConstraint.LandUse]);
        Assert.Equal(2, sql.RejectedBy[HardConstraint.IndustrialDistance]);
        Assert.Equal(2, sql.RejectedBy[HardConstraint.SchoolOverlap]);
        Assert.Equal(2, sql.RejectedBy[HardConstraint.Width]);
        Assert.Equal(memory.ParcelsPassed, sql.ParcelsPassed);
    }

    private static async Task<(ScreeningResult Memory, PostGisScreeningResult Sql)> CompareAsync(CityModel city, ScreeningOptions options)
    {
        await using var db = TestDatabase.Open();
        var screener = new ParcelScreener(city, Norms, options);
        var memory = screener.Screen();

        await PostGisScreening.LoadAsync(db.Db, city, screener.Inputs, city.Parcels, db.Schema, TestContext.Current.CancellationToken);
        var sql = await PostGisScreening.ComputeAsync(db.Db, db.Schema, options.Top, cancellationToken: TestContext.Current.CancellationToken);

        var worst = ScreeningAssert.Agree(memory, sql);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{options.Describe()}: {sql.ParcelsScreened} parcels, {sql.ParcelsPassed} pass, rejected " +
            string.Join(", ", sql.RejectedBy.Select(p => $"{p.Key.Code()} {p.Value}")) + $"; largest criterion difference {worst}");
        return (memory, sql);
    }
}
