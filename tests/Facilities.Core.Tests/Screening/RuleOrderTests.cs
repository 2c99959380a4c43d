using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Testing;
using NetTopologySuite.Geometries;
using static Facilities.Core.Tests.Screening.ScreeningCity;

namespace Facilities.Core.Tests.Screening;

/// <summary>
/// Land use is tested before the ward is looked up (issue 15): a parcel whose use is not allowed is rejected
/// whatever its ward, and the ward only says which failure it counts first when its area lies between the phường
/// minimum (2,100 m² for a primary school) and the xã minimum (3,500 m²), which the ward-type grid settles from a box
/// around the parcel. Two 5 km × 5 km wards side by side: phường P to the west of x = 605,000, xã X to the east.
/// </summary>
public class RuleOrderTests
{
    private static readonly ScreeningOptions Options = new("tieu_hoc", 2030) { Top = 0 };

    [Fact]
    public void AParcelOfTheWrongUseBetweenTheMinimumsCountsByItsWardWithoutItsGeometryBeingDecoded()
    {
        var loads = 0;
        // 50 m × 50 m = 2,500 m² of rice land: below 3,500 in the xã (area first), above 2,100 in the phường (land use first).
        var inXa = Lazy("X1", Rect(607000, 2301000, 50, 50), "LUC", () => Interlocked.Increment(ref loads));
        var inPhuong = Lazy("P1", Rect(601000, 2301000, 50, 50), "LUC", () => Interlocked.Increment(ref loads));

        var result = new ParcelScreener(TwoWards(), NormsSet.BuiltIn, Options).Screen([inXa, inPhuong]);

        Assert.Equal(1, result.RejectedBy[HardConstraint.Area]);
        Assert.Equal(1, result.RejectedBy[HardConstraint.LandUse]);
        Assert.Equal(0, loads);
    }

    [Fact]
    public void AParcelOfTheWrongUseBelowEveryMinimumOrAboveEveryMinimumIsNeverDecodedEvenWithoutABox()
    {
        var loads = 0;
        var tiny = Lazy("T", Rect(601000, 2301000, 40, 40), "LUC", () => Interlocked.Increment(ref loads), bounds: false); // 1,600 m²
        var large = Lazy("L", Rect(607000, 2301000, 70, 70), "LUC", () => Interlocked.Increment(ref loads), bounds: false); // 4,900 m²

        var result = new ParcelScreener(TwoWards(), NormsSet.BuiltIn, Options).Screen([tiny, large]);

        Assert.Equal(1, result.RejectedBy[HardConstraint.Area]);
        Assert.Equal(1, result.RejectedBy[HardConstraint.LandUse]);
        Assert.Equal(0, loads);
    }

    [Fact]
    public void AParcelAcrossTheBoundaryOfAPhuongAndAXaIsPlacedByItsCentroid()
    {
        var loads = 0;
        // Both straddle x = 605,000; the first's centroid (605,015) lies in the xã, the second's (604,985) in the phường.
        var east = Lazy("E", Rect(604990, 2301000, 50, 50), "LUC", () => Interlocked.Increment(ref loads));
        var west = Lazy("W", Rect(604960, 2301000, 50, 50), "LUC", () => Interlocked.Increment(ref loads));

        var result = new ParcelScreener(TwoWards(), NormsSet.BuiltIn, Options).Screen([east, west]);

        Assert.Equal(1, result.RejectedBy[HardConstraint.Area]);
        Assert.Equal(1, result.RejectedBy[HardConstraint.LandUse]);
        Assert.Equal(2, loads); // decoded once each, to find the centroid
    }

    [Fact]
    public void TheFilterSettlesTheFirstFailureFromABoxInOneWardTypeAndLeavesTheRestToTheScreener()
    {
        var filter = new ParcelScreener(TwoWards(), NormsSet.BuiltIn, Options).CreateAttributeFilter();

        Assert.True(filter.Rejects(2500, "LUC", null, "household", new Envelope(601000, 601050, 2301000, 2301050)));
        Assert.True(filter.Rejects(2500, "LUC", null, "household", new Envelope(607000, 607050, 2301000, 2301050)));
        Assert.False(filter.Rejects(2500, "LUC", null, "household", new Envelope(604990, 605040, 2301000, 2301050)));
        Assert.False(filter.Rejects(2500, "LUC", null, "household", null));
        Assert.False(filter.Rejects(2500, "DGD", null, "household", new Envelope(607000, 607050, 2301000, 2301050)));
        Assert.True(filter.Rejects(1600, "DGD", null, "household", null));
        Assert.True(filter.Rejects(4900, "LUC", null, "household", null));
        Assert.Equal((2, 2), (filter.RejectedOnArea, filter.RejectedOnLandUse));
        Assert.True(filter.NeedsBounds(2100));
        Assert.False(filter.NeedsBounds(3500));
        Assert.False(filter.NeedsBounds(2099.99));
    }

    [Fact]
    public void TheWardTypeGridAnswersOnlyWhereEveryPointOfTheBoxHasTheSameType()
    {
        var grid = new WardTypeGrid(TwoWards().Wards);

        Assert.Equal(1, grid.TypeOf(new Envelope(601000, 601050, 2301000, 2301050)));
        Assert.Equal(0, grid.TypeOf(new Envelope(607000, 607050, 2301000, 2301050)));
        Assert.Equal(WardTypeGrid.Unknown, grid.TypeOf(new Envelope(604990, 605040, 2301000, 2301050)));
        // Touching the shared boundary from the west: a point on it lies in both, and the lower index (P) wins, but
        // the grid does not look that far.
        Assert.Equal(WardTypeGrid.Unknown, grid.TypeOf(new Envelope(604950, 605000, 2301000, 2301050)));
        // Outside every ward (rural), and partly outside: the phường's edge decides nothing then.
        Assert.Equal(0, grid.TypeOf(new Envelope(620000, 620050, 2301000, 2301050)));
        Assert.Equal(WardTypeGrid.Unknown, grid.TypeOf(new Envelope(599980, 600030, 2301000, 2301050)));
        Assert.Equal(0, grid.TypeOf(new Envelope(610010, 610050, 2301000, 2301050)));
    }

    [Fact]
    public void OnAGeneratedCityTheCountsByFirstFailureAreThoseOfEveryTestRunOnEveryParcel()
    {
        // 4,000 parcels over 8 km × 8 km in 12 wards, as dense as the benchmark city (1,000,000 over 126 km × 126 km), where about a quarter of the parcels lie between the minimums.
        var generated = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 4000, Wards = 12, WidthMetres = 8_000, HeightMetres = 8_000 });
        var city = CityModel.FromLayers(generated.Layer("wards"), generated.Layer("schools"), generated.Layer("urban_areas"),
            generated.Layer("industrial_zones"), 0.3m, generated.Layer("parcels"));
        var screener = new ParcelScreener(city, NormsSet.BuiltIn, Options with { MergeAdjacent = false });
        var (low, high) = (2100, 3500);

        var result = screener.Screen();
        var firsts = city.Parcels.Select(screener.Check).Where(f => f.Count > 0).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.LongCount());

        Assert.Contains(city.Wards, w => w.UnitType == "phuong");
        Assert.Contains(city.Wards, w => w.UnitType != "phuong");
        Assert.True(city.Parcels.Count(p => p.AreaM2 >= low && p.AreaM2 < high && !screener.LandUse.Allows(p)) > 100);
        Assert.Equal(HardConstraintCodes.All.Select(c => firsts.GetValueOrDefault(c)), HardConstraintCodes.All.Select(c => result.RejectedBy[c]));
        Assert.Equal(city.Parcels.Count - firsts.Values.Sum(), result.ParcelsPassed);
    }

    private static CityModel TwoWards()
    {
        WardUnit Ward(string code, string type, double x) => new(code, code, type, 50_000,
            new Dictionary<string, long> { ["tieu_hoc"] = 3500 }, Wkt.Read(Rect(x, 2300000, 5000, 5000), 32648));
        return CityModel.Of(CrsRegistry.Get(32648), [Ward("P", "phuong", 600000), Ward("X", "xa", 605000)], [Primary], []);
    }

    // A parcel whose geometry is decoded on demand (counted), with its envelope as the reader's box unless told not.
    private static ParcelUnit Lazy(string id, string wkt, string landUse, Func<int> loaded, bool bounds = true)
    {
        var g = Wkt.Read(wkt, 32648);
        return new ParcelUnit(id, landUse, null, "household", g.Area, () =>
        {
            loaded();
            return g;
        })
        { Bounds = bounds ? g.EnvelopeInternal : null };
    }
}
