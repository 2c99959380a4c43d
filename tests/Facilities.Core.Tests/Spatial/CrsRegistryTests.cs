using Facilities.Core.Spatial;

namespace Facilities.Core.Tests.Spatial;

public class CrsRegistryTests
{
    [Theory]
    [InlineData("EPSG:9210", 9210)]
    [InlineData("epsg:9209", 9209)]
    [InlineData(" 4326 ", 4326)]
    [InlineData("EPSG:32648", 32648)]
    public void ParseAcceptsEpsgCodesWithOrWithoutPrefix(string text, int srid) =>
        Assert.Equal(srid, CrsRegistry.Parse(text).Srid);

    [Fact]
    public void ParseRejectsUnknownCodeNamingTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => CrsRegistry.Parse("EPSG:2154"));
        Assert.Contains("9210", e.Message, StringComparison.Ordinal);
    }

    // Reference values: cs2cs (PROJ 9.1, Debian proj-bin) on 2026-11-23, e.g.
    // echo "20.86 106.68" | cs2cs -f %.4f EPSG:4326 EPSG:9210 → 596579.7577 2307734.6716.
    // The live comparison against cs2cs is in Facilities.IO.Tests (Vn2000ShapefileTests).
    [Theory]
    [InlineData(32648, 106.68, 20.86, 674781.5198, 2307566.2087)]
    [InlineData(9210, 106.68, 20.86, 596579.7577, 2307734.6716)]
    [InlineData(9209, 106.33, 20.94, 586127.3655, 2316534.4749)]
    public void ForwardTransformMatchesProj(int srid, double lon, double lat, double easting, double northing)
    {
        var (x, y) = Reprojector.Transform(lon, lat, CrsRegistry.Get(4326), CrsRegistry.Get(srid));

        Assert.Equal(easting, x, 0.005);
        Assert.Equal(northing, y, 0.005);
    }

    [Fact]
    public void Vn2000RoundTripIsWithinFiveMillimetres()
    {
        var wgs = CrsRegistry.Get(4326);
        var vn = CrsRegistry.Get(9210);
        var (x, y) = Reprojector.Transform(106.7, 20.85, wgs, vn);
        var (lon, lat) = Reprojector.Transform(x, y, vn, wgs);

        // ProjNET inverts the Helmert shift approximately: ~2 mm on a round trip, far inside the 0.05 m target.
        Assert.Equal(106.7, lon, 5e-8);
        Assert.Equal(20.85, lat, 5e-8);
    }

    [Fact]
    public void Vn2000ShiftUsesPositionVectorRotationSigns()
    {
        // EPSG 6960 publishes rX = -0.00928836″ (coordinate frame); WKT1 TOWGS84 needs the negated value.
        Assert.StartsWith("-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372", CrsRegistry.Vn2000ToWgs84, StringComparison.Ordinal);
        Assert.Contains("TOWGS84[" + CrsRegistry.Vn2000ToWgs84 + "]", CrsRegistry.Get(9210).Wkt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(105.75, 9210)]
    [InlineData(105.5, 9209)]
    [InlineData(107.5, 9216)]
    public void Tm3ZoneIsFoundByCentralMeridian(double cm, int srid) =>
        Assert.Equal(srid, CrsRegistry.Tm3SridForCentralMeridian(cm));

    [Fact]
    public void MetricCrsIsUtmZoneOfTheLongitude()
    {
        Assert.Equal(32648, MetricCrs.ForLongitude(106.7).Srid);
        Assert.Equal(32649, MetricCrs.ForLongitude(109.2).Srid);
    }
}
