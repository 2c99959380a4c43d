using Facilities.Core.Screening;
using Facilities.Testing;
using static Facilities.Core.Tests.Screening.ScreeningCity;

namespace Facilities.Core.Tests.Screening;

public class SiteWidthTests
{
    [Fact]
    public void RectangleIsAsWideAsItsShorterSideHoweverItIsTurned()
    {
        Assert.Equal(20, SiteGeometry.Width(Wkt.Read(Rect(0, 0, 200, 20), 32648)), 9);
        // 100 m × 40 m turned 30°.
        var turned = Wkt.Read("POLYGON((0 0, 86.6025404 50, 66.6025404 84.6410162, -20 34.6410162, 0 0))", 32648);
        Assert.Equal(40, SiteGeometry.Width(turned), 6);
        Assert.True(SiteGeometry.IsWideEnough(turned, 39.9));
        Assert.False(SiteGeometry.IsWideEnough(turned, 40.1));
    }

    [Fact]
    public void LShapeIsAsWideAsTheCircleThatFitsWhereItsArmsMeet()
    {
        // Arms 40 m wide: the largest circle sits in the corner, touching both outer sides and the inner corner:
        // radius c with c = √2 (40 − c), so the diameter is 80√2 ÷ (1 + √2) = 46.86 m, not the 100 m of the envelope.
        var l = Wkt.Read("POLYGON((0 0, 100 0, 100 40, 40 40, 40 100, 0 100, 0 0))", 32648);

        Assert.Equal(80 * Math.Sqrt(2) / (1 + Math.Sqrt(2)), SiteGeometry.Width(l), 0);
        Assert.True(SiteGeometry.IsWideEnough(l, 45));
        Assert.False(SiteGeometry.IsWideEnough(l, 48));
    }

    [Fact]
    public void ConvexQuadrilateralIsDecidedLikeItsInscribedCircle()
    {
        // A trapezoid 80 m high, 100 m at the base and 60 m at the top: the circle is limited by the two bases.
        var trapezoid = Wkt.Read("POLYGON((0 0, 100 0, 80 80, 20 80, 0 0))", 32648);
        var width = SiteGeometry.Width(trapezoid);

        Assert.InRange(width, 60, 80);
        Assert.True(SiteGeometry.IsWideEnough(trapezoid, 30));
        Assert.True(SiteGeometry.IsWideEnough(trapezoid, width - 0.5));
        Assert.False(SiteGeometry.IsWideEnough(trapezoid, width + 1.5));
    }

    [Fact]
    public void MultiPolygonOfOnePartIsMeasuredLikeItsPolygon() =>
        Assert.Equal(30, SiteGeometry.Width(Wkt.Read("MULTIPOLYGON(((0 0, 90 0, 90 30, 0 30, 0 0)))", 32648)), 9);

    [Fact]
    public void NonPolygonsHaveNoWidth()
    {
        Assert.Equal(0, SiteGeometry.Width(Wkt.Read("LINESTRING(0 0, 100 0)", 32648)));
        Assert.False(SiteGeometry.IsWideEnough(Wkt.Read("POLYGON EMPTY", 32648), 1));
    }
}
