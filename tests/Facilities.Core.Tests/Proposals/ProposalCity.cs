using Facilities.Core.Model;
using Facilities.Core.Spatial;
using Facilities.Testing;
using static Facilities.Core.Tests.Screening.ScreeningCity;

namespace Facilities.Core.Tests.Proposals;

/// <summary>
/// Two 5 km × 5 km wards side by side in EPSG:32648, a phường (west) and a xã (east), no schools; an urban-area
/// project of 48,000 residents (2024–2032, 30,000 m² reserved) that lies 2/3 in the phường.
/// </summary>
internal static class ProposalCity
{
    public static GrowthArea Project(string wkt = "POLYGON((603000 2302000, 606000 2302000, 606000 2303000, 603000 2303000, 603000 2302000))",
        decimal residents = 48_000, double? reserved = 30_000) =>
        new("urban_area", "KDT-1", "Khu đô thị <Thử> & \"Mẫu\"", residents, 2024, 2032, Wkt.Read(wkt, 32648)) { ReservedSchoolLandM2 = reserved };

    public static CityModel City(GrowthArea area, params ParcelUnit[] parcels)
    {
        var west = new WardUnit("A", "Phường A", "phuong", 20_000, new Dictionary<string, long>(), Wkt.Read(Rect(600000, 2300000, 5000, 5000), 32648));
        var east = new WardUnit("B", "Xã B", "xa", 10_000, new Dictionary<string, long>(), Wkt.Read(Rect(605000, 2300000, 5000, 5000), 32648));
        return CityModel.Of(CrsRegistry.Get(32648), [west, east], [], [area], parcels);
    }
}
