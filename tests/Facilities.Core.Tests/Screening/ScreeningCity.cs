using System.Globalization;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Screening;

/// <summary>
/// A 5 km × 5 km ward in EPSG:32648 with 3,500 primary pupils and one 20-room primary school near its south-west
/// corner (80 rooms short), an industrial zone in its north-east corner, and a lower-secondary school on a
/// 100 m square site in the middle. Minimum primary site: 10 classes × 35 × 10 m² = 3,500 m² in a xã, × 6 m² =
/// 2,100 m² in a phường.
/// </summary>
internal static class ScreeningCity
{
    public const string Zone = "POLYGON((604000 2304000, 605000 2304000, 605000 2305000, 604000 2305000, 604000 2304000))";
    public const string SchoolSite = "POLYGON((602000 2302000, 602100 2302000, 602100 2302100, 602000 2302100, 602000 2302000))";

    public static readonly SchoolSite Primary =
        new("TH-1", "TH-1", "tieu_hoc", 20, null, true, "A", (Point)Wkt.Read("POINT(600500 2300500)", 32648));

    public static CityModel City(string unitType = "xa", params ParcelUnit[] parcels)
    {
        var ward = new WardUnit("A", "Xã A", unitType, 50_000, new Dictionary<string, long> { ["tieu_hoc"] = 3500 },
            Wkt.Read(Rect(600000, 2300000, 5000, 5000), 32648));
        var site = Wkt.Read(SchoolSite, 32648);
        var thcs = new SchoolSite("THCS-1", "THCS-1", "thcs", 20, null, true, "A", site.InteriorPoint) { Site = site };
        var zone = new GrowthArea("industrial_zone", "KCN", "KCN", 0, null, null, Wkt.Read(Zone, 32648));
        return CityModel.Of(CrsRegistry.Get(32648), [ward], [Primary, thcs], [zone], parcels);
    }

    /// <summary>An axis-aligned rectangle as WKT.</summary>
    public static string Rect(double x, double y, double w, double h) => string.Create(CultureInfo.InvariantCulture,
        $"POLYGON(({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))");

    /// <summary>A parcel from WKT, its area from the geometry.</summary>
    public static ParcelUnit Parcel(string id, string wkt, string landUse = "DGD", string? owner = "state", string? planned = null)
    {
        var g = Wkt.Read(wkt, 32648);
        return new ParcelUnit(id, landUse, planned, owner, g.Area, g);
    }

    public static ScreeningResult Screen(CityModel city, ScreeningOptions? options = null) =>
        new ParcelScreener(city, NormsSet.BuiltIn, options ?? new ScreeningOptions("tieu_hoc", 2030) { Top = 0 }).Screen();

    public static IReadOnlyList<HardConstraint> Failures(ParcelUnit parcel, string unitType = "xa", ScreeningOptions? options = null) =>
        new ParcelScreener(City(unitType), NormsSet.BuiltIn, options ?? new ScreeningOptions("tieu_hoc", 2030)).Check(parcel);
}
