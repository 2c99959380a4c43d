using Facilities.Core.Model;
using NetTopologySuite.Geometries.Prepared;

namespace Facilities.Core.Deficit;

/// <summary>
/// Splits each urban area and industrial zone over the wards it overlaps, by area share.
/// </summary>
/// <remarks>
/// POLICY: shares are normalised by the part of the area that lies in some ward, so a project digitised slightly
/// past the city boundary keeps all its residents; <see cref="InsideShare"/> tells how much was inside.
/// </remarks>
public sealed class GrowthShares
{
    private readonly Dictionary<string, List<(string WardCode, decimal Share)>> _shares = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _inside = new(StringComparer.Ordinal);

    /// <summary>Computes the shares of every growth area of the city.</summary>
    public GrowthShares(CityModel city)
    {
        foreach (var g in city.Growth)
        {
            var prepared = PreparedGeometryFactory.Prepare(g.Area);
            var parts = new List<(string, double)>();
            foreach (var w in city.Wards)
            {
                if (w.Area.EnvelopeInternal.Intersects(g.Area.EnvelopeInternal) && prepared.Intersects(w.Area))
                {
                    var a = w.Area.Intersection(g.Area).Area;
                    if (a > 0)
                    {
                        parts.Add((w.Code, a));
                    }
                }
            }

            var total = parts.Sum(p => p.Item2);
            _inside[Key(g)] = g.Area.Area > 0 ? total / g.Area.Area : 0;
            _shares[Key(g)] = total > 0 ? parts.Select(p => (p.Item1, (decimal)(p.Item2 / total))).ToList() : [];
        }
    }

    /// <summary>(ward, share) pairs of a growth area; shares add up to 1 (or the list is empty).</summary>
    public IReadOnlyList<(string WardCode, decimal Share)> Of(GrowthArea g) => _shares[Key(g)];

    /// <summary>Fraction of the growth area's surface that lies inside some ward.</summary>
    public double InsideShare(GrowthArea g) => _inside[Key(g)];

    private static string Key(GrowthArea g) => g.Kind + "/" + g.Id;
}
