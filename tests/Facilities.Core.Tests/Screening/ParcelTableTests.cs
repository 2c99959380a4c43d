using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Testing;
using static Facilities.Core.Tests.Screening.ScreeningCity;

namespace Facilities.Core.Tests.Screening;

/// <summary>
/// The held parcel table (issue 15) is screened by the same rules as a stream of parcels: the same candidates (ids,
/// scores, order, widths), the same counts by first failure, the same merged sites and recorded rejections, also on a
/// second screening with other options that reuses what the first kept. Two 5 km × 5 km wards side by side: phường P
/// west of x = 605,000 (minimum primary site 2,100 m²), xã X east of it (3,500 m²); an industrial zone in P's
/// north-east corner (604,000–605,000 × 2,304,000–2,305,000, 500 m kept), a lower-secondary school on a 100 m square
/// site at (602,000, 2,302,000), minimum width 30 m.
/// </summary>
public class ParcelTableTests
{
    private static readonly ScreeningOptions Options = new("tieu_hoc", 2030) { Top = 0 };

    [Fact]
    public void EveryHardRuleGivesTheSameCountsCandidatesAndMergedSiteFromTheTableAsFromTheStream()
    {
        var parcels = HandMade();
        var city = TwoWards();
        var screener = new ParcelScreener(city, NormsSet.BuiltIn, Options);

        var streamed = screener.Screen(parcels);
        var held = screener.Screen(ParcelTable.Build(parcels));

        // Hand-counted: C, D, F, J and the two halves of the merged site on area; E, L, M on land use; G near the zone
        // (340 m); H on the school site; I 20 m wide; A, B, K, N pass, and O1 + O2 (4,000 m², 50 m wide) merge.
        Assert.Equal(16, held.ParcelsScreened);
        Assert.Equal(4, held.ParcelsPassed);
        Assert.Equal(1, held.MergedPassed);
        Assert.Equal([6L, 3, 1, 1, 1], HardConstraintCodes.All.Select(c => held.RejectedBy[c]));
        Assert.Equal(["A", "B", "K", "N", "merged:O1"], held.Candidates.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["O1", "O2"], held.Candidates.Single(c => c.IsMerged).ParcelIds);
        Assert.Equal("P", held.Candidates.Single(c => c.Id == "K").WardCode); // across the boundary, its centroid in P
        Assert.Equal(60, held.Candidates.Single(c => c.Id == "A").WidthM, 6);
        AssertSame(streamed, held);
    }

    [Fact]
    public void RecordedRejectionsListTheSameParcelsAndFailuresFromTheTable()
    {
        var parcels = HandMade();
        var screener = new ParcelScreener(TwoWards(), NormsSet.BuiltIn, Options with { RecordRejections = true });

        var streamed = screener.Screen(parcels);
        var held = screener.Screen(ParcelTable.Build(parcels));

        Assert.Equal([HardConstraint.LandUse], held.Rejections.Single(r => r.ParcelId == "L").Failed);
        Assert.Equal([HardConstraint.Area, HardConstraint.LandUse], held.Rejections.Single(r => r.ParcelId == "F").Failed);
        Assert.Equal(streamed.Rejections.Select(r => (r.ParcelId, string.Join(",", r.Failed))), held.Rejections.Select(r => (r.ParcelId, string.Join(",", r.Failed))));
        AssertSame(streamed, held);
    }

    [Fact]
    public void ASecondScreeningWithOtherOptionsOnTheSameTableEqualsTheStream()
    {
        var parcels = HandMade();
        var city = TwoWards();
        var table = ParcelTable.Build(parcels);
        var first = new ParcelScreener(city, NormsSet.BuiltIn, Options);
        first.Screen(table);
        // Residential land admitted, two candidates kept, other weights, and no merging: the kept ward and geometric
        // answers are reused, the land-use rule and the scores are this screening's own.
        var other = Options with
        {
            AllowResidential = true,
            Top = 2,
            MergeAdjacent = false,
            Weights = ScoreWeights.Default with { AreaMargin = 40 },
            Year = 2035,
        };
        var second = new ParcelScreener(city, NormsSet.BuiltIn, other);

        var held = second.Screen(table);

        Assert.Equal(2, held.Candidates.Count);
        AssertSame(second.Screen(parcels), held);
    }

    [Fact]
    public void ATableRowGivesBackItsGeometryExactlyWithItsIdAndAttributes()
    {
        var withHole = Wkt.Read("MULTIPOLYGON(((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10)), ((200 0, 230.125 0, 230.125 30, 200 0)))", 32648);
        var parcels = new[]
        {
            new ParcelUnit("T-1", "DGD", null, "state", withHole.Area, withHole),
            new ParcelUnit("T-2", "", "DGD", null, 12.5, Wkt.Read("POLYGON((1 1, 2 1, 2 2, 1 1))", 32648)),
        };

        var table = ParcelTable.Build(parcels);

        Assert.Equal(2, table.Count);
        Assert.Equal(0, table.GeometriesHeldAsObjects);
        Assert.Equal(2, table.AttributeClassCount);
        Assert.True(table.Geometry(0).EqualsExact(withHole));
        Assert.Equal(32648, table.Geometry(0).SRID);
        Assert.Equal(["T-1", "T-2"], [table.Id(0), table.Id(1)]);
        var unit = table.Unit(1);
        Assert.Equal(("", "DGD", (string?)null, 12.5), (unit.LandUse, unit.PlannedLandUse, unit.OwnerType, unit.AreaM2));
        Assert.Equal(new NetTopologySuite.Geometries.Envelope(1, 2, 1, 2), table.Envelope(1));
    }

    [Fact]
    public void OnAGeneratedCityTheTableAndTheStreamGiveTheSameResultForSeveralOptions()
    {
        // 4,000 parcels over 8 km × 8 km in 12 wards (fixed seed), as dense as the benchmark city.
        var generated = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 4000, Wards = 12, WidthMetres = 8_000, HeightMetres = 8_000 });
        var city = CityModel.FromLayers(generated.Layer("wards"), generated.Layer("schools"), generated.Layer("urban_areas"),
            generated.Layer("industrial_zones"), 0.3m, generated.Layer("parcels"));
        var table = ParcelTable.Build(city.Parcels);

        foreach (var options in new[]
        {
            new ScreeningOptions("tieu_hoc", 2030),
            new ScreeningOptions("thcs", 2030) { Top = 0 },
            new ScreeningOptions("tieu_hoc", 2030) { Top = 0, MergeAdjacent = false, ConvertibleLandUses = [] },
            new ScreeningOptions("thpt", 2035) { Top = 50, AllowResidential = true },
        })
        {
            var screener = new ParcelScreener(city, NormsSet.BuiltIn, options);
            var streamed = screener.Screen(city.Parcels);
            var held = screener.Screen(table);

            Assert.NotEmpty(held.Candidates);
            AssertSame(streamed, held);
        }
    }

    private static void AssertSame(ScreeningResult expected, ScreeningResult actual)
    {
        Assert.Equal(expected.ParcelsScreened, actual.ParcelsScreened);
        Assert.Equal(expected.ParcelsPassed, actual.ParcelsPassed);
        Assert.Equal(expected.MergedPassed, actual.MergedPassed);
        Assert.Equal(HardConstraintCodes.All.Select(c => expected.RejectedBy[c]), HardConstraintCodes.All.Select(c => actual.RejectedBy[c]));
        Assert.Equal(expected.Candidates.Select(Row), actual.Candidates.Select(Row));
    }

    private static string Row(CandidateSite c) => string.Join("|", c.Rank, c.Id, string.Join("+", c.ParcelIds), c.Score, c.Breakdown, c.WidthM,
        c.WardCode, c.UnitType, c.WardSchoolsInData, c.LandUse, c.PlannedLandUse, c.OwnerType, c.AreaM2, c.MinAreaM2, c.RadiusM,
        c.RoomsShortInRadius, c.UnservedInRadius, c.NearestSchoolM, c.Geometry.AsText());

    private static List<ParcelUnit> HandMade() =>
    [
        Parcel("A", Rect(607000, 2301000, 60, 60)), // X, 3,600 m²: passes
        Parcel("B", Rect(601000, 2301000, 50, 50)), // P, 2,500 m²: passes
        Parcel("C", Rect(607200, 2301000, 40, 40), owner: "household"), // 1,600 m²: area
        Parcel("D", Rect(607400, 2301000, 50, 50), owner: "household"), // X, 2,500 m²: area
        Parcel("E", Rect(601200, 2301000, 50, 50), landUse: "LUC", owner: "household"), // P, 2,500 m²: land use first
        Parcel("F", Rect(607600, 2301000, 50, 50), landUse: "LUC", owner: "household"), // X, 2,500 m²: area first
        Parcel("G", Rect(604200, 2303600, 60, 60)), // 340 m from the zone
        Parcel("H", Rect(601990, 2301990, 60, 60)), // on the school site
        Parcel("I", Rect(601500, 2301500, 20, 200)), // 4,000 m², 20 m wide
        Parcel("J", Rect(604990, 2302000, 50, 50), landUse: "LUC", owner: "household"), // across the edge, centroid in X: area
        Parcel("K", Rect(604960, 2302200, 50, 50)), // across the edge, centroid in P: passes
        Parcel("L", Rect(601300, 2301300, 60, 60), landUse: "", owner: "household"), // no land use: land use
        Parcel("M", Rect(607800, 2301000, 60, 60), landUse: "XYZ"), // an unknown code: land use
        Parcel("N", Rect(608000, 2301000, 60, 60), landUse: "LUC", owner: "household", planned: "DGD"), // planned DGD: passes
        Parcel("O1", Rect(608200, 2302000, 40, 50)), // 2,000 m² of state DGD land, touching O2
        Parcel("O2", Rect(608240, 2302000, 40, 50)),
    ];

    private static CityModel TwoWards()
    {
        WardUnit Ward(string code, string type, double x) => new(code, code, type, 50_000,
            new Dictionary<string, long> { ["tieu_hoc"] = 3500 }, Wkt.Read(Rect(x, 2300000, 5000, 5000), 32648));
        var site = Wkt.Read(ScreeningCity.SchoolSite, 32648);
        var thcs = new Model.SchoolSite("THCS-1", "THCS-1", "thcs", 20, null, true, "P", site.InteriorPoint) { Site = site };
        var zone = new GrowthArea("industrial_zone", "KCN", "KCN", 0, null, null, Wkt.Read(Zone, 32648));
        return CityModel.Of(CrsRegistry.Get(32648), [Ward("P", "phuong", 600000), Ward("X", "xa", 605000)], [Primary, thcs], [zone]);
    }
}
