using Facilities.Core.Spatial;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Facilities.Core.Tests.Spatial;

public class UtmProjectionTests
{
    // Reference values: cs2cs (PROJ 9.1.1, Debian proj-bin) on 2026-11-23, e.g.
    // echo "20.86 106.68" | cs2cs -f %.4f EPSG:4326 EPSG:32648 → 674781.5198 2307566.2087.
    // Points span Vietnam, including the zone edges (102° E, 107.9° E, 109.5° E).
    [Theory]
    [InlineData(48, 106.68, 20.86, 674781.5198, 2307566.2087)]
    [InlineData(48, 106.70, 10.77, 685882.5618, 1191063.8378)]
    [InlineData(48, 105.85, 21.03, 588324.2493, 2325702.9464)]
    [InlineData(48, 104.70, 8.60, 466990.2353, 950642.6872)]
    [InlineData(48, 105.30, 23.35, 530664.7164, 2582297.3406)]
    [InlineData(48, 108.20, 16.05, 842439.6089, 1777111.9595)]
    [InlineData(48, 102.00, 21.00, 188106.9249, 2325075.6945)]
    [InlineData(48, 107.90, 15.00, 811887.7791, 1660370.1289)]
    [InlineData(49, 108.20, 16.05, 200396.4970, 1776491.2713)]
    [InlineData(49, 109.50, 21.00, 344093.4543, 2322879.1160)]
    [InlineData(49, 109.20, 11.90, 303952.0009, 1316131.0344)]
    public void ForwardMatchesProjToAMillimetre(int zone, double lon, double lat, double easting, double northing)
    {
        var (x, y) = UtmProjection.ForZone(zone).Forward(lon, lat);

        // cs2cs prints 0.1 mm; the series itself is good to nanometres.
        Assert.Equal(easting, x, 0.0002);
        Assert.Equal(northing, y, 0.0002);
    }

    [Fact]
    public void ForwardAgreesWithProjNetOverTheCityGrid()
    {
        var wgs = CrsRegistry.Get(4326);
        var utm = CrsRegistry.Get(32648);
        var factory = new CoordinateSystemFactory();
        var projNet = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(factory.CreateFromWkt(wgs.Wkt), factory.CreateFromWkt(utm.Wkt)).MathTransform;
        var projection = UtmProjection.ForZone(48);
        for (var lon = 102.0; lon <= 108.0; lon += 0.37)
        {
            for (var lat = 8.0; lat <= 23.5; lat += 0.53)
            {
                var (ex, ey) = projNet.Transform(lon, lat);
                var (x, y) = projection.Forward(lon, lat);
                Assert.True(Math.Abs(ex - x) < 0.001 && Math.Abs(ey - y) < 0.001, $"{lon} {lat}: ProjNET {ex} {ey}, series {x} {y}");
            }
        }
    }

    [Fact]
    public void PairIsWgs84ToUtmNorthOnlyAndReprojectorAgrees()
    {
        Assert.NotNull(UtmProjection.ForPair(CrsRegistry.Get(4326), CrsRegistry.Get(32649)));
        Assert.Null(UtmProjection.ForPair(CrsRegistry.Get(4326), CrsRegistry.Get(9210)));
        Assert.Null(UtmProjection.ForPair(CrsRegistry.Get(4756), CrsRegistry.Get(32648)));

        var gf = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);
        var point = gf.CreatePoint(new NetTopologySuite.Geometries.Coordinate(106.68, 20.86));
        var projected = Reprojector.Transform(point, CrsRegistry.Get(4326), CrsRegistry.Get(32648));

        Assert.Equal(674781.5198, projected.Coordinate.X, 0.0002);
        Assert.Equal(2307566.2087, projected.Coordinate.Y, 0.0002);
        Assert.Equal(32648, projected.SRID);
        Assert.Equal(106.68, point.Coordinate.X);
        var (x, y) = UtmProjection.ForPair(CrsRegistry.Get(4326), CrsRegistry.Get(32648))!.Forward(106.68, 20.86);
        Assert.Equal(x, projected.Coordinate.X, 0.001);
        Assert.Equal(y, projected.Coordinate.Y, 0.001);
    }

    [Fact]
    public void ZoneOutsideOneToSixtyIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UtmProjection.ForZone(61));
}
