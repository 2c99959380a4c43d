using Facilities.Core.Catchment;

namespace Facilities.Application;

/// <summary>
/// The settlement layer the catchment method weights its demand grid with, from what the dataset holds: the parcels
/// in residential land use (ODT đất ở đô thị, ONT đất ở nông thôn), each weighted by its area. Null when the dataset
/// has no parcels layer or no residential parcel: the grid is then weighted evenly, and the run says so.
/// </summary>
public static class Settlement
{
    /// <summary>Cadastral codes of residential land (Circular 08/2024/TT-BTNMT's land-use list; docs/sites.md).</summary>
    public static readonly IReadOnlySet<string> ResidentialLandUse = new HashSet<string>(["ODT", "ONT"], StringComparer.Ordinal);

    /// <summary>The residential parcels of <paramref name="d"/> as settlement points (parcel centroids, weight = area in m²), or null.</summary>
    public static SettlementPoints? FromParcels(DatasetContext d)
    {
        if (!d.HasLayer("parcels"))
        {
            return null;
        }

        var xs = new List<double>();
        var ys = new List<double>();
        var ws = new List<double>();
        foreach (var p in d.Store.StreamParcels(d.City.MetricCrs))
        {
            // The land use is read before the geometry, so other parcels are never decoded.
            if (!ResidentialLandUse.Contains(p.LandUse) || p.AreaM2 <= 0)
            {
                continue;
            }

            var c = p.Geometry.Centroid;
            xs.Add(c.X);
            ys.Add(c.Y);
            ws.Add(p.AreaM2);
        }

        return xs.Count == 0 ? null : new SettlementPoints("parcels_residential", [.. xs], [.. ys], [.. ws]);
    }
}
