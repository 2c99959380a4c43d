using System.Globalization;
using Facilities.Core.Model;
using Facilities.Core.Spatial;
using NetTopologySuite.Geometries;

namespace Facilities.Benchmarks;

/// <summary>
/// A city for the catchment benchmark: square wards on a grid, an urban core of phường in the middle, and schools of
/// one level at seeded random positions, all in UTM 48N (EPSG:32648).
/// </summary>
public static class GridCity
{
    /// <summary>South-west corner, EPSG:32648 metres (about 105.2 E, 19.9 N).</summary>
    private const double OriginX = 420_000;

    private const double OriginY = 2_200_000;

    /// <summary>Builds the city.</summary>
    /// <param name="wardsPerSide">Wards along each side (the city has its square).</param>
    /// <param name="wardMetres">Side of a ward.</param>
    /// <param name="urbanShare">Share of the wards, as a central square block, that are phường (urban radius).</param>
    /// <param name="level">Level of every school and of the ward pupils.</param>
    /// <param name="schools">Number of schools.</param>
    /// <param name="seed">Random seed (positions, classrooms, pupils).</param>
    public static CityModel Build(int wardsPerSide, double wardMetres, double urbanShare, string level, int schools, int seed)
    {
        var random = new Random(seed);
        var factory = new GeometryFactory(new PrecisionModel(), 32648);
        var core = (int)Math.Round(wardsPerSide * Math.Sqrt(urbanShare));
        var coreFirst = (wardsPerSide - core) / 2;
        bool IsUrban(int gx, int gy) => gx >= coreFirst && gx < coreFirst + core && gy >= coreFirst && gy < coreFirst + core;
        string Code(int gx, int gy) => (10_000 + (gy * wardsPerSide) + gx).ToString("D5", CultureInfo.InvariantCulture);

        var wards = new List<WardUnit>();
        for (var gy = 0; gy < wardsPerSide; gy++)
        {
            for (var gx = 0; gx < wardsPerSide; gx++)
            {
                var x0 = OriginX + (gx * wardMetres);
                var y0 = OriginY + (gy * wardMetres);
                var square = factory.CreatePolygon([
                    new Coordinate(x0, y0), new Coordinate(x0 + wardMetres, y0), new Coordinate(x0 + wardMetres, y0 + wardMetres),
                    new Coordinate(x0, y0 + wardMetres), new Coordinate(x0, y0)]);
                var urban = IsUrban(gx, gy);
                // Pupils of the level: 2,000–4,000 in a phường, 600–1,400 in a xã (a dense delta: about 1,100 residents per km²).
                var pupils = urban ? random.Next(2_000, 4_001) : random.Next(600, 1_401);
                wards.Add(new WardUnit(Code(gx, gy), (urban ? "Phường " : "Xã ") + Code(gx, gy), urban ? "phuong" : "xa", pupils * 18,
                    new Dictionary<string, long> { [level] = pupils }, square));
            }
        }

        var side = wardsPerSide * wardMetres;
        var sites = new List<SchoolSite>();
        for (var j = 0; j < schools; j++)
        {
            var x = OriginX + (random.NextDouble() * side);
            var y = OriginY + (random.NextDouble() * side);
            var gx = Math.Min(wardsPerSide - 1, (int)((x - OriginX) / wardMetres));
            var gy = Math.Min(wardsPerSide - 1, (int)((y - OriginY) / wardMetres));
            var id = "S" + j.ToString("D5", CultureInfo.InvariantCulture);
            sites.Add(new SchoolSite(id, "Trường " + id, level, random.Next(3, 10), null, true, Code(gx, gy), factory.CreatePoint(new Coordinate(x, y))));
        }

        return CityModel.Of(CrsRegistry.Get(32648), wards, sites, []);
    }
}
