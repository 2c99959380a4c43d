using Facilities.Core.Catchment;
using Facilities.Core.Screening;

namespace Facilities.Core.Tests.Screening;

public class ServiceSurfaceTests
{
    [Fact]
    public void SumWithinACircleEqualsCountingEveryNode()
    {
        // A 30 × 24 lattice of 100 m with values i + 2j, minus one corner node that holds no point.
        var points = new DemandPoints((30 * 24) - 1);
        var values = new double[points.Count];
        var k = 0;
        for (var i = 0; i < 30; i++)
        {
            for (var j = 0; j < 24 && k < points.Count; j++, k++)
            {
                (points.X[k], points.Y[k], values[k]) = (500_050 + (100.0 * i), 2_000_050 + (100.0 * j), i + (2.0 * j));
            }
        }

        var surface = new ServiceSurface(points, values, 100);
        var random = new Random(7);
        for (var q = 0; q < 200; q++)
        {
            var (x, y, r) = (499_800 + (random.NextDouble() * 3400), 1_999_800 + (random.NextDouble() * 2800), random.NextDouble() * 900);
            var expected = Enumerable.Range(0, points.Count)
                .Where(n => Math.Sqrt(((points.X[n] - x) * (points.X[n] - x)) + ((points.Y[n] - y) * (points.Y[n] - y))) <= r)
                .Sum(n => values[n]);

            Assert.Equal(expected, surface.SumWithin(x, y, r), 6);
        }
    }

    [Fact]
    public void EmptySurfaceSumsToZero() =>
        Assert.Equal(0, new ServiceSurface(new DemandPoints(0), [], 250).SumWithin(0, 0, 1000));
}
